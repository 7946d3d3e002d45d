// Property-based tests over every JSON adapter: whatever JSON a feed sends, `load`
// either resolves to a snapshot that keeps the model's invariants or rejects with
// a FeedFormatError. Nothing else: no TypeError, no RangeError, no hang.
// Two kinds of input: any JSON at all, and JSON shaped close to each format with
// every field drawn from valid values, wrong types, hostile text and bad dates.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { getAdapter, FeedFormatError } from 'status-widgets/adapters';
import { ENDPOINTS, modelProblems } from '../corpus/corpus.js';

// Bounded so the suite stays fast in CI; FC_RUNS raises it for a long local run.
const RUNS = Number(process.env.FC_RUNS ?? 150);
// npm test explores the same inputs every run, so a landing never depends on luck;
// FC_SEED=random (as npm run test:soak sets) explores new ones and prints the seed.
if (process.env.FC_SEED !== 'random') {
  fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261125) });
}
const JSON_ADAPTERS = ['statuspage', 'native', 'cachet', 'gatus', 'instatus', 'uptime-kuma'];

let hosts = 0;

/** Loads through `adapter`, answering request n of the load with bodies[n % length]. */
async function loadBodies(adapter, bodies) {
  hosts += 1;
  let index = 0;
  const fetch = async () => new Response(bodies[index++ % bodies.length], { status: 200 });
  const src = new URL(ENDPOINTS[adapter].src, `https://property-${hosts}.example.test`);
  try {
    return { snapshot: await getAdapter(adapter).load(src, fetch) };
  } catch (error) {
    return { error };
  }
}

/** The property itself: a snapshot that keeps the invariants, or a FeedFormatError. */
function assertOutcome({ snapshot, error }) {
  if (error) {
    assert.ok(
      error instanceof FeedFormatError,
      `expected a FeedFormatError, got ${error?.name}: ${error?.message}`,
    );
    assert.ok(error.message.length > 0);
    return;
  }
  assert.deepEqual(modelProblems(snapshot), []);
}

// Values a field may hold in the wild: valid ones, wrong types, hostile text.
const enums = fc.constantFrom(
  'operational',
  'degraded_performance',
  'partial_outage',
  'major_outage',
  'under_maintenance',
  'investigating',
  'identified',
  'monitoring',
  'resolved',
  'postmortem',
  'scheduled',
  'in_progress',
  'verifying',
  'completed',
  'none',
  'minor',
  'major',
  'critical',
  'maintenance',
  'unknown',
  'OPERATIONAL',
  'MAJOROUTAGE',
  'INPROGRESS',
  'NOTSTARTEDYET',
  'HASISSUES',
  'UP',
  'danger',
  'warning',
  'under-maintenance',
  'ended',
);
const dates = fc.oneof(
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString().replace('T', ' ').slice(0, 19)),
  fc.integer({ min: -1e13, max: 1e13 }),
  fc.double(),
  fc.constantFrom('9999-12-31T23:59:59Z', '+275760-09-13T00:00:00Z', '2024-02-30', 'yesterday', ''),
);
const links = fc.oneof(
  fc.webUrl(),
  fc.constantFrom(
    'javascript:alert(1)',
    ' JaVaScRiPt:alert(1)',
    'data:text/html,<script>1</script>',
    'vbscript:x',
    '//evil.test/x',
    '/relative/path',
    'mailto:a@b.test',
    'http://[::1',
    '',
  ),
);
const texts = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom(
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '</style><style>*{}</style>',
    '\u202Eevil\u202C',
    '&lt;b&gt;&#0;&#x110000;',
    'a\ud800b',
    '\udc00 lone',
    '<<<<',
    'a\r\nb \t\n\n\n\nc',
  ),
);
const field = fc.oneof(
  { weight: 3, arbitrary: enums },
  { weight: 3, arbitrary: dates },
  { weight: 2, arbitrary: links },
  { weight: 3, arbitrary: texts },
  { weight: 2, arbitrary: fc.integer({ min: -5, max: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, 1, '1', 0, [], {}) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);
/** An object with some of `keys`, each holding `field` unless `shape` names another arbitrary. */
const item = (keys, shape = {}) =>
  fc.record(Object.fromEntries(keys.map((key) => [key, shape[key] ?? field])), {
    requiredKeys: [],
  });
const list = (arbitrary) =>
  fc.oneof({ weight: 5, arbitrary: fc.array(arbitrary, { maxLength: 5 }) }, field);
const oneOrField = (arbitrary) => fc.oneof({ weight: 4, arbitrary }, field);
/** Mostly one of `values`, sometimes anything: so items often get past the first check. */
const likely = (...values) => fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...values) }, field);
const amounts = fc.oneof(
  field,
  fc.double(),
  fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
  fc.constantFrom('1e308', '-1', '120', 'Infinity'),
);

