// Every JSON reader bounds what it reads at its entry: a feed of 100,000 active
// incidents or 100,000 components keeps the newest 300 incidents and the first 5,000
// components, counts the rest, and an outage among those left out still sets the
// overall state. The readers' work grows in proportion to the feed: counted as the
// array elements the built-in array methods and iterators go through, at a size and
// at ten times it (no clock is read).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { getAdapter } from 'status-widgets/adapters';

const MAX_COMPONENTS = 5000;
const MAX_ITEMS = 300;
const at = (index) => new Date(Date.UTC(2026, 0, 1) + index * 60_000).toISOString();
const zoneless = (index) => at(index).slice(0, 19).replace('T', ' ');

/**
 * Per format: where it reads, and a feed (by path) of `count` components, the last
 * one down, or of `count` active incidents, the oldest one (left out) the worst.
 */
const FORMATS = {
  statuspage: {
    src: '/api/v2/summary.json',
    components: (count) => ({
      '/api/v2/summary.json': {
        page: { name: 'Many', url: 'https://many.test' },
        status: { indicator: 'none' },
        components: Array.from({ length: count }, (_, i) => ({
          id: `c${i}`,
          name: `C ${i}`,
          status: i === count - 1 ? 'major_outage' : 'operational',
        })),
      },
    }),
    incidents: (count) => ({
      '/api/v2/summary.json': {
        page: { name: 'Many', url: 'https://many.test' },
        status: { indicator: 'minor' },
        incidents: Array.from({ length: count }, (_, i) => ({
          id: `i${i}`,
          name: `I ${i}`,
          status: 'investigating',
          impact: i === 0 ? 'critical' : 'minor',
          created_at: at(i),
          incident_updates: [],
        })),
      },
    }),
    worst: 'critical',
  },
  native: {
    src: '/feed.json',
    components: (count) => ({
      '/feed.json': {
        version: 1,
        page: { name: 'Many' },
        components: Array.from({ length: count }, (_, i) => ({
          id: `c${i}`,
          name: `C ${i}`,
          status: i === count - 1 ? 'major_outage' : 'operational',
          history: [{ date: '2026-01-01', uptime: 100 }],
        })),
      },
    }),
    incidents: (count) => ({
      '/feed.json': {
        version: 1,
        page: { name: 'Many' },
        incidents: Array.from({ length: count }, (_, i) => ({
          id: `i${i}`,
          name: `I ${i}`,
          status: 'investigating',
          impact: i === 0 ? 'critical' : 'minor',
          createdAt: at(i),
          updates: [],
        })),
      },
    }),
    worst: 'critical',
  },
  'better-stack': {
    src: '/index.json',
    components: (count) => ({
      '/index.json': {
        data: { type: 'status_page', attributes: { company_name: 'Many' } },
        included: Array.from({ length: count }, (_, i) => ({
          id: `r${i}`,
          type: 'status_page_resource',
          attributes: {
            public_name: `R ${i}`,
            status: i === count - 1 ? 'downtime' : 'operational',
            status_history: [{ day: '2026-01-01', status: 'operational' }],
          },
        })),
      },
    }),
    incidents: (count) => ({
      '/index.json': {
        data: { type: 'status_page', attributes: { company_name: 'Many' } },
        included: Array.from({ length: count }, (_, i) => ({
          id: `s${i}`,
          type: 'status_report',
          attributes: {
            title: `S ${i}`,
            report_type: 'manual',
            starts_at: at(i),
            aggregate_state: i === 0 ? 'downtime' : 'degraded',
          },
        })),
      },
    }),
    worst: 'major',
  },
  cachet: {
    src: '/',
    components: (count) => ({
      '/api/v1/components': {
        data: Array.from({ length: count }, (_, i) => ({
          id: i + 1,
          name: `C ${i}`,
          status: i === count - 1 ? 4 : 1,
        })),
      },
      '/api/v1/incidents': { data: [] },
      '/api/v1/schedules': { data: [] },
    }),
    incidents: (count) => ({
      // The oldest incident names the one component down: it is major.
      '/api/v1/components': {
        data: [
          { id: 1, name: 'Up', status: 1 },
          { id: 2, name: 'Down', status: 4, enabled: true },
        ],
      },
      '/api/v1/incidents': {
        data: Array.from({ length: count }, (_, i) => ({
          id: i + 1,
          name: `I ${i}`,
          status: 1,
          component_id: i === 0 ? 2 : 1,
          occurred_at: zoneless(i),
        })),
      },
      '/api/v1/schedules': { data: [] },
    }),
    // Component 2 is down and on the page: the state is major either way.
    worst: 'major',
  },
  cachet3: {
    src: '/api/components',
    components: (count) => ({
      '/api/components': {
        data: Array.from({ length: count }, (_, i) => ({
          id: String(i + 1),
          type: 'components',
          attributes: { name: `C ${i}`, status: { value: i === count - 1 ? 4 : 1 } },
        })),
      },
      '/api/incidents': { data: [] },
      '/api/schedules': { data: [] },
      '/api/status': { data: { attributes: { status: 'operational' } } },
    }),
    incidents: (count) => ({
      // As many components as incidents: matching them is linear, not n × m.
      '/api/components': {
        data: Array.from({ length: count }, (_, i) => ({
          id: String(i + 1),
          type: 'components',
          attributes: { name: `C ${i}`, status: { value: 1 } },
        })),
      },
      '/api/incidents': {
        data: Array.from({ length: count }, (_, i) => ({
          id: String(i + 1),
          type: 'incidents',
          attributes: {
            name: `I ${i}`,
            guid: `g${i}`,
            status: { value: 1 },
            component_id: String(i + 1),
            occurred: { string: zoneless(i) },
          },
        })),
      },
      '/api/schedules': { data: [] },
      '/api/status': { data: { attributes: { status: 'partial_outage' } } },
    }),
    worst: 'minor',
  },
  gatus: {
    src: '/api/v1/endpoints/statuses',
    components: (count) => ({
      '/api/v1/endpoints/statuses': Array.from({ length: count }, (_, i) => ({
        name: `E ${i}`,
        key: `e${i}`,
        results: [
          { success: true, timestamp: at(0) },
          { success: i !== count - 1, timestamp: at(1) },
        ],
      })),
    }),
  },
  'uptime-kuma': {
    src: '/status/main',
    components: (count) => ({
      '/api/status-page/main': {
        config: { title: 'Many' },
        publicGroupList: [
          {
            name: 'All',
            monitorList: Array.from({ length: count }, (_, i) => ({ id: i + 1, name: `M ${i}` })),
          },
        ],
      },
      '/api/status-page/heartbeat/main': {
        heartbeatList: Object.fromEntries(
          Array.from({ length: count }, (_, i) => [
            i + 1,
            [
              { status: 1, time: zoneless(0) },
              { status: i === count - 1 ? 0 : 1, time: zoneless(1) },
            ],
          ]),
        ),
      },
    }),
  },
  'incident-io': {
    src: '/api/v1/summary',
    incidents: (count) => ({
      '/api/v1/summary': {
        page_title: 'Many',
        ongoing_incidents: Array.from({ length: count }, (_, i) => ({
          id: `i${i}`,
          name: `I ${i}`,
          status: 'investigating',
          current_worst_impact: i === 0 ? 'full_outage' : 'degraded_performance',
          last_update_at: at(i),
          affected_components: [{ id: `c${i}`, name: `C ${i}` }],
        })),
      },
    }),
    worst: 'critical',
  },
  instatus: {
    src: '/',
    components: (count) => ({
      '/summary.json': { page: { name: 'Many', status: 'UP' }, activeIncidents: [] },
      '/v2/components.json': {
        components: Array.from({ length: count }, (_, i) => ({
          id: `c${i}`,
          name: `C ${i}`,
          status: i === count - 1 ? 'MAJOROUTAGE' : 'OPERATIONAL',
        })),
      },
    }),
    incidents: (count) => ({
      '/summary.json': {
        page: { name: 'Many', status: 'HASISSUES' },
        activeIncidents: Array.from({ length: count }, (_, i) => ({
          id: `i${i}`,
          name: `I ${i}`,
          status: 'INVESTIGATING',
          impact: i === 0 ? 'MAJOROUTAGE' : 'DEGRADEDPERFORMANCE',
          started: at(i),
        })),
      },
      '/v2/components.json': { components: [] },
    }),
    worst: 'major',
  },
  openstatus: {
    src: '/feed/json',
    components: (count) => ({
      '/feed/json': {
        title: 'Many',
        statusReports: [],
        maintenances: [],
        monitors: Array.from({ length: count }, (_, i) => ({
          id: `m${i}`,
          name: `M ${i}`,
          status: i === count - 1 ? 'error' : 'success',
        })),
      },
    }),
    incidents: (count) => ({
      '/feed/json': {
        title: 'Many',
        status: 'success',
        maintenances: [],
        monitors: [],
        statusReports: Array.from({ length: count }, (_, i) => ({
          id: `r${i}`,
          title: `R ${i}`,
          status: 'investigating',
          updatedAt: at(i),
          statusReportUpdates: [],
        })),
      },
    }),
    worst: 'minor',
  },
};

