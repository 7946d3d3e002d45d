// The rules behind <status-uptime> and the history a feed may carry, through the
// built modules: day windows in a time zone, no-data days, incidents turned into
// daily history, and the 365-day bound.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  dateInZone,
  dayBars,
  deriveHistory,
  floorUptime,
  incidentsOnDay,
  startOfDay,
  windowDates,
  windowUptime,
} from '../../dist/components/status-uptime/uptime-model.js';
import { HISTORY_DAYS, readComponentHistory } from '../../dist/model/history.js';

const HOUR = 3_600_000;

/** A snapshot with the given incidents over two components, api and web. */
function snapshotWith(incidents) {
  return {
    page: { name: 'Example' },
    indicator: 'operational',
    description: '',
    components: [
      { id: 'api', name: 'API', status: 'operational' },
      { id: 'web', name: 'Web', status: 'operational' },
    ],
    incidents: incidents.map((incident, i) => ({
      id: `i${i}`,
      name: `Incident ${i}`,
      status: 'resolved',
      impact: 'critical',
      components: ['api'],
      updates: [],
      updatedAt: incident.resolvedAt ?? incident.createdAt,
      ...incident,
    })),
    maintenances: [],
  };
}

// A critical outage of the API from 23:00 to 01:00 UTC across the night of 9 to 10 March.
const MIDNIGHT_OUTAGE = {
  createdAt: '2026-03-09T23:00:00Z',
  resolvedAt: '2026-03-10T01:00:00Z',
};
// An older, minor incident: the list's oldest item, where what it covers begins.
const OLDEST = {
  impact: 'minor',
  createdAt: '2026-03-07T12:00:00Z',
  resolvedAt: '2026-03-07T12:30:00Z',
};
const NOW = Date.parse('2026-03-12T12:00:00Z');

describe('day windows', () => {
  test('end on the calendar day of now in the time zone', () => {
    const now = Date.parse('2026-03-10T02:00:00Z');
    assert.deepEqual(windowDates(3, now, 'UTC'), ['2026-03-08', '2026-03-09', '2026-03-10']);
    // Still the evening of the 9th in California.
    assert.deepEqual(windowDates(2, now, 'America/Los_Angeles'), ['2026-03-08', '2026-03-09']);
    assert.equal(dateInZone(now, 'Asia/Shanghai'), '2026-03-10');
  });

  test('cross month and year ends', () => {
    const now = Date.parse('2026-01-01T10:00:00Z');
    assert.deepEqual(windowDates(3, now, 'UTC'), ['2025-12-30', '2025-12-31', '2026-01-01']);
    assert.equal(windowDates(365, now, 'UTC')[0], '2025-01-02');
  });

  test('a day begins at local midnight, and the day the clocks go forward lasts 23 hours', () => {
    assert.equal(startOfDay('2026-03-10', 'Asia/Shanghai'), Date.parse('2026-03-09T16:00:00Z'));
    const spring =
      startOfDay('2026-03-09', 'America/New_York') - startOfDay('2026-03-08', 'America/New_York');
    assert.equal(spring, 23 * HOUR);
    assert.equal(startOfDay('2026-03-08', 'America/New_York'), Date.parse('2026-03-08T05:00:00Z'));
  });
});

describe('bars and the window figure', () => {
  const history = [
    { date: '2026-03-09', uptime: 50, worst: 'major_outage' },
    { date: '2026-03-11', uptime: 100, worst: 'operational' },
  ];
  const dates = ['2026-03-08', '2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12'];

  test('a date the history does not hold is a bar without data', () => {
    const bars = dayBars(history, dates);
    assert.deepEqual(
      bars.map((bar) => bar.day?.uptime),
      [undefined, 50, undefined, 100, undefined],
    );
  });

  test('the figure is the mean over the days with data, and says how many; never 100 % for a gap', () => {
    assert.deepEqual(windowUptime(dayBars(history, dates)), { uptime: 75, days: 2 });
    assert.deepEqual(windowUptime(dayBars(undefined, dates)), { days: 0 });
  });

  test('an uptime is rounded down to two decimals, so a day with downtime never reads 100', () => {
    assert.equal(floorUptime(99.999), 99.99);
    assert.equal(floorUptime(99.95), 99.95);
    assert.equal(floorUptime(100), 100);
  });
});

