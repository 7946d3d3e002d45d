// msw handlers that serve the stories' feeds. Every scenario is a real recorded
// Statuspage summary.json from test/fixtures, copied and edited just enough to show
// one state, then read by the real Statuspage adapter through the real feed store.
//
// A story's feed URL names its scenario and the story, e.g.
// https://feeds.status.example/major/status-badge/api/v2/summary.json, so every story
// has a store of its own and stories never share data.
import { delay, http, HttpResponse } from 'msw';

/** The states a story can ask its feed for. */
export const SCENARIOS = [
  'operational',
  'minor',
  'major',
  'critical',
  'maintenance-upcoming',
  'maintenance-in-progress',
  'several-incidents',
  'long-texts',
  'overdue-update',
  'stale',
  'error',
  'loading',
  'empty-history',
] as const;
export type Scenario = (typeof SCENARIOS)[number];

/** Where the stories' feeds live; no request ever leaves the browser. */
export const FEED_ORIGIN = 'https://feeds.status.example';

/** A Statuspage summary.json URL of its own for one story (its format is detected from the URL). */
export function feedUrl(scenario: Scenario, story: string): string {
  return `${FEED_ORIGIN}/${scenario}/${encodeURIComponent(story)}/api/v2/summary.json`;
}

// The recordings are fetched (not imported as modules) so that the same file works
// in Storybook's Vite build and in the browser test runner. The page's own fetch is
// kept here before any test replaces window.fetch.
const pageFetch = globalThis.fetch.bind(globalThis);
const RECORDINGS = {
  githubMajor: new URL(
    '../test/fixtures/statuspage/github-summary-major-2020-04-02.json',
    import.meta.url,
  ),
  githubIncidents: new URL(
    '../test/fixtures/statuspage/github-incidents-2024-09-17.json',
    import.meta.url,
  ),
  maintenance: new URL(
    '../test/fixtures/statuspage/documented-summary-maintenance-groups.json',
    import.meta.url,
  ),
};
type Recording = keyof typeof RECORDINGS;

// The subset of summary.json these edits touch; everything else passes through as recorded.
type Json = Record<string, unknown>;
interface Update extends Json {
  id: string;
  status: string;
  body: string;
  created_at: string;
  display_at: string;
}
interface Item extends Json {
  id: string;
  name: string;
  status: string;
  impact: string;
  resolved_at: string | null;
  incident_updates: Update[];
  components?: Json[];
  scheduled_for?: string;
}
interface Summary extends Json {
  page: Json & { updated_at: string };
  status: { indicator: string; description: string };
  components: Array<Json & { id: string; name: string; status: string; group?: boolean }>;
  incidents: Item[];
  scheduled_maintenances: Item[];
}

const loaded = new Map<Recording, Promise<unknown>>();

/** A fresh deep copy of a recording, so an edit never leaks into another story. */
async function recording<T>(name: Recording): Promise<T> {
  let body = loaded.get(name);
  if (!body) {
    body = pageFetch(RECORDINGS[name]).then((response) => {
      if (!response.ok) throw new Error(`recording ${name}: HTTP ${response.status}`);
      return response.json();
    });
    loaded.set(name, body);
  }
  return structuredClone(await body) as T;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const MINUTE = 60_000;

/**
 * Moves every date in a recording by the same amount, so that `anchor` falls at
 * `to`: the recording keeps its own rhythm (updates minutes apart) but happens now.
 */
function moveDates<T>(body: T, anchor: string, to: number): T {
  const shift = to - Date.parse(anchor);
  const visit = (value: unknown): unknown => {
    if (typeof value === 'string' && ISO_DATE.test(value)) {
      return new Date(Date.parse(value) + shift).toISOString();
    }
    if (Array.isArray(value)) return value.map(visit);
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, visit(item)]));
    }
    return value;
  };
  return visit(body) as T;
}

/** GitHub's recorded major outage, its last update `minutesAgo` minutes before now. */
async function githubOutage(minutesAgo = 6): Promise<Summary> {
  const summary = await recording<Summary>('githubMajor');
  return moveDates(summary, summary.page.updated_at, Date.now() - minutesAgo * MINUTE);
}

/** The same page with every component operational and nothing going on. */
function allClear(summary: Summary): Summary {
  summary.status = { indicator: 'none', description: 'All Systems Operational' };
  for (const component of summary.components) component.status = 'operational';
  summary.incidents = [];
  summary.scheduled_maintenances = [];
  return summary;
}

/** GitHub's two recorded resolved incidents, moved to yesterday, as history. */
async function resolvedHistory(): Promise<Item[]> {
  const { incidents } = await recording<{ incidents: Item[] }>('githubIncidents');
  const newest = incidents[0].resolved_at!;
  return moveDates(incidents, newest, Date.now() - 20 * 60 * MINUTE);
}

/** The documented maintenance page with its dates placed so that `id` starts at `startsAt`. */
async function maintenancePage(id: string, startsAt: number): Promise<Summary> {
  const summary = await recording<Summary>('maintenance');
  const item = summary.scheduled_maintenances.find((maintenance) => maintenance.id === id)!;
  return moveDates(summary, item.scheduled_for!, startsAt);
}