let hosts = 0;
/** Loads `documents` (by path) through the format's reader, on a host of its own. */
async function load(format, documents) {
  hosts += 1;
  const host = `https://bounds-${hosts}.test`;
  const bodies = new Map(
    Object.entries(documents).map(([path, body]) => [path, JSON.stringify(body)]),
  );
  const fetch = async (input) => {
    const body = bodies.get(new URL(String(input)).pathname);
    return body === undefined ? new Response('Not found', { status: 404 }) : new Response(body);
  };
  return getAdapter(format).load(new URL(FORMATS[format].src, host), fetch, undefined, {
    history: false,
  });
}

/**
 * The array elements `run` goes through in the built-in array methods and iterators
 * (a spread, a for…of, includes, filter, map…): a count of work that a copy per item
 * or a search per item makes grow with the square of the feed.
 */
async function work(run) {
  let count = 0;
  const names = [
    'includes',
    'indexOf',
    'filter',
    'map',
    'forEach',
    'some',
    'every',
    'find',
    'flatMap',
    'concat',
  ];
  const originals = names.map((name) => [name, Array.prototype[name]]);
  const iterator = Array.prototype[Symbol.iterator];
  for (const [name, original] of originals) {
    Array.prototype[name] = function (...args) {
      count += this.length;
      return original.apply(this, args);
    };
  }
  Array.prototype[Symbol.iterator] = function () {
    count += this.length;
    return iterator.call(this);
  };
  try {
    await run();
  } finally {
    for (const [name, original] of originals) Array.prototype[name] = original;
    Array.prototype[Symbol.iterator] = iterator;
  }
  return count;
}

