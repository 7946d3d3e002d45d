// The rules behind <status-uptime> and the history a feed may carry, through the
// built modules: day windows in a time zone, no-data days, incidents turned into
// daily history (with the status each update gave a component), today including each
// component's current status, and the 365-day bound.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  dateInZone,
  dayBars,
  dayIndicator,
  deriveHistory,
  floorUptime,
  incidentsOnDay,
  startOfDay,
  windowDates,
  windowUptime,
  withPresent,
} from '../../dist/components/status-uptime/uptime-model.js';
import { readStatuspageSummary } from '../../dist/adapters/statuspage.js';
import { HISTORY_DAYS, readComponentHistory } from '../../dist/model/history.js';
import { readFixture } from './helpers.js';

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

// --- Today includes the present -------------------------------------------------

/** The day of `date` in a component's derived history. */
const dayOf = (history, id, date) => history.get(id).find((day) => day.date === date);

describe('today includes each component’s current status', () => {
  // An old resolved incident, so the list covers the whole week; no incident names the API.
  const covered = { createdAt: '2026-03-05T12:00:00Z', resolvedAt: '2026-03-05T12:10:00Z' };
  const withComponents = (components, incidents = [covered]) => ({
    ...snapshotWith(incidents),
    components,
  });

  test('a component down now with no incident is down since it changed, never a good day', () => {
    const snapshot = withComponents([
      { id: 'api', name: 'API', status: 'major_outage', updatedAt: '2026-03-12T10:00:00Z' },
    ]);
    const today = dayOf(deriveHistory(snapshot, ['2026-03-12'], NOW, 'UTC'), 'api', '2026-03-12');
    assert.equal(today.worst, 'major_outage');
    assert.deepEqual(today.downtime, { major_outage: 120 });
    assert.equal(floorUptime(today.uptime), 83.33); // 2 of the 12 hours so far
  });

  test('without updatedAt it counts since the feed was read, and for at least a minute', () => {
    const snapshot = withComponents([{ id: 'api', name: 'API', status: 'partial_outage' }]);
    const readFiveMinutesAgo = deriveHistory(
      snapshot,
      ['2026-03-12'],
      NOW,
      'UTC',
      undefined,
      NOW - 300_000,
    );
    assert.deepEqual(dayOf(readFiveMinutesAgo, 'api', '2026-03-12').downtime, {
      partial_outage: 5,
    });
    const readNow = dayOf(deriveHistory(snapshot, ['2026-03-12'], NOW, 'UTC'), 'api', '2026-03-12');
    assert.deepEqual(readNow.downtime, { partial_outage: 1 });
    assert.equal(readNow.worst, 'partial_outage');
    assert.ok(floorUptime(readNow.uptime) < 100);
    // A changed time after the read (a clock ahead) counts from the read.
    const ahead = withComponents([
      { id: 'api', name: 'API', status: 'partial_outage', updatedAt: '2026-03-12T13:00:00Z' },
    ]);
    const later = deriveHistory(ahead, ['2026-03-12'], NOW, 'UTC', undefined, NOW - 600_000);
    assert.deepEqual(dayOf(later, 'api', '2026-03-12').downtime, { partial_outage: 10 });
  });

  test('down since yesterday: both days count it from when it changed', () => {
    const snapshot = withComponents([
      { id: 'api', name: 'API', status: 'major_outage', updatedAt: '2026-03-11T22:00:00Z' },
    ]);
    const history = deriveHistory(snapshot, ['2026-03-11', '2026-03-12'], NOW, 'UTC');
    assert.deepEqual(dayOf(history, 'api', '2026-03-11').downtime, { major_outage: 120 });
    assert.equal(dayOf(history, 'api', '2026-03-12').uptime, 0);
  });

  test('an active incident gives way to the component’s own status since it changed', () => {
    const active = {
      status: 'investigating',
      impact: 'major',
      createdAt: '2026-03-12T09:00:00Z',
      resolvedAt: undefined,
      components: ['api', 'web'],
    };
    const snapshot = withComponents(
      [
        // Operational since before the incident: the incident has not changed it.
        { id: 'api', name: 'API', status: 'operational', updatedAt: '2026-03-01T00:00:00Z' },
        // Back to operational at 10:00: down from the incident's start until then.
        { id: 'web', name: 'Web', status: 'operational', updatedAt: '2026-03-12T10:00:00Z' },
      ],
      [covered, active],
    );
    const history = deriveHistory(snapshot, ['2026-03-12'], NOW, 'UTC');
    assert.deepEqual(dayOf(history, 'api', '2026-03-12'), {
      date: '2026-03-12',
      uptime: 100,
      worst: 'operational',
    });
    assert.deepEqual(dayOf(history, 'web', '2026-03-12').downtime, { partial_outage: 60 });
  });

  test('a resolved incident stands, whatever the component says now', () => {
    const snapshot = withComponents([
      { id: 'api', name: 'API', status: 'operational', updatedAt: '2026-01-01T00:00:00Z' },
    ]);
    snapshot.incidents.push(snapshotWith([MIDNIGHT_OUTAGE]).incidents[0]);
    const history = deriveHistory(snapshot, ['2026-03-09'], NOW, 'UTC');
    assert.deepEqual(dayOf(history, 'api', '2026-03-09').downtime, { major_outage: 60 });
  });
});

