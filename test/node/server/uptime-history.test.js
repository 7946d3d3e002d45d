// Daily uptime from recorded status changes, over real HTTP on loopback: what the
// server records (admin API, incidents, relayed sources), how it counts days in the
// page's zone, what a restart means, the one-year bound and the day rollover.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { getAdapter } from '../../../dist/adapters/index.js';
import { createStatusServer } from '../../../dist/server/index.js';
import { eventReader, startServer, tempDir } from './helpers.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A clock the test moves: `clock.now` is what the server reads. */
function testClock(start) {
  const clock = { at: new Date(start).getTime() };
  clock.now = () => new Date(clock.at);
  clock.set = (iso) => (clock.at = new Date(iso).getTime());
  return clock;
}

const closers = [];
after(async () => {
  for (const close of closers.reverse()) await close();
});

async function serverAt(clock, options = {}) {
  const ctx = await startServer({ now: clock.now, ...options });
  closers.push(() => ctx.close());
  return ctx;
}

async function setStatus(ctx, id, status, name = 'API') {
  const response = await ctx.admin('PUT', `/admin/components/${id}`, { name, status });
  assert.ok(response.status < 300, JSON.stringify(response.body));
}

async function historyOf(ctx, id) {
  const feed = await ctx.getJson('/feed.json');
  return feed.components.find((component) => component.id === id).history;
}

const byDate = (days) => Object.fromEntries(days.map((day) => [day.date, day]));

const utcDate = (ms) => new Date(ms).toISOString().slice(0, 10);

describe('recorded daily uptime', () => {
  test('an outage spanning midnight splits across the two days, each with its own uptime', async () => {
    const clock = testClock('2026-11-20T00:00:00Z');
    const ctx = await serverAt(clock);
    await ctx.admin('PUT', '/admin/page', { name: 'Acme', timeZone: 'Etc/UTC' });
    await setStatus(ctx, 'api', 'operational');
    clock.set('2026-11-21T22:00:00Z');
    await setStatus(ctx, 'api', 'major_outage');
    clock.set('2026-11-22T03:00:00Z');
    await setStatus(ctx, 'api', 'operational');
    clock.set('2026-11-23T12:00:00Z');

    const days = byDate(await historyOf(ctx, 'api'));
    assert.deepEqual(Object.keys(days), ['2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23']);
    assert.deepEqual(days['2026-11-20'], { date: '2026-11-20', uptime: 100, worst: 'operational' });
    // 22:00–24:00: 2 of 24 hours down; 00:00–03:00: 3 of 24.
    assert.deepEqual(days['2026-11-21'], {
      date: '2026-11-21',
      uptime: 91.666,
      worst: 'major_outage',
      downtime: { major_outage: 120 },
    });
    assert.deepEqual(days['2026-11-22'], {
      date: '2026-11-22',
      uptime: 87.5,
      worst: 'major_outage',
      downtime: { major_outage: 180 },
    });
    assert.equal(days['2026-11-23'].uptime, 100, 'today so far');

    // The widgets' own reader takes it as it is served.
    const snapshot = await getAdapter('native').load(new URL(`${ctx.base}/feed.json`), fetch);
    assert.equal(snapshot.historySource, 'recorded');
    const api = snapshot.components.find((component) => component.id === 'api');
    assert.equal(api.history.length, 4);
    assert.equal(api.history[1].uptime, 91.666);
  });

  test('days are calendar days of the page’s time zone', async () => {
    const clock = testClock('2026-11-20T00:00:00Z');
    const ctx = await serverAt(clock);
    await ctx.admin('PUT', '/admin/page', { name: 'Acme', timeZone: 'Asia/Tokyo' });
    await setStatus(ctx, 'api', 'operational');
    clock.set('2026-11-21T22:00:00Z'); // 07:00 in Tokyo, on the 22nd
    await setStatus(ctx, 'api', 'partial_outage');
    clock.set('2026-11-22T03:00:00Z'); // 12:00 in Tokyo
    await setStatus(ctx, 'api', 'operational');
    clock.set('2026-11-23T12:00:00Z');

    const days = byDate(await historyOf(ctx, 'api'));
    // The first record was at 09:00 in Tokyo on the 20th: that day counts from then.
    assert.equal(days['2026-11-21'].uptime, 100);
    assert.deepEqual(days['2026-11-22'].downtime, { partial_outage: 300 });
    assert.equal(days['2026-11-22'].uptime, 79.166);
  });

  test('incidents and maintenances that change a component’s status are recorded too', async () => {
    const clock = testClock('2026-11-20T00:00:00Z');
    const ctx = await serverAt(clock);
    await setStatus(ctx, 'api', 'operational');
    clock.set('2026-11-20T06:00:00Z');
    const incident = await ctx.admin('POST', '/admin/incidents', {
      name: 'Errors',
      impact: 'major',
      body: 'Investigating.',
      components: [{ id: 'api', status: 'partial_outage' }],
    });
    clock.set('2026-11-20T07:30:00Z');
    await ctx.admin('POST', `/admin/incidents/${incident.body.id}/updates`, {
      status: 'resolved',
      body: 'Fixed.',
    });
    clock.set('2026-11-20T10:00:00Z');
    const maintenance = await ctx.admin('POST', '/admin/maintenances', {
      name: 'Upgrade',
      status: 'in_progress',
      body: 'Upgrading.',
      scheduledFor: '2026-11-20T10:00:00Z',
      scheduledUntil: '2026-11-20T11:00:00Z',
      components: ['api'],
    });
    clock.set('2026-11-20T11:00:00Z');
    await ctx.admin('POST', `/admin/maintenances/${maintenance.body.id}/updates`, {
      status: 'completed',
      body: 'Done.',
    });
    clock.set('2026-11-21T00:00:00Z');

    const [day] = await historyOf(ctx, 'api');
    assert.deepEqual(day.downtime, { partial_outage: 90, under_maintenance: 60 });
    assert.equal(day.worst, 'partial_outage');
    assert.equal(day.uptime, 93.75, 'maintenance counts as up, the outage as down');
  });

  test('a component gets its first record when created; a deleted one loses its log', async () => {
    const clock = testClock('2026-11-20T12:00:00Z');
    const ctx = await serverAt(clock);
    await setStatus(ctx, 'api', 'degraded_performance');
    await setStatus(ctx, 'web', 'operational', 'Website');
    const file = () => JSON.parse(readFileSync(ctx.dataFile, 'utf8'));
    assert.deepEqual(file().statusLog, {
      api: [{ at: '2026-11-20T12:00:00.000Z', status: 'degraded_performance' }],
      web: [{ at: '2026-11-20T12:00:00.000Z', status: 'operational' }],
    });
    // The same status again records nothing.
    clock.set('2026-11-20T13:00:00Z');
    await setStatus(ctx, 'api', 'degraded_performance');
    assert.equal(file().statusLog.api.length, 1);
    await ctx.admin('DELETE', '/admin/components/api');
    assert.deepEqual(Object.keys(file().statusLog), ['web']);
    // Before its first record a day has no entry at all: "no data", never 100 %.
    clock.set('2026-11-22T00:00:00Z');
    const days = await historyOf(ctx, 'web');
    assert.deepEqual(
      days.map((day) => day.date),
      ['2026-11-20', '2026-11-21'],
    );
  });
});