const LONG_TITLE =
  'Elevated error rates and significantly increased latency for Git operations, API requests, webhooks deliveries and GitHub Actions workflow runs in all regions';
const LONG_BODY = [
  'We are investigating reports of service unavailability affecting a large share of requests.',
  'Pushes and pulls over both HTTPS and SSH may fail or time out; API clients may receive 502 and 503 responses; webhook deliveries are queued and will be retried automatically once service is restored.',
  'Workflow runs that were already in progress may be cancelled and can be re-run from the Actions tab. We will post another update as soon as we have more information about the cause and the expected time to recovery.',
].join('\n\n');

/** Builds the summary.json body of each scenario that has data. */
const BODIES: Partial<Record<Scenario, () => Promise<Summary>>> = {
  async operational() {
    const summary = allClear(await githubOutage());
    summary.incidents = await resolvedHistory();
    return summary;
  },
  async minor() {
    const summary = await githubOutage();
    const [incident] = summary.incidents;
    allClear(summary);
    incident.impact = 'minor';
    incident.status = 'identified';
    incident.incident_updates[0].status = 'identified';
    incident.incident_updates[0].body =
      'We have identified the cause of degraded performance for Webhooks and are rolling out a fix.';
    summary.incidents = [incident];
    summary.components.find((c) => c.name === 'Webhooks')!.status = 'degraded_performance';
    summary.status = { indicator: 'minor', description: 'Minor Service Outage' };
    return summary;
  },
  major: () => githubOutage(),
  async critical() {
    const summary = await githubOutage();
    summary.incidents[0].impact = 'critical';
    for (const component of summary.components) {
      if (component.status !== 'operational') component.status = 'major_outage';
    }
    summary.status = { indicator: 'critical', description: 'Major System Outage' };
    return summary;
  },
  async 'maintenance-upcoming'() {
    const summary = await maintenancePage('mnt-upcoming', Date.now() + 3 * 60 * MINUTE);
    summary.scheduled_maintenances = summary.scheduled_maintenances.filter(
      (maintenance) => maintenance.status === 'scheduled',
    );
    for (const component of summary.components) component.status = 'operational';
    summary.status = { indicator: 'none', description: 'All Systems Operational' };
    summary.page.updated_at = new Date().toISOString();
    return summary;
  },
  'maintenance-in-progress': () => maintenancePage('mnt-active', Date.now() - 25 * MINUTE),
  async 'several-incidents'() {
    const summary = await githubOutage();
    // The two recorded resolved incidents, as if they were still open.
    const history = await resolvedHistory();
    const reopened = history.map((incident, index) => {
      const updates = incident.incident_updates.filter((update) => update.status !== 'resolved');
      const status = index === 0 ? 'monitoring' : 'identified';
      updates[0].status = status;
      return { ...incident, status, resolved_at: null, incident_updates: updates };
    });
    summary.incidents = [
      ...summary.incidents,
      ...moveDates(reopened, history[0].updated_at as string, Date.now() - 40 * MINUTE),
    ];
    return summary;
  },
  async 'long-texts'() {
    const summary = await githubOutage();
    summary.page.name = 'GitHub Enterprise Cloud — European Union data residency region';
    summary.incidents[0].name = LONG_TITLE;
    summary.incidents[0].incident_updates[0].body = LONG_BODY;
    summary.components[0].name =
      'Git Operations (clones, pulls, pushes, fetches and archive downloads over HTTPS and SSH)';
    return summary;
  },
  // The recorded incident, last updated 95 minutes ago: the update is overdue.
  'overdue-update': () => githubOutage(95),
  stale: () => githubOutage(),
  async 'empty-history'() {
    const summary = allClear(await githubOutage());
    summary.page.updated_at = new Date().toISOString();
    return summary;
  },
};

const failure = () =>
  new HttpResponse('Service Unavailable', {
    status: 503,
    headers: { 'content-type': 'text/plain' },
  });

// The stale scenario answers once, then fails, so the widgets keep the last good
// data on screen and show its age. Counted per story URL.
const answered = new Set<string>();

/** Every story feed, for msw's worker in Storybook and for the stories smoke test. */
export const feedHandlers = [
  http.get(`${FEED_ORIGIN}/:scenario/:story/api/v2/summary.json`, async ({ params, request }) => {
    const scenario = params['scenario'] as Scenario;
    if (scenario === 'loading') {
      await delay('infinite');
    }
    if (scenario === 'error') return failure();
    if (scenario === 'stale') {
      const key = new URL(request.url).pathname;
      if (answered.has(key)) return failure();
      answered.add(key);
    }
    const body = BODIES[scenario];
    if (!body) {
      return HttpResponse.json(
        { error: `unknown story scenario "${scenario}"; use one of ${SCENARIOS.join(', ')}` },
        { status: 404 },
      );
    }
    return HttpResponse.json(await body(), { headers: { 'cache-control': 'no-cache' } });
  }),
];
