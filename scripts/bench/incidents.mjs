// <status-incidents> render and update time with 50, 500 and 2,000 incidents: a
// generated Statuspage feed in which every summary.json request is a new version
// whose newest (active) incident has a new update.
/* global document, customElements, requestAnimationFrame -- page.evaluate runs in the page. */
import { prepare } from './origin.mjs';
import { ms, row } from './table.mjs';

const INCIDENT_COUNTS = [50, 500, 2000];
const UPDATES = 10;

const iso = (ms) => new Date(ms).toISOString();

/** A Statuspage incident as summary.json and incidents.json carry it; the first one active. */
export function generatedIncident(index, version, now) {
  const created = now - (index + 1) * 3_600_000;
  const active = index === 0;
  const updates = (
    active ? ['investigating', 'identified'] : ['investigating', 'monitoring', 'resolved']
  ).map((status, step) => ({
    id: `u${index}-${step}`,
    status,
    body: `${status}: requests to the API in region ${index % 7} returned errors; ${
      active && step === 1 ? `update ${version}, ` : ''
    }we are working on it and will post the next update within the hour.`,
    created_at: iso(created + step * 600_000 + (active ? version * 1000 : 0)),
    display_at: iso(created + step * 600_000 + (active ? version * 1000 : 0)),
  }));
  return {
    id: `inc${index}`,
    name: `Elevated error rates for API requests (${index})`,
    status: active ? 'identified' : 'resolved',
    impact: ['minor', 'major', 'critical'][index % 3],
    created_at: iso(created),
    updated_at: updates.at(-1).created_at,
    resolved_at: active ? null : updates.at(-1).created_at,
    shortlink: `https://stspg.io/bench${index}`,
    components: [{ id: 'api', name: 'API Requests' }],
    incident_updates: updates.reverse(),
  };
}

/** Mounts /gen/<count>/api/v2/{summary,incidents}.json on the origin. */
function mountGenerated(origin) {
  const feeds = new Map();
  origin.mount('/gen/', (path) => {
    const match = /^(\d+)\/api\/v2\/(summary|incidents)\.json$/.exec(path);
    if (!match) return undefined;
    const count = Number(match[1]);
    if (!feeds.has(count)) feeds.set(count, { version: 0, now: Date.now() });
    const feed = feeds.get(count);
    if (match[2] === 'summary') feed.version += 1;
    const incidents = Array.from({ length: count }, (_, index) =>
      generatedIncident(index, feed.version, feed.now),
    );
    const page = {
      id: 'bench',
      name: 'Bench',
      url: 'https://status.example.com',
      time_zone: 'Etc/UTC',
      updated_at: iso(feed.now + feed.version * 1000),
    };
    const body =
      match[2] === 'summary'
        ? {
            page,
            status: { indicator: 'minor', description: 'Minor Service Outage' },
            components: [{ id: 'api', name: 'API Requests', status: 'degraded_performance' }],
            incidents: incidents.filter((incident) => incident.status !== 'resolved'),
            scheduled_maintenances: [],
          }
        : { page, incidents };
    return prepare(JSON.stringify(body), 'application/json', { live: true });
  });
}

async function incidentsRow({ browser, origin }, count) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(origin.pageUrl('empty'));
  const figures = await page.evaluate(
    async ({ count, updates }) => {
      const { getFeed } = await import('/cdn/status-widgets.js');
      await customElements.whenDefined('status-incidents');
      const src = `/gen/${count}/api/v2/summary.json`;
      const el = document.createElement('status-incidents');
      const renders = [];
      // Lit's update() renders the template and patches the DOM; reading layout
      // right after adds style and layout, so each figure is what one render costs.
      const update = el.update;
      el.update = function (changed) {
        const start = performance.now();
        update.call(this, changed);
        this.getBoundingClientRect();
        renders.push(performance.now() - start);
      };
      el.setAttribute('src', src);
      el.setAttribute('limit', String(count));
      el.setAttribute('days', '3650');
      const shown = () => el.shadowRoot?.querySelectorAll('[part~="incident"]').length ?? 0;
      const connected = performance.now();
      document.body.append(el);
      while (shown() < count) await new Promise(requestAnimationFrame);
      const firstPaint = performance.now() - connected;
      const firstRender = renders.at(-1);
      const store = getFeed({ src });
      const updateRenders = [];
      const cycles = [];
      for (let index = 0; index < updates; index++) {
        const before = renders.length;
        const start = performance.now();
        await store.refresh();
        await el.updateComplete;
        cycles.push(performance.now() - start);
        updateRenders.push(renders.slice(before).reduce((total, value) => total + value, 0));
      }
      return { firstRender, firstPaint, updateRenders, cycles, shown: shown() };
    },
    { count, updates: UPDATES },
  );
  await context.close();
  const mean = (values) => values.reduce((total, value) => total + value, 0) / values.length;
  row('<status-incidents>', `${count.toLocaleString('en-US')} incidents`, {
    time: `render ${ms(figures.firstRender)}; update ${ms(mean(figures.updateRenders))} mean, ${ms(
      Math.max(...figures.updateRenders),
    )} max`,
    notes: `to first paint ${ms(figures.firstPaint)}; poll+parse+render ${ms(
      mean(figures.cycles),
    )} mean of ${UPDATES}; ${figures.shown} shown`,
  });
}

export async function incidents(ctx) {
  mountGenerated(ctx.origin);
  for (const count of INCIDENT_COUNTS) await incidentsRow(ctx, count);
}
