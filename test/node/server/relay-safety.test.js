// The relay on the open internet, over real HTTP on loopback: a source cannot lead it
// into its own network (redirects, DNS), its public problems tell nothing about the
// network, a silent source never stays "operational", and no id breaks the merge.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import { after, describe, test } from 'node:test';
import { getAdapter } from '../../../dist/adapters/index.js';
import { addressKind } from '../../../dist/server/relay/address.js';
import { eventReader, startServer } from './helpers.js';

const closers = [];
after(async () => {
  for (const close of closers.reverse()) await close();
});

/** Listens on a free loopback port; closed (its connections ended) after the tests. */
async function listen(server) {
  const sockets = new Set();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => {
    for (const socket of sockets) socket.destroy();
    return new Promise((resolve) => server.close(resolve));
  });
  return server.address().port;
}

/** A native feed with these components, all `status` unless given. */
function nativeFeed(components, name = 'Upstream') {
  return JSON.stringify({
    version: 1,
    page: { name },
    indicator: 'operational',
    description: 'All Systems Operational',
    components: components.map((component) => ({ status: 'operational', ...component })),
    incidents: [],
    maintenances: [],
  });
}

/**
 * An HTTP upstream on loopback: `routes` maps a path to a body (a native feed) or to
 * `{ redirect: location }`; `mode = 'fail'` answers 500. `requests` lists the paths asked.
 */
async function upstream(routes) {
  const up = { routes, requests: [], mode: 'ok' };
  const server = createServer((request, response) => {
    const path = new URL(request.url, 'http://x').pathname;
    up.requests.push(path);
    const route = up.routes[path];
    if (up.mode === 'fail') return void response.writeHead(500).end('Internal Server Error');
    if (route === undefined) return void response.writeHead(404).end('Not Found');
    if (typeof route === 'object') {
      return void response.writeHead(302, { location: route.redirect }).end();
    }
    response.writeHead(200, { 'content-type': 'application/json' }).end(route);
  });
  up.port = await listen(server);
  up.base = `http://127.0.0.1:${up.port}`;
  return up;
}

async function relay(options) {
  const started = await startServer({ dataFile: undefined, ...options });
  closers.push(started.close);
  return started;
}

/** What `console.error` is given while `run` runs (the server's log). */
async function logged(run) {
  const lines = [];
  const original = console.error;
  console.error = (...args) => lines.push(args.join(' '));
  try {
    return { result: await run(), lines };
  } finally {
    console.error = original;
  }
}

const REFUSED =
  'The source led to an address the relay does not read (another host, an address of its own network, or not http/https).';
const UNREADABLE = 'The source could not be read.';

