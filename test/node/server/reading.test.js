// The reading routes over real HTTP: formats, validators, caching headers, errors.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { INDICATORS, COMPONENT_STATUSES, INCIDENT_STATUSES, IMPACTS } from 'status-widgets';
import { readFixture } from '../helpers.js';
import { seed, startServer } from './helpers.js';

const READ_PATHS = {
  '/feed.json': 'application/json',
  '/feed.schema.json': 'application/schema+json',
  '/api/v2/summary.json': 'application/json',
  '/api/v2/status.json': 'application/json',
  '/api/v2/components.json': 'application/json',
  '/api/v2/incidents.json': 'application/json',
  '/api/v2/incidents/unresolved.json': 'application/json',
  '/api/v2/scheduled-maintenances.json': 'application/json',
  '/api/v2/scheduled-maintenances/upcoming.json': 'application/json',
  '/api/v2/scheduled-maintenances/active.json': 'application/json',
  '/history.atom': 'application/atom+xml',
  '/history.rss': 'application/rss+xml',
};

const schema = JSON.parse(
  readFileSync(new URL('../../../schema/feed.schema.json', import.meta.url), 'utf8'),
);

describe('reading routes', () => {
  let ctx;
  let incident;
  before(async () => {
    ctx = await startServer();
    incident = await seed(ctx.admin);
    // A maintenance ahead and one in progress, so every maintenance list has something.
    const at = (hours) => new Date(Date.now() + hours * 3_600_000).toISOString();
    await ctx.admin('POST', '/admin/maintenances', {
      name: 'Database upgrade',
      body: 'Writes may be delayed.',
      scheduledFor: at(24),
      scheduledUntil: at(26),
      components: ['db'],
    });
    await ctx.admin('POST', '/admin/maintenances', {
      name: 'Network work',
      status: 'in_progress',
      body: 'Under way.',
      scheduledFor: at(-1),
      scheduledUntil: at(1),
      components: ['web'],
    });
  });
  after(() => ctx.close());

  for (const [path, type] of Object.entries(READ_PATHS)) {
    test(`GET ${path}: 200, CORS *, strong ETag, CDN-friendly caching, 304 and HEAD`, async () => {
      // The uncompressed representation (gzip has a test of its own).
      const read = (init = {}) =>
        fetch(`${ctx.base}${path}`, {
          ...init,
          headers: { 'accept-encoding': 'identity', ...init.headers },
        });
      const response = await read();
      assert.equal(response.status, 200);
      assert.ok(response.headers.get('content-type').startsWith(type));
      assert.equal(response.headers.get('access-control-allow-origin'), '*');
      assert.equal(response.headers.get('access-control-expose-headers'), 'ETag, Retry-After');
      assert.equal(response.headers.get('timing-allow-origin'), '*');
      const etag = response.headers.get('etag');
      assert.match(etag, /^"[^"]+"$/, 'a strong ETag');
      const cacheControl = response.headers.get('cache-control');
      assert.match(cacheControl, /s-maxage=\d+/);
      assert.match(cacheControl, /stale-while-revalidate=\d+/);
      const body = await response.text();
      assert.ok(body.length > 0);

      const again = await read({ headers: { 'if-none-match': etag } });
      assert.equal(again.status, 304);
      assert.equal(await again.text(), '');
      assert.equal(again.headers.get('etag'), etag);

      const stale = await read({ headers: { 'if-none-match': '"other"' } });
      assert.equal(stale.status, 200);
      assert.equal(await stale.text(), body);

      const head = await read({ method: 'HEAD' });
      assert.equal(head.status, 200);
      assert.equal(head.headers.get('etag'), etag);
      assert.equal(Number(head.headers.get('content-length')), Buffer.byteLength(body));
      assert.equal(await head.text(), '');
    });
  }

  test('a client that accepts gzip gets it, with the representation’s own ETag and 304', async () => {
    const get = (encoding, etag) =>
      fetch(`${ctx.base}/feed.json`, {
        headers: { 'accept-encoding': encoding, ...(etag && { 'if-none-match': etag }) },
      });
    const plain = await get('identity');
    assert.equal(plain.headers.get('content-encoding'), null);
    assert.equal(plain.headers.get('vary'), 'Accept-Encoding');
    const text = await plain.text();

    const zipped = await get('br;q=1, gzip;q=0.8');
    assert.equal(zipped.headers.get('content-encoding'), 'gzip');
    assert.equal(zipped.headers.get('vary'), 'Accept-Encoding');
    assert.ok(Number(zipped.headers.get('content-length')) < Buffer.byteLength(text));
    assert.equal(await zipped.text(), text, 'the same document');
    const etag = zipped.headers.get('etag');
    assert.notEqual(etag, plain.headers.get('etag'));
    assert.match(etag, /^"[^"]+"$/, 'a strong ETag');
    assert.equal((await get('gzip', etag)).status, 304);

    const refused = await get('gzip;q=0, identity');
    assert.equal(refused.headers.get('content-encoding'), null);

    // A few hundred bytes go as they are.
    const small = await fetch(`${ctx.base}/api/v2/status.json`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    assert.ok((await small.text()).length < 1024);
    assert.equal(small.headers.get('content-encoding'), null);
    assert.equal(small.headers.get('vary'), null);
  });

  test('a change gives /feed.json a new ETag, and the old one no longer gets a 304', async () => {
    const first = await fetch(`${ctx.base}/feed.json`);
    const etag = first.headers.get('etag');
    await ctx.admin('PUT', '/admin/page', {
      name: 'Acme',
      url: 'https://status.acme.test',
      subscribeUrl: 'https://status.acme.test/subscribe',
    });
    const second = await fetch(`${ctx.base}/feed.json`, { headers: { 'if-none-match': etag } });
    assert.equal(second.status, 200);
    assert.notEqual(second.headers.get('etag'), etag);
  });

  test('/feed.json has exactly the snapshot fields, a version and the events link', async () => {
    const feed = await ctx.getJson('/feed.json');
    assert.deepEqual(Object.keys(feed).sort(), [
      'components',
      'description',
      'incidents',
      'indicator',
      'links',
      'maintenances',
      'page',
      'updatedAt',
      'version',
    ]);
    assert.equal(feed.version, 1);
    assert.equal(feed.links.events, '/events');
    assert.equal(feed.indicator, 'major');
    assert.equal(feed.page.name, 'Acme');
    const live = feed.incidents.find((item) => item.id === incident.id);
    assert.equal(live.url, `https://status.acme.test/incidents/${incident.id}`);
    assert.ok(Date.parse(live.nextUpdateAt) > Date.now(), 'promises the next update');
    assert.deepEqual(
      feed.components.map((c) => [c.id, c.status, c.group]),
      [
        ['api', 'partial_outage', 'Core'],
        ['db', 'operational', 'Core'],
        ['web', 'under_maintenance', undefined],
      ],
    );
  });

  test('the schema names every feed field and the model enums', async () => {
    const served = await ctx.getJson('/feed.schema.json');
    assert.deepEqual(served, schema);
    const feed = await ctx.getJson('/feed.json');
    // `sources`, `componentsLeftOut` and `pastIncidentsRead` (false) are a relay's only
    // (see relay.test.js).
    const relayOnly = ['sources', 'componentsLeftOut', 'pastIncidentsRead'];
    assert.deepEqual(
      Object.keys(schema.properties)
        .filter((key) => !relayOnly.includes(key))
        .sort(),
      Object.keys(feed).sort(),
    );
    for (const field of schema.required) assert.ok(field in feed, `${field} is in feed.json`);
    assert.deepEqual(schema.properties.indicator.enum, [...INDICATORS]);
    assert.deepEqual(schema.$defs.component.properties.status.enum, [...COMPONENT_STATUSES]);
    assert.deepEqual(schema.$defs.incident.properties.status.enum, [...INCIDENT_STATUSES]);
    assert.deepEqual(schema.$defs.item.properties.impact.enum, [...IMPACTS]);
    const known = {
      ...schema.$defs.item.properties,
      ...schema.$defs.incident.properties,
      ...schema.$defs.maintenance.properties,
    };
    for (const item of [...feed.incidents, ...feed.maintenances]) {
      for (const key of Object.keys(item)) assert.ok(key in known, `${key} is in the schema`);
      for (const key of schema.$defs.item.required) assert.ok(key in item, `${key} is given`);
    }
    for (const component of feed.components) {
      for (const key of Object.keys(component)) {
        assert.ok(key in schema.$defs.component.properties, `${key} is in the schema`);
      }
    }
  });

  test('Statuspage documents use Statuspage field names and enum values', async () => {
    const recorded = JSON.parse(
      readFixture('statuspage/documented-summary-maintenance-groups.json'),
    );
    const summary = await ctx.getJson('/api/v2/summary.json');
    assert.deepEqual(Object.keys(summary).sort(), Object.keys(recorded).sort());
    assert.deepEqual(Object.keys(summary.page).sort(), Object.keys(recorded.page).sort());
    assert.ok(['none', 'minor', 'major', 'critical'].includes(summary.status.indicator));
    assert.equal(summary.status.indicator, 'major');
    assert.equal(summary.status.description, 'Partial System Outage');

    const recordedGroup = recorded.components.find((c) => c.group);
    const recordedLeaf = recorded.components.find((c) => !c.group);
    const group = summary.components.find((c) => c.group);
    const leaf = summary.components.find((c) => c.id === 'api');
    assert.deepEqual(Object.keys(group).sort(), Object.keys(recordedGroup).sort());
    assert.deepEqual(Object.keys(leaf).sort(), Object.keys(recordedLeaf).sort());
    assert.deepEqual(group.components, ['api', 'db']);
    assert.equal(leaf.group_id, group.id);
    assert.equal(group.status, 'partial_outage', 'a group shows its worst member');

    const recordedMaintenance = recorded.scheduled_maintenances[0];
    const [active] = (await ctx.getJson('/api/v2/scheduled-maintenances/active.json'))
      .scheduled_maintenances;
    for (const key of Object.keys(recordedMaintenance))
      assert.ok(key in active, `maintenance has ${key}`);
    for (const key of Object.keys(recordedMaintenance.incident_updates[0])) {
      assert.ok(key in active.incident_updates[0], `update has ${key}`);
    }
    assert.equal(active.status, 'in_progress');
    const [upcoming] = (await ctx.getJson('/api/v2/scheduled-maintenances/upcoming.json'))
      .scheduled_maintenances;
    assert.equal(upcoming.status, 'scheduled');
    assert.equal(upcoming.name, 'Database upgrade');
    assert.equal(
      (await ctx.getJson('/api/v2/scheduled-maintenances.json')).scheduled_maintenances.length,
      2,
    );

    const recordedIncident = JSON.parse(readFixture('statuspage/github-incidents-2024-09-17.json'))
      .incidents[0];
    const [live] = (await ctx.getJson('/api/v2/incidents/unresolved.json')).incidents;
    for (const key of Object.keys(recordedIncident)) {
      if (key !== 'reminder_intervals') assert.ok(key in live, `incident has ${key}`);
    }
    assert.equal(live.impact, 'major');
    assert.equal(live.status, 'investigating');
    assert.equal(live.shortlink, `https://status.acme.test/incidents/${live.id}`);
    assert.deepEqual(
      live.components.map((c) => c.id),
      ['api'],
    );

    const status = await ctx.getJson('/api/v2/status.json');
    assert.deepEqual(status, { page: summary.page, status: summary.status });
    const components = await ctx.getJson('/api/v2/components.json');
    assert.deepEqual(components.components, summary.components);
  });

  test('resolved incidents leave summary.json and unresolved.json but stay in incidents.json', async () => {
    const created = await ctx.admin('POST', '/admin/incidents', {
      name: 'Short blip',
      impact: 'minor',
      body: 'Looking.',
    });
    await ctx.admin('POST', `/admin/incidents/${created.body.id}/updates`, {
      status: 'resolved',
      body: 'Fixed.',
    });
    const ids = (doc) => doc.incidents.map((item) => item.id);
    assert.ok(!ids(await ctx.getJson('/api/v2/summary.json')).includes(created.body.id));
    assert.ok(
      !ids(await ctx.getJson('/api/v2/incidents/unresolved.json')).includes(created.body.id),
    );
    const all = await ctx.getJson('/api/v2/incidents.json');
    const resolved = all.incidents.find((item) => item.id === created.body.id);
    assert.equal(resolved.status, 'resolved');
    assert.ok(resolved.resolved_at);
  });

  test('unknown paths are a JSON 404 naming the feeds; writes to feeds are 405', async () => {
    const response = await fetch(`${ctx.base}/api/v2/nothing.json`);
    assert.equal(response.status, 404);
    assert.ok(response.headers.get('content-type').startsWith('application/json'));
    const body = await response.json();
    assert.equal(body.error.code, 'not_found');
    assert.match(body.error.message, /\/feed\.json/);

    const post = await fetch(`${ctx.base}/feed.json`, { method: 'POST', body: '{}' });
    assert.equal(post.status, 405);
    assert.equal(post.headers.get('allow'), 'GET, HEAD');
  });

  test('OPTIONS answers a CORS preflight for the feeds (the admin API answers none)', async () => {
    const response = await fetch(`${ctx.base}/feed.json`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://www.example.com',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'if-none-match',
      },
    });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.match(response.headers.get('access-control-allow-headers'), /If-None-Match/);
    assert.doesNotMatch(response.headers.get('access-control-allow-headers'), /Authorization/);
  });
});

