// Relay mode over real HTTP on loopback: fake upstreams (an Uptime Kuma and a Gatus
// that send no CORS headers, as in production) behind the server, read back from it
// with the widgets' own adapters.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { after, describe, test } from 'node:test';
import { getAdapter } from '../../../dist/adapters/index.js';
import { createStatusServer } from '../../../dist/server/index.js';
import { eventReader, startServer, withoutHistory } from './helpers.js';

const fixture = (path) => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');

/**
 * An upstream on a free loopback port serving `routes` (path → body text), with
 * ETags; `mode` switches it to failing ('fail': HTTP 500) or back ('ok').
 */
const fixtureSchema = () =>
  readFileSync(new URL('../../../schema/feed.schema.json', import.meta.url), 'utf8');

async function fakeUpstream(routes) {
  const upstream = { mode: 'ok', requests: [], routes: { ...routes }, extraHeaders: {} };
  const server = createServer((request, response) => {
    const path = new URL(request.url, 'http://x').pathname;
    upstream.requests.push({ path, ifNoneMatch: request.headers['if-none-match'] });
    if (upstream.mode === 'fail') {
      response.writeHead(upstream.status ?? 500, {
        'content-type': 'text/plain',
        ...upstream.extraHeaders,
      });
      response.end('Internal Server Error');
      return;
    }
    const body = upstream.routes[path];
    if (body === undefined) {
      response.writeHead(404).end('Not Found');
      return;
    }
    const etag = `"${Buffer.from(body).length}-${body.length % 997}-${hash(body)}"`;
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, { etag }).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json', etag });
    response.end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  upstream.base = `http://127.0.0.1:${server.address().port}`;
  upstream.close = () => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(resolve));
  };
  return upstream;
}

function hash(text) {
  let value = 0;
  for (const char of text) value = (value * 31 + char.charCodeAt(0)) | 0;
  return (value >>> 0).toString(16);
}

async function kuma() {
  return fakeUpstream({
    '/api/status-page/main': fixture('uptime-kuma/documented-status-page.json'),
    '/api/status-page/heartbeat/main': fixture('uptime-kuma/documented-heartbeat.json'),
  });
}

async function gatus() {
  return fakeUpstream({
    '/api/v1/endpoints/statuses': fixture('gatus/documented-statuses.json'),
  });
}

async function readNative(base) {
  return getAdapter('native').load(new URL(`${base}/feed.json`), fetch);
}

const closers = [];
after(async () => {
  for (const close of closers.reverse()) await close();
});

async function relay(options) {
  const started = await startServer({ dataFile: undefined, ...options });
  closers.push(started.close);
  return started;
}

