// `--scenario demo`: a scripted incident played on a loop, so every state of every
// widget can be watched live. Each step goes through the same changes as the admin
// API, so the demo shows exactly what a real team's updates look like.
import { createIncident, createMaintenance, updateIncident } from './changes.js';
import type { ServerData } from './data.js';
import type { DataStore } from './store.js';

export type ScenarioName = 'demo';
export const SCENARIOS: readonly ScenarioName[] = ['demo'];

const HOUR = 3_600_000;

/** The calm state the loop starts from: all operational, a resolved incident, a maintenance ahead. */
function calm(data: ServerData, now: Date): void {
  data.page = { name: 'Acme Cloud', timeZone: data.page.timeZone ?? 'Etc/UTC' };
  const at = now.toISOString();
  data.components = [
    { id: 'website', name: 'Website', status: 'operational', group: 'Edge', updatedAt: at },
    { id: 'cdn', name: 'CDN', status: 'operational', group: 'Edge', updatedAt: at },
    { id: 'api', name: 'API', status: 'operational', group: 'Core platform', updatedAt: at },
    {
      id: 'database',
      name: 'Database',
      status: 'operational',
      group: 'Core platform',
      updatedAt: at,
    },
    { id: 'search', name: 'Search', status: 'operational', updatedAt: at },
  ];
  data.incidents = [];
  data.maintenances = [];
  const yesterday = new Date(now.getTime() - 26 * HOUR);
  const past = createIncident(
    data,
    {
      name: 'Delayed email notifications',
      impact: 'minor',
      template: 'investigating',
      vars: { problem: 'delayed email notifications' },
      nextUpdateInMinutes: 30,
    },
    yesterday,
  );
  updateIncident(
    data,
    past.id,
    {
      template: 'resolved',
      vars: { summary: 'A stuck mail queue was restarted and all delayed emails were sent.' },
    },
    new Date(yesterday.getTime() + 0.75 * HOUR),
  );
  const tomorrow = new Date(now.getTime() + 24 * HOUR);
  tomorrow.setUTCMinutes(0, 0, 0);
  createMaintenance(
    data,
    {
      name: 'Database upgrade',
      body: 'We will upgrade the primary database. Writes may be delayed by up to a minute during the window.',
      scheduledFor: tomorrow.toISOString(),
      scheduledUntil: new Date(tomorrow.getTime() + 2 * HOUR).toISOString(),
      components: ['database'],
    },
    now,
  );
}

function activeId(data: ServerData): string {
  return data.incidents.find((incident) => incident.status !== 'resolved')!.id;
}

/** The loop: calm → minor, investigating → identified, major → monitoring → resolved. */
const DEMO_STEPS: ((data: ServerData, now: Date) => void)[] = [
  calm,
  (data, now) => {
    createIncident(
      data,
      {
        name: 'Slow search results',
        impact: 'minor',
        template: 'high-load',
        components: [{ id: 'search', status: 'degraded_performance' }],
        nextUpdateInMinutes: 30,
      },
      now,
    );
  },
  (data, now) => {
    updateIncident(
      data,
      activeId(data),
      {
        template: 'identified',
        vars: { cause: 'a failing search index node is overloading the API' },
        impact: 'major',
        components: [
          { id: 'search', status: 'major_outage' },
          { id: 'api', status: 'partial_outage' },
        ],
        nextUpdateInMinutes: 30,
      },
      now,
    );
  },
  (data, now) => {
    updateIncident(
      data,
      activeId(data),
      {
        template: 'monitoring',
        components: [
          { id: 'search', status: 'degraded_performance' },
          { id: 'api', status: 'operational' },
        ],
        nextUpdateInMinutes: 60,
      },
      now,
    );
  },
  (data, now) => {
    updateIncident(
      data,
      activeId(data),
      {
        template: 'resolved',
        vars: { summary: 'The failed index node was replaced and search is fast again.' },
      },
      now,
    );
  },
];

/** Starts the scenario at its first step; returns a function that stops it. */
export function startScenario(name: ScenarioName, store: DataStore, stepMs: number): () => void {
  const steps = name === 'demo' ? DEMO_STEPS : [];
  let index = 0;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const next = () => {
    const step = steps[index % steps.length]!;
    index += 1;
    store
      .change((data, now) => step(data, now))
      .catch((error: unknown) =>
        console.error('The demo scenario could not change the data:', error),
      )
      .finally(() => {
        if (!stopped) timer = setTimeout(next, stepMs);
      });
  };
  next();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