describe('relay: a source cannot lead the relay into its network', () => {
  test('every kind of address that is not the public internet is told apart, in every spelling', () => {
    const kinds = {
      public: [
        '93.184.216.34',
        '8.8.8.8',
        '172.15.255.255',
        '172.32.0.1',
        '100.63.255.255',
        '100.128.0.1',
        '2606:4700::1111',
        '[2001:db8::1]',
        '::ffff:8.8.8.8',
      ],
      loopback: [
        '127.0.0.1',
        '127.255.255.254',
        '::1',
        '[::1]',
        '::ffff:127.0.0.1',
        '::ffff:7f00:1',
        '0:0:0:0:0:ffff:7f00:1',
        '64:ff9b::127.0.0.1',
      ],
      private: [
        '10.0.0.1',
        '172.16.0.1',
        '172.31.255.255',
        '192.168.1.1',
        '100.64.0.1',
        '100.127.255.255',
        'fc00::1',
        'fd12:3456::1',
        '::ffff:10.0.0.1',
        '::ffff:a00:1',
        '::ffff:192.168.0.1',
      ],
      'link-local': [
        '169.254.169.254',
        'fe80::1',
        'fe80::1%eth0',
        'febf::1',
        '::ffff:169.254.169.254',
      ],
      unspecified: ['0.0.0.0', '0.1.2.3', '::', '::ffff:0.0.0.0'],
      reserved: ['224.0.0.1', '255.255.255.255', '240.0.0.1', 'ff02::1', '::2', 'not-an-address'],
    };
    for (const [kind, addresses] of Object.entries(kinds))
      for (const address of addresses) assert.equal(addressKind(address), kind, address);
  });

  test('a redirect within the source’s origin is followed; one anywhere else is refused before connecting', async () => {
    // The private service a hostile source would have the relay read and republish.
    const secret = await upstream({
      '/api/v1/endpoints/statuses': nativeFeed([{ id: 'db', name: 'Secret database' }]),
    });
    const source = await upstream({
      '/moved': { redirect: '/feed.json' },
      '/feed.json': nativeFeed([{ id: 'api', name: 'API' }]),
      '/other-host': { redirect: `http://localhost:${secret.port}/api/v1/endpoints/statuses` },
      '/other-port': { redirect: `http://127.0.0.1:${secret.port}/api/v1/endpoints/statuses` },
      '/private': { redirect: 'http://10.0.0.1/api/v1/endpoints/statuses' },
      '/metadata': { redirect: 'http://169.254.169.254/latest/meta-data/' },
      '/mapped': { redirect: `http://[::ffff:127.0.0.1]:${secret.port}/` },
      '/data': { redirect: `data:application/json,${encodeURIComponent(nativeFeed([]))}` },
      '/file': { redirect: 'file:///etc/passwd' },
    });
    // The credentials hop names the source's own origin, so only its user:password differs.
    source.routes['/credentials'] = {
      redirect: `http://user:secret@127.0.0.1:${source.port}/feed.json`,
    };
    const refused = [
      '/other-host',
      '/other-port',
      '/private',
      '/metadata',
      '/mapped',
      '/data',
      '/file',
      '/credentials',
    ];
    const { result, lines } = await logged(() =>
      relay({
        sources: [
          `adapter=native,${source.base}/moved`,
          ...refused.map((path) => `adapter=native,${source.base}${path}`),
        ],
      }),
    );
    const feed = await getAdapter('native').load(new URL(`${result.base}/feed.json`), fetch);
    assert.equal(feed.sources[0].state, 'ok');
    assert.ok(feed.components.some((component) => component.name === 'API'));
    for (const [index, path] of refused.entries()) {
      const report = feed.sources[index + 1];
      assert.equal(report.state, 'error', path);
      assert.equal(report.problem, REFUSED, path);
    }
    assert.deepEqual(secret.requests, [], 'the private service was never asked');
    assert.ok(!feed.components.some((component) => component.name === 'Secret database'));
    // The log says which rule refused each hop.
    const log = lines.join('\n');
    assert.match(
      log,
      /\/other-host redirected to http:\/\/localhost:\d+\/.*not the source's own origin/,
    );
    assert.match(log, /redirected to a data: URL, which the relay does not follow/);
    assert.match(log, /\/credentials redirected to .*it carries credentials/);
    assert.match(log, /file: and the relay reads http and https only/);
  });

  test('a name that turns into an address of the relay’s network where it connects is refused (DNS rebinding)', async () => {
    const inside = await upstream({ '/feed.json': nativeFeed([{ id: 'db', name: 'Inside' }]) });
    // status.test looked public when the relay first resolved it, then points at loopback.
    const answers = { 'status.test': ['198.51.100.7', '127.0.0.1'] };
    const resolved = [];
    const sourceResolve = async (hostname) => {
      const list = answers[hostname];
      if (!list)
        throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
      const address = list.length > 1 ? list.shift() : list[0];
      resolved.push(address);
      return [{ address, family: address.includes(':') ? 6 : 4 }];
    };
    const { result, lines } = await logged(() =>
      relay({
        sources: [`adapter=native,http://status.test:${inside.port}/feed.json`],
        sourceResolve,
      }),
    );
    const feed = await (await fetch(`${result.base}/feed.json`)).json();
    assert.deepEqual(resolved, ['198.51.100.7', '127.0.0.1']);
    assert.equal(feed.sources[0].state, 'error');
    assert.equal(feed.sources[0].problem, REFUSED);
    assert.deepEqual(inside.requests, [], 'nothing was sent to the loopback address');
    assert.match(lines.join('\n'), /status\.test resolves to 127\.0\.0\.1, a loopback address/);
  });

  test('a source on loopback by name stays on loopback: its name moving to a private or mapped address is refused', async () => {
    const up = await upstream({ '/feed.json': nativeFeed([{ id: 'api', name: 'API' }]) });
    let address = '127.0.0.1';
    const sourceResolve = async () => [{ address, family: address.includes(':') ? 6 : 4 }];
    const { server, base } = await relay({
      sources: [`adapter=native,http://kuma.internal.test:${up.port}/feed.json`],
      sourceResolve,
    });
    const read = async () => (await fetch(`${base}/feed.json`)).json();
    // The configured source itself is on loopback: reading it there is what was asked.
    assert.equal((await read()).sources[0].state, 'ok');
    for (const next of [
      '10.0.0.1',
      '::ffff:169.254.169.254',
      '::ffff:a00:1',
      'fd00::1',
      '0.0.0.0',
    ]) {
      address = next;
      const { lines } = await logged(() => server.relay.pollNow());
      const feed = await read();
      assert.equal(feed.sources[0].state, 'stale', next);
      assert.match(feed.sources[0].problem, /does not read/, next);
      assert.match(lines.join('\n'), new RegExp(`resolves to ${next.replace(/\./g, '\\.')}`), next);
    }
    assert.equal(up.requests.length, 1, 'only the first poll reached the source');
  });
});