describe('a restart', () => {
  test('a status holds from its record until the next: the server did not see otherwise', async () => {
    const dataFile = join(tempDir(), 'status-data.json');
    const clock = testClock('2026-11-20T00:00:00Z');
    let ctx = await startServer({ dataFile, now: clock.now });
    await setStatus(ctx, 'api', 'operational');
    clock.set('2026-11-20T20:00:00Z');
    await setStatus(ctx, 'api', 'major_outage');
    await ctx.close();

    // Down from 20:00 on the 20th to 06:00 on the 21st; the outage ends after it.
    clock.set('2026-11-21T06:00:00Z');
    ctx = await startServer({ dataFile, now: clock.now });
    closers.push(() => ctx.close());
    clock.set('2026-11-21T08:00:00Z');
    await setStatus(ctx, 'api', 'operational');
    clock.set('2026-11-22T00:00:00Z');
    const days = byDate(await historyOf(ctx, 'api'));
    assert.deepEqual(days['2026-11-20'].downtime, { major_outage: 240 });
    assert.deepEqual(days['2026-11-21'].downtime, { major_outage: 480 });
  });

  test('a status changed in the file while the server was down is recorded when it starts', async () => {
    const dataFile = join(tempDir(), 'status-data.json');
    const clock = testClock('2026-11-20T00:00:00Z');
    let ctx = await startServer({ dataFile, now: clock.now });
    await setStatus(ctx, 'api', 'major_outage');
    await ctx.close();

    const data = JSON.parse(readFileSync(dataFile, 'utf8'));
    data.components[0].status = 'operational';
    writeFileSync(dataFile, JSON.stringify(data));
    clock.set('2026-11-20T09:00:00Z');
    ctx = await startServer({ dataFile, now: clock.now });
    closers.push(() => ctx.close());

    assert.deepEqual(JSON.parse(readFileSync(dataFile, 'utf8')).statusLog.api, [
      { at: '2026-11-20T00:00:00.000Z', status: 'major_outage' },
      { at: '2026-11-20T09:00:00.000Z', status: 'operational' },
    ]);
    clock.set('2026-11-21T00:00:00Z');
    const [day] = await historyOf(ctx, 'api');
    assert.deepEqual(day.downtime, { major_outage: 540 });
  });

  test('a data file from before the log starts its history at the first start', async () => {
    const dataFile = join(tempDir(), 'status-data.json');
    writeFileSync(
      dataFile,
      JSON.stringify({
        version: 1,
        page: { name: 'Acme' },
        components: [{ id: 'api', name: 'API', status: 'operational' }],
        incidents: [],
        maintenances: [],
        templates: [],
        updatedAt: '2026-01-01T00:00:00Z',
      }),
    );
    const clock = testClock('2026-11-20T18:00:00Z');
    const ctx = await startServer({ dataFile, now: clock.now });
    closers.push(() => ctx.close());
    clock.set('2026-11-21T06:00:00Z');
    assert.deepEqual(
      (await historyOf(ctx, 'api')).map((day) => day.date),
      ['2026-11-20', '2026-11-21'],
    );
  });

  test('a log that is not a log is refused with the field and the rule', async () => {
    const dataFile = join(tempDir(), 'status-data.json');
    const base = {
      version: 1,
      page: { name: 'Acme' },
      components: [],
      incidents: [],
      maintenances: [],
      templates: [],
    };
    writeFileSync(
      dataFile,
      JSON.stringify({ ...base, statusLog: { api: [{ at: 'yesterday', status: 'operational' }] } }),
    );
    await assert.rejects(createStatusServer({ dataFile }), /statusLog\.api\[0\]\.at.*ISO 8601/);
    writeFileSync(
      dataFile,
      JSON.stringify({
        ...base,
        statusLog: {
          api: Array.from({ length: 2001 }, (_, i) => ({
            at: new Date(i * HOUR).toISOString(),
            status: 'operational',
          })),
        },
      }),
    );
    await assert.rejects(createStatusServer({ dataFile }), /statusLog\.api must have at most 2000/);
  });
});

