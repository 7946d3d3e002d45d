// Choosing an adapter: by name, by a certain URL, or by the body of one request.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  adapterNames,
  detectAdapter,
  getAdapter,
  matchesBuiltInBody,
  registerAdapter,
  resolveAdapter,
  FeedFormatError,
} from 'status-widgets/adapters';
import { fakeFetch, readFixture } from '../helpers.js';

let hosts = 0;
const host = () => `https://detect-${(hosts += 1)}.example.test`;

describe('adapter detection', () => {
  test('every built-in is registered and loads in Node by name', () => {
    assert.deepEqual(adapterNames().sort(), [
      'better-stack',
      'cachet',
      'cachet3',
      'feed',
      'gatus',
      'incident-io',
      'instatus',
      'native',
      'openstatus',
      'statuspage',
      'uptime-kuma',
    ]);
  });

  test('URLs that are certain pick their adapter without a request', () => {
    const cases = {
      'https://www.githubstatus.com/api/v2/summary.json': 'statuspage',
      'https://www.githubstatus.com/history.atom': 'feed',
      'https://www.githubstatus.com/history.rss': 'feed',
      'https://kuma.example.com/status/main/rss': 'feed',
      'https://kuma.example.com/status/main': 'uptime-kuma',
      'https://kuma.example.com/api/status-page/heartbeat/main': 'uptime-kuma',
      'https://gatus.example.com/api/v1/endpoints/statuses': 'gatus',
      'https://status.example.com/api/v1/components': 'cachet',
      'https://status.example.com/api/v1/incidents': 'cachet',
      'https://example.instatus.com/': 'instatus',
    };
    for (const [url, name] of Object.entries(cases)) {
      assert.equal(detectAdapter(new URL(url))?.name, name, url);
      assert.equal(resolveAdapter(new URL(url)).name, name, url);
    }
    assert.equal(detectAdapter(new URL('https://status.example.com/')), undefined);
    assert.equal(detectAdapter(new URL('https://status.example.com/feed.json')), undefined);
  });

  test('a name wins over the URL', () => {
    const url = new URL('https://status.example.com/api/v2/summary.json');
    assert.equal(resolveAdapter(url, 'native').name, 'native');
    assert.throws(() => resolveAdapter(url, 'nope'), /Unknown status feed adapter "nope".*cachet/);
  });

  test('an uncertain URL is read once; the body picks the adapter, which reuses that response', async () => {
    const src = `${host()}/feed.json`;
    const fetch = fakeFetch({ [src]: readFixture('native/documented-feed.json') });
    const adapter = resolveAdapter(new URL(src));
    assert.equal(adapter.name, 'auto');
    const snapshot = await adapter.load(new URL(src), fetch);
    assert.equal(fetch.calls.length, 1, 'detection costs no extra request');
    assert.equal(snapshot.page.name, 'Example Cloud');

    // The choice is remembered: the next load goes straight to the native adapter.
    await adapter.load(new URL(src), fetch);
    assert.equal(fetch.calls.length, 2);
  });

  test('a bare page address is read as Statuspage at /api/v2/summary.json, in one request', async () => {
    const base = host();
    const summary = `${base}/api/v2/summary.json`;
    const incidents = `${base}/api/v2/incidents.json`;
    const fetch = fakeFetch({
      [summary]: readFixture('statuspage/github-summary-major-2020-04-02.json'),
      [incidents]: readFixture('statuspage/github-incidents-2024-09-17.json'),
    });
    const snapshot = await resolveAdapter(new URL(base)).load(new URL(base), fetch);
    assert.deepEqual(
      fetch.calls.map((call) => call.url),
      [summary, incidents],
      'summary.json once (detection), then the history',
    );
    assert.equal(snapshot.indicator, 'major');
  });

  test('body detection for each JSON format', async () => {
    const bodies = {
      cachet: readFixture('cachet/documented-components.json'),
      gatus: readFixture('gatus/documented-statuses.json'),
      instatus: readFixture('instatus/documented-summary.json'),
      'uptime-kuma': readFixture('uptime-kuma/documented-status-page.json'),
      native: readFixture('native/documented-feed.json'),
      statuspage: readFixture('statuspage/github-summary-major-2020-04-02.json'),
      feed: '<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>',
    };
    for (const [name, text] of Object.entries(bodies)) {
      let body;
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
      const matching = adapterNames().filter(
        (n) => getAdapter(n).matchesBody?.(body) ?? matchesBuiltInBody(n, body),
      );
      assert.deepEqual(matching, [name], `${name} body matches only ${name}`);
    }
  });

  test('the newer formats: their rules load with detection, URL rules first, then the body', async () => {
    const certain = {
      'https://example.incident.io/': 'incident-io',
      'https://example.betteruptime.com/': 'better-stack',
      'https://example.betteruptime.com/index.json': 'better-stack',
      'https://example.openstatus.dev/': 'openstatus',
      'https://api.openstatus.dev/public/status/example': 'openstatus',
      'https://status.example.com/api/components': 'cachet3',
      'https://status.example.com/api/incidents': 'cachet3',
    };
    for (const [url, name] of Object.entries(certain)) {
      // Not known before detection loads: the page that never detects pays nothing.
      assert.equal(detectAdapter(new URL(url)), undefined, url);
      assert.equal(resolveAdapter(new URL(url)).name, 'auto', url);
      assert.equal(getAdapter(name).name, name);
    }
    for (const url of [
      'https://openstatus.dev/',
      'https://www.betteruptime.com/',
      'https://betterstack.com/docs',
    ]) {
      const fetch = fakeFetch({});
      await assert.rejects(resolveAdapter(new URL(url)).load(new URL(url), fetch));
      assert.ok(
        fetch.calls.every((call) => !/feed\/json|index\.json$/.test(call.url)),
        `${url} is the provider's own site, not a status page`,
      );
    }
  });

  test('a Cachet 2 body is Cachet 2 and a Cachet 3 body is Cachet 3, each read once', async () => {
    const cachet2 = `${host()}/cachet/components.json`;
    const fetch2 = fakeFetch({
      [cachet2]: readFixture('cachet/documented-components.json'),
    });
    await assert.rejects(resolveAdapter(new URL(cachet2)).load(new URL(cachet2), fetch2));
    assert.ok(
      fetch2.calls.some((call) => call.url.includes('/api/v1/components')),
      'read as Cachet 2',
    );
    assert.equal(fetch2.calls.filter((call) => call.url === cachet2).length, 1);

    const base = host();
    const cachet3 = `${base}/mirror/components.json`;
    const fetch3 = fakeFetch({
      [cachet3]: readFixture('cachet3/documented-components.json'),
      [`${base}/api/components?per_page=100&include=group`]: readFixture(
        'cachet3/documented-components.json',
      ),
      [`${base}/api/incidents?per_page=50&sort=-id&include=components%2Cupdates`]: readFixture(
        'cachet3/documented-incidents.json',
      ),
    });
    const snapshot = await resolveAdapter(new URL(cachet3)).load(new URL(cachet3), fetch3);
    assert.equal(snapshot.components.length, 3, 'read as Cachet 3');
    assert.ok(
      fetch3.calls.every((call) => !call.url.includes('/api/v1/')),
      'never as Cachet 2',
    );
    assert.equal(fetch3.calls.filter((call) => call.url === cachet3).length, 1);
  });

  test('a body no adapter knows is a FeedFormatError listing what was tried', async () => {
    const src = `${host()}/status.json`;
    const fetch = fakeFetch({ [src]: JSON.stringify({ hello: 'world' }) });
    await assert.rejects(resolveAdapter(new URL(src)).load(new URL(src), fetch), (error) => {
      assert.ok(error instanceof FeedFormatError);
      assert.match(error.message, /status\.json/);
      assert.match(
        error.message,
        /tried native, statuspage, feed, uptime-kuma, gatus, cachet3, cachet, instatus, incident-io, better-stack, openstatus/,
      );
      assert.match(error.message, /adapter="…"/);
      return true;
    });
    assert.equal(fetch.calls.length, 1);
  });

  test('an HTML page at a bare address says so', async () => {
    const base = host();
    const fetch = fakeFetch({ [`${base}/api/v2/summary.json`]: '<!DOCTYPE html><title>x</title>' });
    await assert.rejects(
      resolveAdapter(new URL(base)).load(new URL(base), fetch),
      /HTML page, not a feed/,
    );
  });

  test('registerAdapter adds a custom JSON adapter that detection tries first', async () => {
    registerAdapter({
      name: 'acme',
      matchesBody: (body) => typeof body === 'object' && body !== null && 'acme' in body,
      async load(source, fetch) {
        const body = await (await fetch(source.href)).json();
        return {
          page: { name: 'Acme' },
          indicator: body.acme.ok ? 'operational' : 'major',
          description: '',
          components: [],
          incidents: [],
          maintenances: [],
        };
      },
    });
    const src = `${host()}/acme.json`;
    const fetch = fakeFetch({ [src]: JSON.stringify({ acme: { ok: false } }) });
    const snapshot = await resolveAdapter(new URL(src)).load(new URL(src), fetch);
    assert.equal(snapshot.indicator, 'major');
    assert.equal(fetch.calls.length, 1);
    assert.equal(getAdapter('acme').name, 'acme');
  });
});