describe('relay: a source’s problem tells nothing about the network', () => {
  test('a closed port, a port that is not HTTP, a silent port and an HTTP 404 read the same; the log tells them apart', async () => {
    const probe = createTcpServer();
    const closed = await new Promise((resolve) =>
      probe.listen(0, '127.0.0.1', () => {
        const { port } = probe.address();
        probe.close(() => resolve(port));
      }),
    );
    // An SSH-like service: it speaks first, and not HTTP.
    const ssh = createTcpServer((socket) => socket.end('SSH-2.0-OpenSSH_9.6\r\n'));
    const silent = createTcpServer(() => undefined);
    const [sshPort, silentPort] = [await listen(ssh), await listen(silent)];
    const web = await upstream({});
    const { result, lines } = await logged(() =>
      relay({
        sources: [
          `adapter=gatus,http://127.0.0.1:${closed}/api/v1/endpoints/statuses`,
          `adapter=gatus,http://127.0.0.1:${sshPort}/api/v1/endpoints/statuses`,
          `adapter=gatus,http://127.0.0.1:${silentPort}/api/v1/endpoints/statuses`,
          `adapter=gatus,${web.base}/api/v1/endpoints/statuses`,
        ],
        sourceLimits: { timeoutMs: 500 },
      }),
    );
    const feed = await (await fetch(`${result.base}/feed.json`)).json();
    assert.deepEqual(
      feed.sources.map((source) => [source.state, source.problem]),
      Array(4).fill(['error', UNREADABLE]),
    );
    const log = lines.join('\n');
    assert.match(log, new RegExp(`${closed}.*ECONNREFUSED`));
    assert.match(log, new RegExp(`${sshPort}.*HPE_`));
    assert.match(log, new RegExp(`${silentPort}.*did not answer within 0.5 s`));
    assert.match(log, /HTTP 404/);
  });
});

