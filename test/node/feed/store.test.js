// The feed store outside a browser (server-side rendering, scripts, tests): no
// document, no localStorage, no Web Locks. It must still load, poll and stop.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FeedStore, getFeed } from 'status-widgets';
import { getAdapter } from 'status-widgets/adapters';
import { fakeFetch, readFixture } from '../helpers.js';

const SUMMARY = readFixture('statuspage/github-summary-major-2020-04-02.json');

test('loads a feed in Node, with the polite request options, and stops cleanly', async (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const fetch = fakeFetch({ 'https://status.node.example/api/v2/summary.json': SUMMARY });
  const store = new FeedStore(new URL('https://status.node.example'), getAdapter('statuspage'), {
    fetch,
  });
  const states = [];
  const loaded = new Promise((resolve) => {
    const unsubscribe = store.subscribe((s) => {
      states.push(s.state);
      if (s.state !== 'loading') resolve(unsubscribe);
    });
  });
  const unsubscribe = await loaded;
  assert.equal(store.state, 'ready');
  assert.equal(store.snapshot.indicator, 'major');
  assert.deepEqual(states, ['loading', 'ready']);
  const { init } = fetch.calls[0];
  assert.equal(init.cache, 'no-cache');
  assert.equal(init.credentials, 'same-origin');
  assert.equal(init.headers, undefined);
  assert.ok(store.nextPollAt > Date.now());

  unsubscribe();
  assert.equal(store.nextPollAt, undefined);
  const requests = fetch.calls.length;
  t.mock.timers.tick(60 * 60 * 1000);
  assert.equal(fetch.calls.length, requests);
});

test('getFeed shares one store per adapter and URL and explains a bad adapter name', () => {
  const one = getFeed({ src: 'https://status.node.example/', adapter: 'statuspage' });
  assert.equal(getFeed({ src: 'https://status.node.example/', adapter: 'statuspage' }), one);
  assert.throws(
    () => getFeed({ src: 'https://status.node.example/', adapter: 'nope' }),
    /Unknown status feed adapter "nope"/,
  );
});