describe('a zone the server does not know', () => {
  test('counts the days in UTC rather than failing the feed', async () => {
    const dataFile = join(tempDir(), 'status-data.json');
    writeFileSync(
      dataFile,
      JSON.stringify({
        version: 1,
        page: { name: 'Acme', timeZone: 'Madrid' },
        components: [{ id: 'api', name: 'API', status: 'operational' }],
        incidents: [],
        maintenances: [],
        templates: [],
        statusLog: { api: [{ at: '2026-11-20T00:00:00Z', status: 'operational' }] },
      }),
    );
    const clock = testClock('2026-11-21T12:00:00Z');
    const ctx = await startServer({ dataFile, now: clock.now });
    closers.push(() => ctx.close());
    const response = await fetch(`${ctx.base}/feed.json`);
    assert.equal(response.status, 200);
    const feed = await response.json();
    assert.deepEqual(
      feed.components[0].history.map((day) => day.date),
      ['2026-11-20', '2026-11-21'],
    );
  });
});

describe('the one-year bound', () => {
  test('the log keeps the window and the record before it; at most 365 days are served', async () => {
    const clock = testClock('2025-01-01T00:00:00Z');
    const ctx = await serverAt(clock);
    // A change every ten days for 420 days.
    for (let day = 0; day <= 420; day += 10) {
      clock.at = Date.parse('2025-01-01T00:00:00Z') + day * DAY;
      await setStatus(ctx, 'api', day % 20 === 0 ? 'operational' : 'degraded_performance');
    }
    clock.at += 5 * DAY + 12 * HOUR;
    const now = clock.at;

    const log = JSON.parse(readFileSync(ctx.dataFile, 'utf8')).statusLog.api;
    const windowStart = now - 366 * DAY;
    assert.ok(Date.parse(log[0].at) <= windowStart, 'the record before the window stays');
    assert.ok(Date.parse(log[1].at) > windowStart, 'older ones are gone');
    assert.ok(log.length < 43);

    const days = await historyOf(ctx, 'api');
    assert.equal(days.length, 365);
    assert.equal(days.at(-1).date, utcDate(now));
    assert.equal(days[0].date, utcDate(now - 364 * DAY));
  });
});