describe('relay: a silent source never stays operational', () => {
  const STARTED = Date.parse('2026-12-08T10:00:00.000Z');

  test('past the bound its components are unknown in every format, and the page says since when', async () => {
    let clock = STARTED;
    const now = () => new Date(clock);
    const silent = await upstream({
      '/feed.json': nativeFeed([{ id: 'api', name: 'API' }], 'Silent'),
    });
    const healthy = await upstream({
      '/feed.json': nativeFeed([{ id: 'web', name: 'Website' }], 'Healthy'),
    });
    const { server, base } = await relay({
      sources: [
        `adapter=native,${silent.base}/feed.json`,
        `adapter=native,${healthy.base}/feed.json`,
      ],
      now,
    });
    const get = async (path) => (await fetch(`${base}${path}`)).text();
    const json = async (path) => JSON.parse(await get(path));
    assert.equal((await json('/feed.json')).indicator, 'operational');
    assert.equal((await json('/api/v2/status.json')).status.indicator, 'none');

    // Within the bound (10 minutes): its last data, as stale, still stands.
    silent.mode = 'fail';
    clock += 5 * 60_000;
    await logged(() => server.relay.pollNow());
    let feed = await json('/feed.json');
    assert.equal(feed.sources[0].state, 'stale');
    assert.equal(feed.indicator, 'operational');

    // Past it: unknown, since its last answer, in every format.
    clock += 6 * 60_000;
    await logged(() => server.relay.pollNow());
    const since = '2026-12-08T10:00:00Z';
    feed = await json('/feed.json');
    assert.equal(feed.indicator, 'unknown');
    assert.equal(feed.description, `Status Unknown since ${since}`);
    const api = feed.components.find((component) => component.name === 'API');
    assert.equal(api.status, 'unknown');
    assert.equal(feed.components.find((c) => c.name === 'Website').status, 'operational');

    for (const path of ['/api/v2/summary.json', '/api/v2/status.json']) {
      const { status } = await json(path);
      assert.deepEqual(
        status,
        { indicator: 'unknown', description: `Status Unknown since ${since}` },
        path,
      );
    }
    const summary = await json('/api/v2/summary.json');
    assert.equal(summary.components.find((c) => c.name === 'API').status, 'unknown');
    // The widgets' own readers of those formats: never operational.
    const native = await getAdapter('native').load(new URL(`${base}/feed.json`), fetch);
    assert.equal(native.components.find((c) => c.name === 'API').status, 'unknown');
    assert.equal(native.indicator, 'unknown');
    const statuspage = await getAdapter('statuspage').load(new URL(`${base}/`), fetch);
    assert.equal(statuspage.indicator, 'unknown');
    for (const path of ['/history.atom', '/history.rss']) {
      const text = await get(path);
      assert.match(text, /Status unknown: Silent/, path);
      assert.match(text, /no answer from Silent since 2026-12-08T10:00:00\.000Z/, path);
    }

    // Its answer brings its data back, and the page with it.
    silent.mode = 'ok';
    clock += 60_000;
    await server.relay.pollNow();
    feed = await json('/feed.json');
    assert.equal(feed.indicator, 'operational');
    assert.equal((await json('/api/v2/status.json')).status.indicator, 'none');
    assert.doesNotMatch(await get('/history.atom'), /Status unknown/);
  });

  test('a source that never answered makes the page unknown at once, beside a healthy one', async () => {
    const healthy = await upstream({ '/feed.json': nativeFeed([{ id: 'web', name: 'Website' }]) });
    const dead = await upstream({});
    dead.mode = 'fail';
    const { result } = await logged(() =>
      relay({
        sources: [
          `adapter=native,${healthy.base}/feed.json`,
          `adapter=native,${dead.base}/feed.json`,
        ],
        now: () => new Date(STARTED),
      }),
    );
    const feed = await (await fetch(`${result.base}/feed.json`)).json();
    assert.equal(feed.indicator, 'unknown');
    assert.equal(feed.description, 'Status Unknown since 2026-12-08T10:00:00Z');
    const { status } = await (await fetch(`${result.base}/api/v2/status.json`)).json();
    assert.equal(status.indicator, 'unknown');
  });

  test(
    'the page turns unknown when the bound passes, between polls, and the event streams hear of it',
    { timeout: 10_000 },
    async () => {
      const up = await upstream({ '/feed.json': nativeFeed([{ id: 'api', name: 'API' }]) });
      const { server, base } = await relay({
        sources: [`adapter=native,${up.base}/feed.json`],
        sourceUnknownAfterSeconds: 1,
      });
      const controller = new AbortController();
      closers.push(() => controller.abort());
      const events = eventReader(await fetch(`${base}/events`, { signal: controller.signal }));
      assert.equal(JSON.parse((await events.next()).data).indicator, 'operational');
      up.mode = 'fail';
      await logged(() => server.relay.pollNow());
      // No further poll: the relay's own timer says it when the second has passed.
      let pushed;
      do {
        const event = await events.next();
        if (event.data) pushed = JSON.parse(event.data);
      } while (pushed?.indicator !== 'unknown');
      assert.equal(pushed.components[0].status, 'unknown');
      assert.equal(pushed.sources[0].state, 'stale');
      controller.abort();
    },
  );
});

