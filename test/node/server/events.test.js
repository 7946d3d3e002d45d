// /events (Server-Sent Events).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { eventReader, startServer } from './helpers.js';

describe('/events', () => {
  test('sends the current feed, then one event per change, with CORS and no caching', async () => {
    const ctx = await startServer();
    try {
      const response = await fetch(`${ctx.base}/events`);
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type'), /^text\/event-stream/);
      assert.equal(response.headers.get('access-control-allow-origin'), '*');
      assert.match(response.headers.get('cache-control'), /no-store/);
      const events = eventReader(response);
      const first = await events.next();
      assert.equal(JSON.parse(first.data).components.length, 0);

      await ctx.admin('PUT', '/admin/components/api', { name: 'API', status: 'major_outage' });
      const second = await events.next();
      assert.equal(Number(second.id), Number(first.id) + 1);
      const feed = JSON.parse(second.data);
      assert.equal(feed.indicator, 'major');
      assert.deepEqual(feed, await ctx.getJson('/feed.json'), 'the event carries /feed.json');

      // A failed write is not a change: no event; the next real change is the next event.
      await ctx.admin('PUT', '/admin/components/api', { name: 'API', status: 'broken' });
      await ctx.admin('PUT', '/admin/components/api', { name: 'API', status: 'operational' });
      const third = await events.next();
      assert.equal(Number(third.id), Number(second.id) + 1);
      assert.equal(JSON.parse(third.data).indicator, 'operational');
      await events.cancel();
    } finally {
      await ctx.close();
    }
  });

  test('a client reconnecting with the current Last-Event-ID gets no repeat', async () => {
    const ctx = await startServer();
    try {
      const first = eventReader(await fetch(`${ctx.base}/events`));
      const { id } = await first.next();
      await first.cancel();
      const again = eventReader(
        await fetch(`${ctx.base}/events`, { headers: { 'last-event-id': id } }),
      );
      await ctx.admin('PUT', '/admin/components/api', { name: 'API', status: 'operational' });
      const next = await again.next();
      assert.equal(Number(next.id), Number(id) + 1);
      await again.cancel();
    } finally {
      await ctx.close();
    }
  });

  test('sends heartbeat comments so proxies keep the stream open', async () => {
    const ctx = await startServer({ heartbeatSeconds: 0.01 });
    try {
      const events = eventReader(await fetch(`${ctx.base}/events`));
      await events.next(); // the current state
      const beat = await events.next();
      assert.equal(beat.comment, 'heartbeat');
      assert.equal(beat.data, undefined);
      await events.cancel();
    } finally {
      await ctx.close();
    }
  });
});
