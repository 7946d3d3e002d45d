// Better Stack's daily history through the built package. The fixture has the shape
// Better Stack's JSON API documentation gives each resource's `status_history` (90
// days of `day`, `status`, `downtime_duration` and `maintenance_duration` in seconds)
// and that a public page's index.json sends, `timezone` as a Rails zone name included.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { getAdapter } from 'status-widgets/adapters';
import { fakeFetch, readFixture } from '../helpers.js';
import { json } from './support.js';

const PAGE = 'https://status.example.com';
const INDEX = `${PAGE}/index.json`;
const betterStack = getAdapter('better-stack');
const fixture = () => json(readFixture('better-stack/status-history-index.json'));
const load = (body) =>
  betterStack.load(new URL(INDEX), fakeFetch({ [INDEX]: JSON.stringify(body) }));
const byDate = (days) => Object.fromEntries(days.map((day) => [day.date, day]));

describe('better-stack history', () => {
  test('each resource’s 90 days: uptime from its downtime, the worst status, the minutes in each', async () => {
    const snapshot = await load(fixture());
    assert.equal(snapshot.historySource, 'recorded');
    assert.equal(snapshot.warnings, undefined);
    const [api, dashboard] = snapshot.components;
    assert.equal(api.history.length, 90);
    assert.equal(api.history[0].date, '2025-03-04');
    assert.equal(api.history.at(-1).date, '2025-06-01');

    const days = byDate(api.history);
    // 121.8 seconds down of the day's 86,400.
    assert.equal(days['2025-03-04'].worst, 'major_outage');
    assert.deepEqual(days['2025-03-04'].downtime, { major_outage: 2 });
    assert.ok(days['2025-03-04'].uptime < 100 && days['2025-03-04'].uptime > 99.85);
    assert.deepEqual(days['2025-03-05'], { date: '2025-03-05', uptime: 100, worst: 'operational' });
    assert.deepEqual(days['2025-04-15'], {
      date: '2025-04-15',
      uptime: 100,
      worst: 'degraded_performance',
    });
    // Maintenance counts as up; its hour shows in the day's details.
    assert.deepEqual(days['2025-05-20'], {
      date: '2025-05-20',
      uptime: 100,
      worst: 'under_maintenance',
      downtime: { under_maintenance: 60 },
    });
    assert.deepEqual(byDate(dashboard.history)['2025-05-31'], {
      date: '2025-05-31',
      uptime: 93.75,
      worst: 'major_outage',
      downtime: { major_outage: 90 },
    });
  });

  test('a day not monitored is no data, never an operational day', async () => {
    const snapshot = await load(fixture());
    const nightly = snapshot.components.find((component) => component.name === 'Nightly export');
    assert.equal(nightly.history, undefined);

    const body = fixture();
    const resource = body.included.find((item) => item.id === '8534772');
    resource.attributes.status_history[1].status = 'not_monitored';
    const api = (await load(body)).components[0];
    assert.equal(api.history.length, 89);
    assert.ok(!api.history.some((day) => day.date === '2025-03-05'));
  });

  test('a day that cannot be read is dropped and said; the others stay', async () => {
    const body = fixture();
    const history = body.included.find((item) => item.id === '8534772').attributes.status_history;
    history[2].day = 'yesterday';
    history[3] = 'nonsense';
    const snapshot = await load(body);
    assert.equal(snapshot.components[0].history.length, 88);
    assert.equal(snapshot.warnings.length, 2);
    assert.match(snapshot.warnings[0], /API: .*"yesterday" is not YYYY-MM-DD/);
  });

  test('a page without status_history has no history, as before', async () => {
    const snapshot = await betterStack.load(
      new URL('https://example.betteruptime.com'),
      fakeFetch({
        'https://example.betteruptime.com/index.json': readFixture(
          'better-stack/documented-index.json',
        ),
      }),
    );
    assert.equal(snapshot.historySource, undefined);
    assert.ok(snapshot.components.every((component) => component.history === undefined));
  });
});
