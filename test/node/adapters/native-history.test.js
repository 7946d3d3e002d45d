// The native feed's optional daily history, read through the built adapter.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { getAdapter } from 'status-widgets/adapters';
import { fakeFetch, readFixture } from '../helpers.js';

const FEED = 'https://status.example.com/feed.json';
const load = (body) =>
  getAdapter('native').load(new URL(FEED), fakeFetch({ [FEED]: JSON.stringify(body) }));
const documented = () => JSON.parse(readFixture('native/documented-feed.json'));

describe('native adapter: history', () => {
  test('reads each component history and says it is recorded', async () => {
    const body = documented();
    body.components[0].history = [
      { date: '2026-03-02', uptime: 99.31, worst: 'major_outage', downtime: { major_outage: 10 } },
      { date: '2026-03-01', uptime: 100, worst: 'operational' },
    ];
    const snapshot = await load(body);
    assert.deepEqual(snapshot.components[0].history, [
      { date: '2026-03-01', uptime: 100, worst: 'operational' },
      { date: '2026-03-02', uptime: 99.31, worst: 'major_outage', downtime: { major_outage: 10 } },
    ]);
    assert.equal(snapshot.components[1].history, undefined);
    assert.equal(snapshot.historySource, 'recorded');
    assert.equal(snapshot.warnings, undefined);
  });

  test('has no history source without any history', async () => {
    const snapshot = await load(documented());
    assert.equal(snapshot.historySource, undefined);
    assert.ok(snapshot.components.every((c) => c.history === undefined));
  });

  test('drops a bad day with a warning naming the component, keeps the rest, and at most 365 days', async () => {
    const body = documented();
    const name = body.components[0].name;
    body.components[0].history = [
      ...Array.from({ length: 400 }, (_, i) => ({
        date: new Date(Date.UTC(2025, 0, 1) + i * 86_400_000).toISOString().slice(0, 10),
        uptime: 100,
      })),
      { date: 'soon', uptime: 100 },
    ];
    const snapshot = await load(body);
    assert.equal(snapshot.components[0].history.length, 365);
    assert.equal(snapshot.components[0].history.at(-1).date, '2026-02-04');
    assert.deepEqual(snapshot.warnings, [
      `${name}: Dropped history day #401: its date "soon" is not YYYY-MM-DD.`,
    ]);
  });
});
