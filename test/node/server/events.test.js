// /events (Server-Sent Events) and the demo scenario, observed through it.
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

describe('--scenario demo', () => {
  test('plays operational → minor investigating → identified, major → monitoring → resolved, on a loop', async () => {
    const ctx = await startServer({ dataFile: undefined, scenario: 'demo', stepSeconds: 0.01 });
    try {
      const events = eventReader(await fetch(`${ctx.base}/events`));
      const seen = [];
      // Collect states until the loop has come round to the calm state a second time.
      let calm = 0;
      while (calm < 2) {
        const feed = JSON.parse((await events.next()).data);
        const live = feed.incidents.find((incident) => incident.name === 'Slow search results');
        const state = live
          ? `${live.status}/${live.impact}/${feed.indicator}`
          : `calm/${feed.indicator}`;
        if (seen.at(-1) !== state) seen.push(state);
        if (state === 'calm/operational') {
          calm += 1;
          assert.equal(feed.maintenances[0].status, 'scheduled', 'an upcoming maintenance');
          assert.ok(Date.parse(feed.maintenances[0].scheduledFor) > Date.now());
          assert.equal(feed.incidents[0].status, 'resolved', "yesterday's incident as history");
        }
        if (live && live.status !== 'resolved') {
          assert.ok(
            Date.parse(live.nextUpdateAt) > Date.now(),
            `${state} promises the next update`,
          );
          assert.match(live.updates[0].body, /update by/);
        }
      }
      const loop = seen.slice(seen.indexOf('calm/operational'));
      assert.deepEqual(loop, [
        'calm/operational',
        'investigating/minor/minor',
        'identified/major/major',
        'monitoring/major/major',
        'resolved/major/operational',
        'calm/operational',
      ]);
      await events.cancel();
    } finally {
      await ctx.close();
    }
  });
});