for (const [format, feeds] of Object.entries(FORMATS)) {
  describe(`${format}: a feed of 100,000`, () => {
    if (feeds.components) {
      test('components keeps the first 5,000, counts the rest, and shows the outage left out', async () => {
        const snapshot = await load(format, feeds.components(100_000));
        assert.equal(snapshot.components.length, MAX_COMPONENTS);
        assert.equal(snapshot.componentsLeftOut, 100_000 - MAX_COMPONENTS);
        assert.ok(snapshot.components.every((component) => component.status === 'operational'));
        assert.equal(snapshot.indicator, 'major');
        assert.match(snapshot.warnings.join('\n'), /first 5000 of 100000/);
      });

      test('components costs work in proportion to the feed', async () => {
        const small = await work(() => load(format, feeds.components(6000)));
        const large = await work(() => load(format, feeds.components(60_000)));
        assert.ok(large < 15 * small, `${small} then ${large}: ×${(large / small).toFixed(1)}`);
      });
    }
    if (feeds.incidents) {
      test('active incidents keeps the newest 300 and counts the oldest, the worst, in the state', async () => {
        const snapshot = await load(format, feeds.incidents(100_000));
        assert.equal(snapshot.incidents.length, MAX_ITEMS);
        // Newest first, and the oldest (the worst) left out.
        const times = snapshot.incidents.map((incident) => Date.parse(incident.createdAt));
        assert.ok(times.every((time, i) => i === 0 || time <= times[i - 1]));
        assert.equal(snapshot.incidents[0].createdAt, at(99_999));
        assert.equal(snapshot.incidents.at(-1).createdAt, at(100_000 - MAX_ITEMS));
        assert.equal(snapshot.indicator, feeds.worst);
        assert.match(snapshot.warnings.join('\n'), /newest 300 of 100000/);
      });

      test('active incidents costs work in proportion to the feed', async () => {
        const small = await work(() => load(format, feeds.incidents(6000)));
        const large = await work(() => load(format, feeds.incidents(60_000)));
        assert.ok(large < 15 * small, `${small} then ${large}: ×${(large / small).toFixed(1)}`);
      });
    }
  });
}

describe('text is cut to what a snapshot keeps while it is read', () => {
  test('a 1 MB name and body keep 2,000 characters, with an ellipsis', async () => {
    const big = `<b>${'word '.repeat(200_000)}</b>`;
    const snapshot = await load('statuspage', {
      '/api/v2/summary.json': {
        page: { name: 'Big' },
        status: { indicator: 'minor' },
        incidents: [
          {
            id: 'i',
            name: big,
            status: 'investigating',
            impact: 'minor',
            created_at: at(0),
            incident_updates: [{ id: 'u', status: 'investigating', body: big, created_at: at(0) }],
          },
        ],
      },
    });
    const [incident] = snapshot.incidents;
    for (const text of [incident.name, incident.updates[0].body]) {
      assert.ok(text.length <= 2000, `${text.length} characters`);
      assert.ok(text.startsWith('word word'));
      assert.ok(text.endsWith('…'));
      assert.ok(!text.includes('<'));
    }
  });
});