describe('history feeds escape everything', () => {
  let ctx;
  const hostile = `Outage <script>alert("x")</script> & 'quotes' \u0001`;
  before(async () => {
    ctx = await startServer();
    await ctx.admin('POST', '/admin/incidents', { name: hostile, impact: 'minor', body: hostile });
  });
  after(() => ctx.close());

  for (const path of ['/history.atom', '/history.rss']) {
    test(path, async () => {
      const text = await (await fetch(`${ctx.base}${path}`)).text();
      assert.ok(!text.includes('<script>'), 'no markup from the input');
      assert.ok(!text.includes('\u0001'), 'no characters XML forbids');
      assert.ok(
        text.includes(
          'Outage &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;quotes&apos;',
        ),
      );
      assert.match(
        text,
        path.endsWith('atom')
          ? /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/
          : /<rss version="2.0">/,
      );
      // Balanced: every entry opened is closed.
      const tag = path.endsWith('atom') ? 'entry' : 'item';
      assert.equal(text.split(`<${tag}>`).length, text.split(`</${tag}>`).length);
      assert.equal(text.split(`<${tag}>`).length, 2);
    });
  }

  test('Statuspage bodies and names carry the text escaped as HTML', async () => {
    const [incident] = (await ctx.getJson('/api/v2/incidents.json')).incidents;
    assert.ok(incident.name.startsWith('Outage &lt;script&gt;'));
    const feed = await ctx.getJson('/feed.json');
    assert.ok(feed.incidents[0].name.startsWith('Outage <script>'), 'feed.json is plain text');
  });
});