describe('past days from the status each update gave a component', () => {
  const HOUR_AFTER = (h) => new Date(Date.parse('2026-03-11T10:00:00Z') + h * HOUR).toISOString();
  const incident = (updates) => ({
    status: 'resolved',
    impact: 'critical',
    createdAt: HOUR_AFTER(0),
    resolvedAt: HOUR_AFTER(3),
    components: ['api', 'web', 'cdn'],
    updates: updates.map(([h, affected], i) => ({
      id: `u${i}`,
      status: 'investigating',
      body: '',
      createdAt: HOUR_AFTER(h),
      affected,
    })),
  });
  const components = ['api', 'web', 'cdn'].map((id) => ({ id, name: id, status: 'operational' }));

  test('each status holds from its update to the next that names the component', () => {
    const snapshot = {
      ...snapshotWith([
        incident([
          [3, [{ id: 'api', status: 'operational' }]],
          [1, [{ id: 'api', status: 'major_outage' }]],
          // The first update is posted a moment after the incident: it counts from its start.
          [
            0.001,
            [
              { id: 'api', status: 'partial_outage' },
              { id: 'web', status: 'operational' },
            ],
          ],
        ]),
      ]),
      components,
    };
    const history = deriveHistory(snapshot, ['2026-03-11'], NOW, 'UTC');
    assert.deepEqual(dayOf(history, 'api', '2026-03-11').downtime, {
      partial_outage: 60,
      major_outage: 120,
    });
    // Named, but operational by its update: not down for that span.
    assert.deepEqual(dayOf(history, 'web', '2026-03-11'), {
      date: '2026-03-11',
      uptime: 100,
      worst: 'operational',
    });
    // Named, and no update says what it was in: the impact (critical) counts.
    assert.deepEqual(dayOf(history, 'cdn', '2026-03-11').downtime, { major_outage: 180 });
  });

  test('an incident of impact "none" counts where an update gives a status', () => {
    const quiet = incident([[0, [{ id: 'api', status: 'degraded_performance' }]]]);
    quiet.impact = 'none';
    const history = deriveHistory(
      { ...snapshotWith([quiet]), components },
      ['2026-03-11'],
      NOW,
      'UTC',
    );
    assert.deepEqual(dayOf(history, 'api', '2026-03-11').downtime, { degraded_performance: 180 });
    assert.equal(dayOf(history, 'cdn', '2026-03-11').uptime, 100);
  });
});