describe('relay', () => {
  test('republishes an Uptime Kuma and a Gatus page, grouped by source, with CORS and ETags', async () => {
    const [kumaUp, gatusUp] = [await kuma(), await gatus()];
    closers.push(kumaUp.close, gatusUp.close);
    // The upstreams send no CORS headers: a browser on another site could not read them.
    const direct = await fetch(`${kumaUp.base}/api/status-page/main`);
    assert.equal(direct.headers.get('access-control-allow-origin'), null);
    await direct.text();

    const { base } = await relay({
      sources: [`${kumaUp.base}/status/main`, `${gatusUp.base}/api/v1/endpoints/statuses`],
    });
    const response = await fetch(`${base}/feed.json`);
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    const etag = response.headers.get('etag');
    // Strong: a weak validator starts with W/.
    assert.match(etag, /^"/);
    const feed = await response.json();
    const schema = JSON.parse(fixtureSchema());
    // Every property the schema names, but the optional count of components left out.
    const optional = ['componentsLeftOut'];
    assert.deepEqual(
      Object.keys(schema.properties)
        .filter((key) => !optional.includes(key))
        .sort(),
      Object.keys(feed).sort(),
    );
    // Neither source has a resolved past, so no list may say "No incidents in 90 days".
    assert.equal(feed.pastIncidentsRead, false);
    for (const source of feed.sources)
      for (const key of Object.keys(source))
        assert.ok(key in schema.properties.sources.items.properties, `${key} is in the schema`);
    assert.deepEqual(
      feed.sources.map(({ adapter, state }) => [adapter, state]),
      [
        ['uptime-kuma', 'ok'],
        ['gatus', 'ok'],
      ],
    );
    const again = await fetch(`${base}/feed.json`, { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);

    // Read back with the widgets' adapters, as a browser page would.
    const native = await readNative(base);
    const kumaDirect = await getAdapter('uptime-kuma').load(
      new URL(`${kumaUp.base}/status/main`),
      fetch,
    );
    const gatusDirect = await getAdapter('gatus').load(
      new URL(`${gatusUp.base}/api/v1/endpoints/statuses`),
      fetch,
    );
    assert.equal(
      native.components.length,
      kumaDirect.components.length + gatusDirect.components.length,
    );
    const groups = new Set(native.components.map((component) => component.group?.split(' · ')[0]));
    assert.deepEqual([...groups], [kumaDirect.page.name, gatusDirect.page.name]);
    // Uptime Kuma's active incident is on the relayed page, and drives its indicator.
    assert.ok(native.incidents.some((incident) => incident.name === 'Checkout is failing'));
    assert.notEqual(native.indicator, 'operational');
    assert.deepEqual(
      native.sources.map((source) => source.state),
      ['ok', 'ok'],
    );

    const statuspage = await getAdapter('statuspage').load(new URL(`${base}/`), fetch);
    assert.equal(statuspage.components.length, native.components.length);
    assert.equal(statuspage.indicator, native.indicator);
    for (const path of ['/history.atom', '/api/v2/summary.json']) {
      const document = await fetch(`${base}${path}`);
      assert.equal(document.status, 200);
      assert.equal(document.headers.get('access-control-allow-origin'), '*');
      assert.match(await document.text(), /Checkout is failing/);
    }
  });

  test('asks the upstream conditionally, and an unchanged answer leaves the feed as it was', async () => {
    const up = await gatus();
    closers.push(up.close);
    const { base, server } = await relay({ sources: [`${up.base}/api/v1/endpoints/statuses`] });
    const before = (await fetch(`${base}/feed.json`)).headers.get('etag');
    up.requests.length = 0;
    await server.relay.pollNow();
    // Gatus is read from two documents: the statuses and, for announcements, the config.
    const statuses = up.requests.filter((r) => r.path === '/api/v1/endpoints/statuses');
    assert.equal(statuses.length, 1, 'one request per document per poll');
    assert.match(statuses[0].ifNoneMatch, /^"/);
    assert.equal(server.relay.sources[0].upstream.counters.notModified, 1);
    assert.equal((await fetch(`${base}/feed.json`)).headers.get('etag'), before);
    // However many readers, the upstream is not asked again until the next poll.
    const asked = up.requests.length;
    await Promise.all(
      Array.from({ length: 20 }, () => fetch(`${base}/feed.json`).then((r) => r.text())),
    );
    assert.equal(up.requests.length, asked);
  });

  test('a source that never answered is unknown, one that stops is stale with its last data, and it recovers', async () => {
    const up = await gatus();
    closers.push(up.close);
    up.mode = 'fail';
    const { base, server } = await relay({ sources: [`${up.base}/api/v1/endpoints/statuses`] });

    let feed = await readNative(base);
    assert.equal(feed.components.length, 1);
    assert.equal(feed.components[0].status, 'unknown');
    assert.notEqual(feed.indicator, 'operational');
    assert.equal(feed.sources[0].state, 'error');
    // The public problem tells nothing of the network; the log has "HTTP 500".
    assert.equal(feed.sources[0].problem, 'The source could not be read.');
    assert.equal(feed.sources[0].lastAnsweredAt, undefined);

    up.mode = 'ok';
    await server.relay.pollNow();
    feed = await readNative(base);
    assert.equal(feed.sources[0].state, 'ok');
    const answeredAt = feed.sources[0].lastAnsweredAt;
    assert.ok(answeredAt);
    const components = feed.components;
    assert.ok(components.length > 1);
    assert.ok(!components.some((component) => component.id.endsWith('/unknown')));

    up.mode = 'fail';
    await server.relay.pollNow();
    feed = await readNative(base);
    assert.equal(feed.sources[0].state, 'stale');
    assert.equal(feed.sources[0].lastAnsweredAt, answeredAt);
    assert.equal(
      feed.sources[0].problem,
      `No answer since ${answeredAt}: The source could not be read.`,
    );
    // The relay's own record of a component grows with the clock; the rest stays.
    assert.deepEqual(
      withoutHistory(feed.components),
      withoutHistory(components),
      'the last data is kept',
    );

    up.mode = 'ok';
    await server.relay.pollNow();
    feed = await readNative(base);
    assert.equal(feed.sources[0].state, 'ok');
    assert.equal(feed.sources[0].problem, undefined);
  });

  test('backs off after failures and honours Retry-After', async () => {
    const up = await gatus();
    closers.push(up.close);
    up.mode = 'fail';
    up.extraHeaders = { 'retry-after': '600' };
    const { server } = await relay({
      sources: [`interval=10,${up.base}/api/v1/endpoints/statuses`],
    });
    const source = server.relay.sources[0];
    assert.equal(source.spec.intervalSeconds, 10);
    // HTTP 500 with Retry-After is not a request to wait; only 429 and 503 are.
    assert.ok(source.nextDelayMs() >= 10_000 && source.nextDelayMs() <= 15_000);
    await server.relay.pollNow();
    await server.relay.pollNow();
    const third = source.nextDelayMs();
    assert.ok(third >= 30_000 && third <= 50_000, `after three failures: ${third} ms`);
    const limited = await fakeUpstream({});
    closers.push(limited.close);
    limited.mode = 'fail';
    limited.status = 503;
    limited.extraHeaders = { 'retry-after': '600' };
    const { server: other } = await relay({
      sources: [`${limited.base}/api/v1/endpoints/statuses`],
    });
    assert.equal(other.relay.sources[0].nextDelayMs(), 600_000);
  });

  test('the team’s own incidents are merged with the sources’ components', async () => {
    const up = await gatus();
    closers.push(up.close);
    const { base, admin, close } = await startServer({
      sources: [`${up.base}/api/v1/endpoints/statuses`],
    });
    closers.push(close);
    await admin('PUT', '/admin/page', { name: 'Acme', url: 'https://status.acme.test' });
    await admin('PUT', '/admin/components/api', { name: 'API', status: 'operational' });
    const created = await admin('POST', '/admin/incidents', {
      name: 'Elevated errors',
      impact: 'major',
      body: 'We are investigating elevated error rates.',
      components: [{ id: 'api', status: 'partial_outage' }],
    });
    assert.equal(created.status, 201);
    const feed = await readNative(base);
    assert.equal(feed.page.name, 'Acme');
    assert.ok(feed.components.some((component) => component.id === 'api'));
    assert.ok(feed.components.some((component) => component.id.startsWith('127.0.0.1/')));
    // Grouped: the team's components stand apart from the source's.
    assert.ok(feed.components.filter((c) => c.id !== 'api').every((c) => c.group));
    assert.ok(feed.incidents.some((incident) => incident.name === 'Elevated errors'));
    assert.equal(feed.indicator, 'major');
  });

  test('an upstream change is pushed on /events', async () => {
    const up = await gatus();
    closers.push(up.close);
    const { base, server } = await relay({ sources: [`${up.base}/api/v1/endpoints/statuses`] });
    const controller = new AbortController();
    const stream = await fetch(`${base}/events`, { signal: controller.signal });
    const events = eventReader(stream);
    const first = JSON.parse((await events.next()).data);
    const statuses = JSON.parse(up.routes['/api/v1/endpoints/statuses']);
    for (const endpoint of statuses)
      endpoint.results = endpoint.results.map((result) => ({ ...result, success: false }));
    up.routes['/api/v1/endpoints/statuses'] = JSON.stringify(statuses);
    await server.relay.pollNow();
    let event = await events.next();
    while (!event.data) event = await events.next();
    const pushed = JSON.parse(event.data);
    assert.notDeepEqual(pushed.components, first.components);
    const down = (feed) => feed.components.filter((c) => c.status === 'major_outage').length;
    assert.ok(down(pushed) > down(first));
    controller.abort();
  });

  test('a slow, huge, redirecting or wrong-format source is that source’s error only', async () => {
    const good = await gatus();
    closers.push(good.close);
    const bad = createServer((request, response) => {
      if (request.url === '/slow') return; // never answers
      if (request.url === '/huge') {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(`[${'0,'.repeat(5000)}0]`);
        return;
      }
      if (request.url === '/loop') {
        response.writeHead(302, { location: '/loop' }).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><p>Hello</p>');
    });
    await new Promise((resolve) => bad.listen(0, '127.0.0.1', resolve));
    closers.push(() => {
      bad.closeAllConnections();
      return new Promise((resolve) => bad.close(resolve));
    });
    const at = `http://127.0.0.1:${bad.address().port}`;
    const { base } = await relay({
      sources: [
        `${good.base}/api/v1/endpoints/statuses`,
        `${at}/slow`,
        `${at}/huge`,
        `${at}/loop`,
        `${at}/page`,
      ],
      sourceLimits: { timeoutMs: 500, maxBytes: 4096 },
    });
    const feed = await readNative(base);
    assert.deepEqual(
      feed.sources.map((source) => source.state),
      ['ok', 'error', 'error', 'error', 'error'],
    );
    const problems = feed.sources.slice(1).map((source) => source.problem);
    // In the feed only what tells nothing of the network: whether what answered with
    // 2xx was a status feed. The server's log says the rest (timeout, size, redirects).
    assert.deepEqual(problems, [
      'The source could not be read.',
      'What the source sends is not a status feed the relay reads.',
      'The source could not be read.',
      'What the source sends is not a status feed the relay reads.',
    ]);
    assert.ok(feed.components.some((component) => component.status === 'operational'));
  });

  test('refuses a source that is not http(s), or that is the relay itself', async () => {
    await assert.rejects(
      createStatusServer({ sources: ['ftp://status.example.com/feed.json'] }),
      /reads http and https URLs only, not ftp:/,
    );
    await assert.rejects(
      createStatusServer({ sources: ['interval=5,https://status.example.com/'] }),
      /at least 10/,
    );
    const probe = createServer();
    await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = probe.address().port;
    await new Promise((resolve) => probe.close(resolve));
    const server = await createStatusServer({ sources: [`http://localhost:${port}/feed.json`] });
    closers.push(() => server.close());
    await assert.rejects(server.listen(port, '127.0.0.1'), /points at this server itself/);
  });

  test('refuses to read itself by another address too: its own requests are answered 508', async () => {
    const probe = createServer();
    await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = probe.address().port;
    await new Promise((resolve) => probe.close(resolve));
    // 127.0.0.1 written as an IPv4-mapped IPv6 address: no name the start check knows.
    const server = await createStatusServer({
      sources: [`adapter=native,http://[::ffff:127.0.0.1]:${port}/feed.json`],
    });
    closers.push(() => server.close());
    const base = await server.listen(port, '127.0.0.1');
    const feed = await (await fetch(`${base}feed.json`)).json();
    assert.match(feed.sources[0].problem, /is this server itself/);
    // Anyone else reading it is served as before.
    assert.equal((await fetch(`${base}feed.json`)).status, 200);
  });
});

describe('export with sources', () => {
  test('polls each source once and writes the feeds; a failing source writes nothing', async () => {
    const { exportStatic } = await import('../../../dist/server/index.js');
    const { tempDir } = await import('./helpers.js');
    const { existsSync } = await import('node:fs');
    const up = await gatus();
    closers.push(up.close);
    const source = `${up.base}/api/v1/endpoints/statuses`;
    const out = tempDir();
    const files = await exportStatic(undefined, out, { sources: [source] });
    assert.equal(up.requests.filter((r) => r.path === '/api/v1/endpoints/statuses').length, 1);
    assert.ok(files.length > 10);
    const feed = JSON.parse(readFileSync(`${out}/feed.json`, 'utf8'));
    assert.equal(feed.sources[0].state, 'ok');
    assert.ok(feed.components.length > 1);
    assert.equal(feed.links, undefined);

    up.mode = 'fail';
    const other = tempDir();
    await assert.rejects(
      exportStatic(undefined, other, { sources: [source] }),
      /nothing was written.*HTTP 500/,
    );
    assert.equal(existsSync(`${other}/feed.json`), false);
  });
});

describe('Atom and RSS sources', () => {
  test('are read in Node and republished; XML that is not well-formed is that source’s error', async () => {
    const up = await fakeUpstream({
      '/history.atom': fixture('feed/documented-history.atom'),
      '/history.rss': fixture('feed/documented-history.rss'),
      '/broken.atom': '<feed xmlns="http://www.w3.org/2005/Atom"><entry></feed>',
    });
    closers.push(up.close);
    const { base } = await relay({
      sources: [`${up.base}/history.atom`, `${up.base}/history.rss`, `${up.base}/broken.atom`],
    });
    const feed = await readNative(base);
    assert.deepEqual(
      feed.sources.map(({ adapter, state }) => [adapter, state]),
      [
        ['feed', 'ok'],
        ['feed', 'ok'],
        ['feed', 'error'],
      ],
    );
    assert.match(feed.sources[2].problem, /not a status feed/);
    const direct = fixture('feed/documented-history.atom');
    const titles = [...direct.matchAll(/<entry>[\s\S]*?<title[^>]*>([^<]+)</g)].map((m) => m[1]);
    assert.ok(titles.length > 0);
    for (const title of titles)
      assert.ok(
        feed.incidents.some((incident) => incident.name === title.trim()) ||
          feed.maintenances.some((item) => item.name === title.trim()),
        `${title} is on the relayed page`,
      );
  });
});