describe('documents follow the clock', () => {
  test('a new day rebuilds the feed (new ETag); an unchanged one still answers 304', async () => {
    const clock = testClock('2026-11-23T00:00:00Z');
    const ctx = await serverAt(clock);
    await setStatus(ctx, 'api', 'operational');
    clock.set('2026-11-23T23:59:00Z');
    const get = (etag) =>
      fetch(`${ctx.base}/feed.json`, { headers: etag ? { 'if-none-match': etag } : {} });

    const first = await get();
    const etag = first.headers.get('etag');
    assert.deepEqual(
      (await first.json()).components[0].history.map((day) => day.date),
      ['2026-11-23'],
    );
    assert.equal((await get(etag)).status, 304);

    clock.set('2026-11-24T00:01:00Z');
    const next = await get(etag);
    assert.equal(next.status, 200, 'yesterday’s document is not today’s');
    assert.notEqual(next.headers.get('etag'), etag);
    assert.deepEqual(
      (await next.json()).components[0].history.map((day) => day.date),
      ['2026-11-23', '2026-11-24'],
    );
    assert.equal((await get(next.headers.get('etag'))).status, 304);
  });

  test('while a component is down, today’s figure is worked out again every five minutes', async () => {
    const clock = testClock('2026-11-23T00:00:00Z');
    const ctx = await serverAt(clock);
    await setStatus(ctx, 'api', 'major_outage');
    const today = async () => (await historyOf(ctx, 'api')).at(-1);
    clock.set('2026-11-23T10:00:00Z');
    const before = await today();
    assert.deepEqual(before.downtime, { major_outage: 600 });
    clock.set('2026-11-23T10:04:00Z');
    assert.deepEqual(await today(), before, 'the same five minutes: the same document');
    clock.set('2026-11-23T10:05:00Z');
    assert.deepEqual((await today()).downtime, { major_outage: 605 });
  });

  test('the event stream announces the new day at midnight', async () => {
    // Real time, shifted so that midnight (UTC) comes a moment after the start.
    const nextMidnight = Math.ceil((Date.now() + DAY / 2) / DAY) * DAY;
    const offset = nextMidnight - 3000 - Date.now();
    const ctx = await serverAt({ now: () => new Date(Date.now() + offset) });
    await setStatus(ctx, 'api', 'operational');
    const response = await fetch(`${ctx.base}/events`);
    const events = eventReader(response);
    const dates = (event) => JSON.parse(event.data).components[0].history.map((day) => day.date);
    assert.deepEqual(dates(await events.next()), [utcDate(nextMidnight - DAY)]);
    let event = await events.next();
    while (event.comment !== undefined) event = await events.next();
    assert.deepEqual(dates(event), [utcDate(nextMidnight - DAY), utcDate(nextMidnight)]);
    await events.cancel();
  });
});

/** A native feed on a free loopback port whose API component's status the test sets. */
async function nativeSource() {
  const source = { status: 'operational' };
  const server = createServer((request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({
        version: 1,
        page: { name: 'Upstream' },
        indicator: 'operational',
        description: '',
        components: [{ id: 'api', name: 'API', status: source.status }],
        incidents: [],
        maintenances: [],
      }),
    );
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  source.url = `http://127.0.0.1:${server.address().port}/feed.json`;
  closers.push(() => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(resolve));
  });
  return source;
}

describe('relay', () => {
  test('records a source’s status changes between polls and serves their days', async () => {
    const source = await nativeSource();
    const clock = testClock('2026-11-20T00:00:00Z');
    const ctx = await serverAt(clock, {
      dataFile: undefined,
      sources: [`adapter=native,${source.url}`],
    });
    clock.set('2026-11-20T12:00:00Z');
    source.status = 'major_outage';
    await ctx.server.relay.pollNow();
    clock.set('2026-11-20T18:00:00Z');
    source.status = 'operational';
    await ctx.server.relay.pollNow();
    clock.set('2026-11-21T06:00:00Z');
    await ctx.server.relay.pollNow();

    const feed = await ctx.getJson('/feed.json');
    const [component] = feed.components;
    assert.equal(component.id, '127.0.0.1/api');
    assert.deepEqual(component.history, [
      { date: '2026-11-20', uptime: 75, worst: 'major_outage', downtime: { major_outage: 360 } },
      { date: '2026-11-21', uptime: 100, worst: 'operational' },
    ]);
  });
});