describe('relay: what a source sends is carried whole', () => {
  test('components past the bound are counted in componentsLeftOut', async () => {
    const components = Array.from({ length: 5010 }, (_, index) => ({
      id: `c${index}`,
      name: `Component ${index}`,
      status: 'operational',
    }));
    const summary = JSON.stringify({
      page: { id: 'p', name: 'Big', url: 'https://big.example' },
      status: { indicator: 'none', description: 'All Systems Operational' },
      components,
      incidents: [],
      scheduled_maintenances: [],
    });
    const up = await upstream({
      '/api/v2/summary.json': summary,
      '/api/v2/incidents.json': JSON.stringify({ page: { id: 'p', name: 'Big' }, incidents: [] }),
    });
    const { base } = await relay({ sources: [`adapter=statuspage,${up.base}/`] });
    const feed = await (await fetch(`${base}/feed.json`)).json();
    assert.equal(feed.sources[0].state, 'ok');
    assert.equal(feed.components.length, 5000);
    assert.equal(feed.componentsLeftOut, 10);
  });

  test('the status an update gave each component names the relayed component', async () => {
    const feed = JSON.parse(nativeFeed([{ id: 'api', name: 'API', status: 'major_outage' }]));
    const at = new Date(Date.now() - 60_000).toISOString();
    feed.indicator = 'major';
    feed.incidents = [
      {
        id: 'outage',
        name: 'API down',
        status: 'investigating',
        impact: 'major',
        createdAt: at,
        updatedAt: at,
        components: ['api'],
        updates: [
          {
            id: 'u1',
            status: 'investigating',
            body: 'The API is down.',
            createdAt: at,
            affected: [{ id: 'api', status: 'major_outage' }],
          },
        ],
      },
    ];
    const up = await upstream({ '/feed.json': JSON.stringify(feed) });
    const { base } = await relay({ sources: [`adapter=native,${up.base}/feed.json`] });
    const relayed = await (await fetch(`${base}/feed.json`)).json();
    assert.equal(relayed.sources[0].state, 'ok', relayed.sources[0].problem);
    const ids = relayed.components.map((component) => component.id);
    assert.deepEqual(ids, ['127.0.0.1/api']);
    const [incident] = relayed.incidents;
    assert.deepEqual(incident.components, ids);
    assert.deepEqual(incident.updates[0].affected, [
      { id: '127.0.0.1/api', status: 'major_outage' },
    ]);
  });

  test('ids named like Object.prototype members (and __proto__) are merged and served', async () => {
    const ids = ['toString', 'valueOf', 'hasOwnProperty', 'constructor', '__proto__'];
    const up = await upstream({
      '/feed.json': nativeFeed(ids.map((id) => ({ id, name: `Named ${id}` }))),
    });
    const { server, base } = await relay({ sources: [`adapter=native,${up.base}/feed.json`] });
    // A second poll with a change: the relay's record of each component is kept per id.
    up.routes['/feed.json'] = nativeFeed(
      ids.map((id) => ({ id, name: `Named ${id}`, status: 'major_outage' })),
    );
    await server.relay.pollNow();
    const feed = await (await fetch(`${base}/feed.json`)).json();
    assert.equal(feed.sources[0].state, 'ok', feed.sources[0].problem);
    assert.deepEqual(
      feed.components.map((component) => [component.id, component.status]),
      ids.map((id) => [`127.0.0.1/${id}`, 'major_outage']),
    );
    for (const component of feed.components) assert.ok(component.history?.length, component.id);
    for (const path of [
      '/api/v2/summary.json',
      '/api/v2/components.json',
      '/history.atom',
      '/history.rss',
    ]) {
      assert.equal((await fetch(`${base}${path}`)).status, 200, path);
    }
    const summary = await (await fetch(`${base}/api/v2/summary.json`)).json();
    assert.deepEqual(
      summary.components.map((component) => component.id),
      ids.map((id) => `127.0.0.1/${id}`),
    );
  });
});