describe('a recorded today and the current status', () => {
  const TODAY = '2026-03-12';
  const start = startOfDay(TODAY, 'UTC');
  const record = [
    { date: '2026-03-11', uptime: 100, worst: 'operational' },
    { date: TODAY, uptime: 100, worst: 'operational' },
  ];
  const api = (status, updatedAt) => ({
    id: 'api',
    name: 'API',
    status,
    updatedAt,
    history: record,
  });

  test('a record of 100 % today is no better than the outage since it changed', () => {
    const days = withPresent(
      record,
      api('major_outage', '2026-03-12T11:00:00Z'),
      TODAY,
      start,
      NOW,
    );
    assert.deepEqual(days[0], record[0]);
    assert.equal(days[1].worst, 'major_outage');
    assert.deepEqual(days[1].downtime, { major_outage: 60 });
    assert.equal(floorUptime(days[1].uptime), 91.66); // 11 of the 12 hours so far
    // A record that already counts more keeps its own (worse) figures.
    const worse = [
      { date: TODAY, uptime: 50, worst: 'major_outage', downtime: { major_outage: 360 } },
    ];
    const [kept] = withPresent(
      worse,
      api('major_outage', '2026-03-12T11:00:00Z'),
      TODAY,
      start,
      NOW,
    );
    assert.deepEqual(kept, worse[0]);
  });

  test('a today the record lacks is made from the current status; operational leaves it', () => {
    const days = withPresent(
      record.slice(0, 1),
      api('partial_outage'),
      TODAY,
      start,
      NOW,
      NOW - 120_000,
    );
    assert.deepEqual(days.at(-1), {
      date: TODAY,
      worst: 'partial_outage',
      uptime: 0,
      downtime: { partial_outage: 2 },
    });
    assert.equal(withPresent(record, api('operational'), TODAY, start, NOW), record);
    assert.equal(withPresent(undefined, api('operational'), TODAY, start, NOW), undefined);
    // Degraded counts as up: the colour changes, the figure does not.
    const [, slow] = withPresent(
      record,
      api('degraded_performance', '2026-03-12T11:00:00Z'),
      TODAY,
      start,
      NOW,
    );
    assert.deepEqual(slow, {
      date: TODAY,
      uptime: 100,
      worst: 'degraded_performance',
      downtime: { degraded_performance: 60 },
    });
  });
});

describe('GitHub’s outage of 2 April 2020, read by the Statuspage reader', () => {
  const now = Date.parse('2020-04-02T21:00:00Z');
  // GitHub's resolved incidents as recorded in 2024, moved whole days back to 1 April
  // 2020, so the list covers the days before the outage (the 2020 recording has none).
  const shift = Date.UTC(2020, 3, 1) - Date.UTC(2024, 8, 16);
  const moved = JSON.parse(
    readFixture('statuspage/github-incidents-2024-09-17.json'),
    (_, value) =>
      typeof value === 'string' && /^2024-\d\d-\d\dT/.test(value)
        ? new Date(Date.parse(value) + shift).toISOString()
        : value,
  );
  const body = JSON.parse(readFixture('statuspage/github-summary-major-2020-04-02.json'));
  body.incidents.push(...moved.incidents);
  const snapshot = readStatuspageSummary(body, 'https://www.githubstatus.com/api/v2/summary.json');
  // The status each update gave each component (Statuspage's affected_components).
  const raw = new Map(body.incidents.flatMap((i) => i.incident_updates).map((u) => [u.id, u]));
  for (const update of snapshot.incidents.flatMap((incident) => incident.updates))
    update.affected = (raw.get(update.id).affected_components ?? []).map((component) => ({
      id: component.code,
      status: component.new_status,
    }));
  const dates = windowDates(3, now, 'UTC');
  const history = deriveHistory(snapshot, dates, now, 'UTC');
  const named = (name) => snapshot.components.find((c) => c.name.startsWith(name)).id;

  test('no component in major outage is a good day today', () => {
    const down = snapshot.components.filter((c) => c.status === 'major_outage');
    assert.equal(down.length, 5);
    for (const { id, name } of down) {
      const today = dayOf(history, id, '2020-04-02');
      assert.equal(dayIndicator(today), 'major', name);
      assert.ok(floorUptime(today.uptime) < 100, name);
    }
    // Git Operations: down since 20:26, 34 of the 21 hours so far.
    const git = dayOf(history, named('Git Operations'), '2020-04-02');
    assert.deepEqual(git.downtime, { major_outage: 34 });
    assert.equal(floorUptime(git.uptime), 97.33);
    assert.equal(dayIndicator(dayOf(history, named('GitHub Actions'), '2020-04-02')), 'minor');
  });

  test('the component the incident names but calls operational is up', () => {
    assert.deepEqual(dayOf(history, named('Visit'), '2020-04-02'), {
      date: '2020-04-02',
      uptime: 100,
      worst: 'operational',
    });
  });

  test('past days follow the status each update gave, before the list nothing', () => {
    const actions = dayOf(history, named('GitHub Actions'), '2020-04-01');
    assert.deepEqual(actions.downtime, { partial_outage: 20, major_outage: 18 });
    assert.equal(actions.worst, 'major_outage');
    assert.deepEqual(dayOf(history, named('GitHub Pages'), '2020-04-01').downtime, {
      partial_outage: 22,
    });
    assert.equal(dayOf(history, named('Git Operations'), '2020-03-31'), undefined);
  });
});