const isoDates = fc.oneof(
  dates,
  fc
    .date({ min: new Date(1990, 0, 1), max: new Date(2199, 0, 1), noInvalidDate: true })
    .map((d) => d.toISOString()),
);
// Lone surrogates (half a UTF-16 pair, which JSON can carry) in ids, often: an id is
// what a reader percent-encodes into a link.
const loneSurrogates = fc.oneof(
  fc.constantFrom('a\ud800b', '\udc00', 'x\ud83d', '\udfff\ud800'),
  fc
    .tuple(fc.string({ unit: 'binary', maxLength: 4 }), fc.integer({ min: 0xd800, max: 0xdfff }))
    .map(([text, unit]) => `${text}${String.fromCharCode(unit)}${text}`),
);
const ids = fc.oneof(
  { weight: 3, arbitrary: fc.stringMatching(/^[a-z0-9]{1,8}$/) },
  { weight: 1, arbitrary: loneSurrogates },
  field,
);
const statuspageUpdate = item(['id', 'status', 'body', 'created_at', 'display_at'], {
  id: ids,
  status: likely('investigating', 'identified', 'resolved', 'scheduled', 'in_progress'),
  created_at: isoDates,
});
const statuspageIncident = item(
  [
    'id',
    'name',
    'status',
    'impact',
    'created_at',
    'started_at',
    'updated_at',
    'resolved_at',
    'shortlink',
    'postmortem_published_at',
    'scheduled_for',
    'scheduled_until',
    'incident_updates',
    'components',
  ],
  {
    id: ids,
    name: fc.oneof(texts, fc.constant('Outage')),
    status: likely(
      'investigating',
      'identified',
      'monitoring',
      'resolved',
      'scheduled',
      'in_progress',
    ),
    impact: likely('none', 'minor', 'major', 'critical', 'maintenance'),
    created_at: isoDates,
    incident_updates: list(oneOrField(statuspageUpdate)),
    components: list(oneOrField(item(['id']))),
  },
);
const nativeUpdate = item(['id', 'status', 'body', 'createdAt'], {
  id: ids,
  status: likely('investigating', 'resolved', 'in_progress'),
  createdAt: isoDates,
});
const nativeIncident = item(
  [
    'id',
    'name',
    'status',
    'impact',
    'createdAt',
    'updatedAt',
    'resolvedAt',
    'url',
    'components',
    'updates',
    'nextUpdateAt',
    'postmortemUrl',
    'scheduledFor',
    'scheduledUntil',
  ],
  {
    id: ids,
    name: fc.oneof(texts, fc.constant('Outage')),
    status: likely('investigating', 'identified', 'resolved', 'scheduled', 'in_progress'),
    createdAt: isoDates,
    scheduledFor: isoDates,
    updates: list(oneOrField(nativeUpdate)),
    components: list(field),
  },
);
const cachetItem = item(
  [
    'id',
    'name',
    'status',
    'component_id',
    'components',
    'occurred_at',
    'created_at',
    'updated_at',
    'message',
    'permalink',
    'visible',
    'enabled',
    'group_id',
    'scheduled_at',
    'completed_at',
    'updates',
    'description',
  ],
  {
    id: ids,
    name: fc.oneof(texts, fc.constant('Outage')),
    status: fc.oneof(fc.integer({ min: -1, max: 5 }), field),
    occurred_at: isoDates,
    scheduled_at: isoDates,
    updates: list(oneOrField(item(['id', 'status', 'message', 'created_at']))),
  },
);
const cachetList = oneOrField(item(['meta', 'data'], { data: list(oneOrField(cachetItem)) }));

