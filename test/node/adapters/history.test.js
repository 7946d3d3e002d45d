// Daily history measured by the readers that see each check a monitor ran (Uptime
// Kuma's beats, Gatus's results), through the built package, and the day computation
// they share.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { getAdapter } from 'status-widgets/adapters';
import { historyFromSpans, spansFromChecks } from '../../../dist/model/spans.js';
import { fakeFetch, readFixture } from '../helpers.js';

const KUMA = 'https://kuma.example.com';
const loadKuma = (heartbeat) =>
  getAdapter('uptime-kuma').load(
    new URL(`${KUMA}/status/main`),
    fakeFetch({
      [`${KUMA}/api/status-page/main`]: readFixture('uptime-kuma/documented-status-page.json'),
      [`${KUMA}/api/status-page/heartbeat/main`]: JSON.stringify(heartbeat),
    }),
  );
const kumaHeartbeat = () => JSON.parse(readFixture('uptime-kuma/documented-heartbeat.json'));
const byId = (snapshot) => Object.fromEntries(snapshot.components.map((c) => [c.id, c]));

describe('Uptime Kuma history', () => {
  test('each monitor gets its days from its beats, each beat holding until the next', async () => {
    const snapshot = await loadKuma(kumaHeartbeat());
    const monitors = byId(snapshot);
    assert.equal(snapshot.historySource, 'recorded');
    // Down at 07:40, up at 07:50, then one check interval (10 minutes) up.
    assert.deepEqual(monitors['11'].history, [
      { date: '2024-05-06', uptime: 50, worst: 'major_outage', downtime: { major_outage: 10 } },
    ]);
    // Pending (a check being retried) is degraded, and counts as up.
    assert.deepEqual(monitors['14'].history, [
      {
        date: '2024-05-06',
        uptime: 100,
        worst: 'degraded_performance',
        downtime: { degraded_performance: 1 },
      },
    ]);
    assert.equal(monitors['13'].history[0].worst, 'under_maintenance');
  });

  test('an outage across midnight (UTC) falls on both days; days before the beats are no data', async () => {
    const heartbeat = {
      heartbeatList: {
        11: [
          { status: 0, time: '2024-05-05 23:50:00.000' },
          { status: 1, time: '2024-05-06 00:10:00.000' },
          { status: 1, time: '2024-05-06 00:20:00.000' },
          0,
        ],
      },
      uptimeList: { '11_24': 0.5 },
    };
    const monitors = byId(await loadKuma(heartbeat));
    const [night, morning] = monitors['11'].history;
    assert.equal(monitors['11'].history.length, 2);
    // 23:50 to midnight: all of what the beats cover of 5 May, down.
    assert.deepEqual(night, {
      date: '2024-05-05',
      uptime: 0,
      worst: 'major_outage',
      downtime: { major_outage: 10 },
    });
    // Midnight to 00:35 (the last beat and one 15-minute interval): 10 of 35 minutes down.
    assert.equal(morning.date, '2024-05-06');
    assert.deepEqual(morning.downtime, { major_outage: 10 });
    assert.equal(Math.round(morning.uptime * 100) / 100, 71.43);
    // A monitor without beats has no history at all.
    assert.equal(monitors['12'].history, undefined);
  });
});

describe('Gatus history', () => {
  test('each endpoint gets its days from its results; one without results has none', async () => {
    const fetch = fakeFetch({
      'https://gatus.example.com/api/v1/endpoints/statuses': readFixture(
        'gatus/documented-statuses.json',
      ),
    });
    const snapshot = await getAdapter('gatus').load(new URL('https://gatus.example.com/'), fetch);
    const endpoints = byId(snapshot);
    assert.equal(snapshot.historySource, 'recorded');
    assert.deepEqual(endpoints['core_frontend'].history, [
      { date: '2024-06-01', uptime: 100, worst: 'operational' },
    ]);
    // Healthy at 10:00, failing at 10:01 and for one interval after.
    assert.deepEqual(endpoints['core_backend'].history, [
      { date: '2024-06-01', uptime: 50, worst: 'major_outage', downtime: { major_outage: 1 } },
    ]);
    assert.equal(endpoints['public_docs'].history, undefined);
  });
});

describe('days from status spans', () => {
  const DAY = 86_400_000;
  const now = Date.parse('2026-03-12T12:00:00Z');

  test('keep at most the newest 365 days, and the last one ends at what is covered', () => {
    const from = now - 400 * DAY;
    const days = historyFromSpans([], from, now);
    assert.equal(days.length, 365);
    assert.equal(days.at(-1).date, '2026-03-12');
    assert.equal(days[0].date, '2025-03-13');
    assert.ok(days.every((day) => day.uptime === 100 && day.worst === 'operational'));
  });

  test('a gap between a source going quiet and now stays no data', () => {
    // Checks every 10 minutes until 3 days ago, then nothing.
    const last = now - 3 * DAY;
    const checks = Array.from({ length: 30 }, (_, i) => ({
      at: last - (29 - i) * 600_000,
      status: 'operational',
    }));
    const covered = spansFromChecks(checks, now);
    assert.equal(covered.to, last + 600_000);
    const days = historyFromSpans(covered.spans, covered.from, covered.to);
    assert.deepEqual(
      days.map((day) => day.date),
      ['2026-03-09'],
    );
  });

  test('time in an unknown state is neither up nor down: never a day of 100 %', () => {
    const day = Date.parse('2026-03-10T00:00:00Z');
    const hours = (h) => day + h * 3_600_000;
    const span = (start, end, status) => ({ start: hours(start), end: hours(end), status });
    const [allUnknown] = historyFromSpans([span(0, 24, 'unknown')], hours(0), hours(24));
    assert.deepEqual(allUnknown, {
      date: '2026-03-10',
      worst: 'unknown',
      downtime: { unknown: 1440 },
    });
    // 12 hours unknown, 6 down, 6 up: half of the known time was down.
    const [mixed] = historyFromSpans(
      [span(0, 12, 'unknown'), span(12, 18, 'major_outage'), span(18, 24, 'operational')],
      hours(0),
      hours(24),
    );
    assert.equal(mixed.uptime, 50);
    assert.equal(mixed.worst, 'major_outage');
    assert.deepEqual(mixed.downtime, { unknown: 720, major_outage: 360 });
    // A known status wins over an unknown one said at the same time.
    const [both] = historyFromSpans(
      [span(0, 24, 'unknown'), span(0, 24, 'operational')],
      hours(0),
      hours(24),
    );
    assert.deepEqual(both, { date: '2026-03-10', uptime: 100, worst: 'operational' });
  });

  test('checks from the future are left out, and none make no spans', () => {
    assert.equal(spansFromChecks([{ at: now + DAY, status: 'operational' }], now), undefined);
    assert.equal(historyFromSpans([], now, now), undefined);
  });
});