describe('history derived from incidents', () => {
  const dates = (zone) => windowDates(7, NOW, zone);

  test('an outage spanning midnight counts on both days, an hour each (UTC)', () => {
    const snapshot = snapshotWith([MIDNIGHT_OUTAGE, OLDEST]);
    const history = deriveHistory(snapshot, dates('UTC'), NOW, 'UTC');
    const api = new Map(history.get('api').map((day) => [day.date, day]));
    for (const date of ['2026-03-09', '2026-03-10']) {
      assert.equal(api.get(date).worst, 'major_outage');
      assert.deepEqual(api.get(date).downtime, { major_outage: 60 });
      assert.equal(floorUptime(api.get(date).uptime), 95.83); // 23 of 24 hours
    }
    assert.equal(api.get('2026-03-08').uptime, 100);
    // The minor incident degrades but does not take the API down.
    assert.equal(api.get('2026-03-07').uptime, 100);
    assert.deepEqual(api.get('2026-03-07').downtime, { degraded_performance: 30 });
    // Web was not affected: up on every covered day.
    assert.ok(history.get('web').every((day) => day.uptime === 100 && day.worst === 'operational'));
  });

  test('the same outage falls on one day in Shanghai (07:00 to 09:00)', () => {
    const snapshot = snapshotWith([MIDNIGHT_OUTAGE, OLDEST]);
    const history = deriveHistory(snapshot, dates('Asia/Shanghai'), NOW, 'Asia/Shanghai');
    const api = new Map(history.get('api').map((day) => [day.date, day]));
    assert.deepEqual(api.get('2026-03-10').downtime, { major_outage: 120 });
    assert.equal(api.get('2026-03-09').uptime, 100);
  });

  test('days before the oldest listed incident, and after now, are no data', () => {
    const snapshot = snapshotWith([MIDNIGHT_OUTAGE, OLDEST]);
    const window = windowDates(10, NOW, 'UTC'); // 3 to 12 March
    const bars = dayBars(deriveHistory(snapshot, window, NOW, 'UTC').get('api'), window);
    assert.deepEqual(
      bars.filter((bar) => !bar.day).map((bar) => bar.date),
      ['2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06'],
    );
    // 7 March is covered from the oldest incident's start only: 30 minutes degraded of 12 hours, still up.
    assert.equal(windowUptime(bars).days, 6);
  });

  test('overlapping incidents count once, in the worse state', () => {
    const snapshot = snapshotWith([
      { impact: 'major', createdAt: '2026-03-11T10:00:00Z', resolvedAt: '2026-03-11T12:00:00Z' },
      { createdAt: '2026-03-11T11:00:00Z', resolvedAt: '2026-03-11T11:30:00Z' },
    ]);
    const day = deriveHistory(snapshot, ['2026-03-11'], NOW, 'UTC')
      .get('api')
      .find((d) => d.date === '2026-03-11');
    assert.deepEqual(day.downtime, { partial_outage: 90, major_outage: 30 });
    assert.equal(floorUptime(day.uptime), floorUptime(100 * (1 - 120 / (14 * 60))));
  });

  test('an active incident runs until now, and today counts only up to now', () => {
    const snapshot = snapshotWith([
      OLDEST,
      { status: 'investigating', createdAt: '2026-03-12T09:00:00Z', resolvedAt: undefined },
    ]);
    const today = deriveHistory(snapshot, ['2026-03-12'], NOW, 'UTC').get('api')[0];
    assert.deepEqual(today.downtime, { major_outage: 180 });
    assert.equal(today.uptime, 75); // 3 of the 12 hours so far
  });

  test('without a resolved incident there is no past to derive', () => {
    assert.equal(deriveHistory(snapshotWith([]), dates('UTC'), NOW, 'UTC'), undefined);
    const active = snapshotWith([{ status: 'identified', createdAt: '2026-03-12T09:00:00Z' }]);
    assert.equal(deriveHistory(active, dates('UTC'), NOW, 'UTC'), undefined);
  });

  test("a day's incidents are those of the component open during it", () => {
    const snapshot = snapshotWith([MIDNIGHT_OUTAGE, OLDEST]);
    const on = (date, zone, id = 'api') =>
      incidentsOnDay(snapshot.incidents, id, date, NOW, zone).map((i) => i.name);
    assert.deepEqual(on('2026-03-09', 'UTC'), ['Incident 0']);
    assert.deepEqual(on('2026-03-10', 'UTC'), ['Incident 0']);
    assert.deepEqual(on('2026-03-09', 'Asia/Shanghai'), []);
    assert.deepEqual(on('2026-03-09', 'UTC', 'web'), []);
  });
});

describe('a feed history', () => {
  const year = (n, from = Date.UTC(2025, 0, 1)) =>
    Array.from({ length: n }, (_, i) => ({
      date: new Date(from + i * 24 * HOUR).toISOString().slice(0, 10),
      uptime: 100,
    }));

  test('keeps the newest 365 days, oldest first', () => {
    const days = readComponentHistory(year(400));
    assert.equal(HISTORY_DAYS, 365);
    assert.equal(days.length, 365);
    assert.equal(days[0].date, '2025-02-05');
    assert.equal(days.at(-1).date, '2026-02-04');
  });

  test('sorts, keeps one entry per date, and drops unreadable days with a reason', () => {
    const warnings = [];
    const days = readComponentHistory(
      [
        {
          date: '2026-03-02',
          uptime: 99.5,
          worst: 'partial_outage',
          downtime: { partial_outage: 7.2, operational: 3, bogus: 4 },
        },
        { date: '2026-03-01', uptime: 100 },
        { date: '2026-02-30', uptime: 100 },
        { date: '2026-03-03', uptime: 150 },
        { date: '2026-03-04' },
        'yesterday',
        { date: '2026-03-01', uptime: 98 },
      ],
      (message) => warnings.push(message),
    );
    assert.deepEqual(days, [
      { date: '2026-03-01', uptime: 98 },
      {
        date: '2026-03-02',
        uptime: 99.5,
        worst: 'partial_outage',
        downtime: { partial_outage: 7.2 },
      },
    ]);
    assert.equal(warnings.length, 4);
    assert.match(warnings[0], /#3: its date "2026-02-30" is not YYYY-MM-DD/);
    assert.match(warnings[1], /#4: its uptime 150 is not a number from 0 to 100/);
  });

  test('is absent when the feed sends none', () => {
    assert.equal(readComponentHistory(undefined), undefined);
    assert.equal(readComponentHistory([]), undefined);
    assert.equal(readComponentHistory({ date: '2026-03-01' }), undefined);
  });
});