const SHAPES = {
  statuspage: fc.tuple(
    oneOrField(
      item(['page', 'status', 'components', 'incidents', 'scheduled_maintenances'], {
        page: oneOrField(item(['name', 'url', 'time_zone', 'updated_at'])),
        status: oneOrField(item(['indicator', 'description'])),
        components: list(
          oneOrField(
            item(['id', 'name', 'status', 'group', 'group_id', 'description', 'updated_at']),
          ),
        ),
        incidents: list(oneOrField(statuspageIncident)),
        scheduled_maintenances: list(oneOrField(statuspageIncident)),
      }),
    ),
    oneOrField(item(['incidents'], { incidents: list(oneOrField(statuspageIncident)) })),
  ),
  native: fc.tuple(
    oneOrField(
      item(
        [
          'version',
          'page',
          'indicator',
          'description',
          'components',
          'incidents',
          'maintenances',
          'updatedAt',
          'links',
        ],
        {
          version: fc.oneof({ weight: 5, arbitrary: fc.constant(1) }, field),
          page: oneOrField(item(['name', 'url', 'subscribeUrl', 'timeZone'])),
          components: list(
            oneOrField(item(['id', 'name', 'status', 'group', 'description', 'updatedAt'])),
          ),
          incidents: list(oneOrField(nativeIncident)),
          maintenances: list(oneOrField(nativeIncident)),
          links: oneOrField(item(['events'])),
        },
      ),
    ),
  ),
  // Requests in order: components, incidents, schedules, then groups.
  cachet: fc.tuple(cachetList, cachetList, cachetList, cachetList),
  gatus: fc.tuple(
    list(
      oneOrField(
        item(['name', 'key', 'group', 'groups', 'results'], {
          results: list(
            oneOrField(
              item(['success', 'timestamp', 'status', 'hostname'], {
                success: fc.oneof(fc.boolean(), field),
                timestamp: isoDates,
              }),
            ),
          ),
        }),
      ),
    ),
  ),
  instatus: fc.tuple(
    oneOrField(
      item(['page', 'activeIncidents', 'activeMaintenances'], {
        page: oneOrField(item(['name', 'url', 'status'])),
        activeIncidents: list(
          oneOrField(
            item(['id', 'name', 'started', 'status', 'impact', 'url', 'updatedAt'], {
              status: likely('INVESTIGATING', 'IDENTIFIED', 'MONITORING', 'RESOLVED'),
              started: isoDates,
            }),
          ),
        ),
        activeMaintenances: list(
          oneOrField(
            item(['id', 'name', 'start', 'status', 'duration', 'url', 'updatedAt'], {
              status: likely('NOTSTARTEDYET', 'INPROGRESS', 'COMPLETED'),
              start: fc.oneof(dates, fc.constant('2024-07-01T11:00:00.000Z')),
              duration: amounts,
            }),
          ),
        ),
      }),
    ),
    oneOrField(
      item(['components'], {
        components: list(oneOrField(item(['id', 'name', 'description', 'status', 'group']))),
      }),
    ),
  ),
  'uptime-kuma': fc.tuple(
    oneOrField(
      item(['config', 'incident', 'incidents', 'publicGroupList', 'maintenanceList'], {
        config: oneOrField(item(['title', 'slug'])),
        incident: oneOrField(
          item(['id', 'title', 'content', 'style', 'createdDate', 'lastUpdatedDate']),
        ),
        incidents: list(
          oneOrField(item(['id', 'title', 'content', 'style', 'createdDate', 'lastUpdatedDate'])),
        ),
        publicGroupList: list(
          oneOrField(
            item(['name', 'monitorList'], { monitorList: list(oneOrField(item(['id', 'name']))) }),
          ),
        ),
        maintenanceList: list(
          oneOrField(
            item(['id', 'title', 'description', 'status', 'timeslotList'], {
              timeslotList: list(oneOrField(item(['startDate', 'endDate']))),
            }),
          ),
        ),
      }),
    ),
    oneOrField(
      item(['heartbeatList'], {
        heartbeatList: oneOrField(
          fc.dictionary(
            fc.constantFrom('1', '11', '12', 'x'),
            list(oneOrField(item(['status', 'time']))),
          ),
        ),
      }),
    ),
  ),
};

describe('every JSON adapter, for arbitrary JSON', () => {
  for (const adapter of JSON_ADAPTERS) {
    test(`${adapter}: any JSON value is a valid snapshot or a FeedFormatError`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.jsonValue(), fc.jsonValue(), async (first, second) => {
          assertOutcome(await loadBodies(adapter, [JSON.stringify(first), JSON.stringify(second)]));
        }),
        { numRuns: RUNS },
      );
    });

    test(`${adapter}: JSON shaped like its format is a valid snapshot or a FeedFormatError`, async () => {
      await fc.assert(
        fc.asyncProperty(SHAPES[adapter], async (bodies) => {
          assertOutcome(
            await loadBodies(
              adapter,
              bodies.map((body) => JSON.stringify(body)),
            ),
          );
        }),
        { numRuns: RUNS * 2 },
      );
    });

    test(`${adapter}: any text body is a valid snapshot or a FeedFormatError`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.string({ unit: 'binary' }), async (text) => {
          assertOutcome(await loadBodies(adapter, [text]));
        }),
        { numRuns: RUNS },
      );
    });
  }

  test('the shaped arbitraries reach real snapshots, not only errors', async () => {
    // Without this the properties could pass by rejecting everything.
    for (const adapter of JSON_ADAPTERS) {
      let snapshots = 0;
      for (const bodies of fc.sample(SHAPES[adapter], { numRuns: 200, seed: 42 })) {
        const { snapshot } = await loadBodies(
          adapter,
          bodies.map((body) => JSON.stringify(body)),
        );
        if (snapshot && (snapshot.components.length || snapshot.incidents.length)) snapshots += 1;
      }
      assert.ok(snapshots >= 5, `${adapter}: only ${snapshots} of 200 samples had content`);
    }
  });
});
