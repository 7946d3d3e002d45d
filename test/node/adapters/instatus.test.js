// The instatus adapter through the built package, against responses written from
// Instatus's public summary.json and v2/components.json.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { getAdapter, detectAdapter } from 'status-widgets/adapters';
import { fakeFetch, readFixture } from '../helpers.js';
import { json, rejectsFormat } from './support.js';

const BASE = 'https://example.instatus.com';
const SUMMARY = `${BASE}/summary.json`;
const COMPONENTS = `${BASE}/v2/components.json`;
const instatus = getAdapter('instatus');

function load(summary, components = readFixture('instatus/documented-components.json')) {
  const fetch = fakeFetch({
    [SUMMARY]: typeof summary === 'string' ? summary : JSON.stringify(summary),
    [COMPONENTS]: typeof components === 'string' ? components : JSON.stringify(components),
  });
  return instatus.load(new URL(BASE), fetch).then((snapshot) => ({ snapshot, fetch }));
}

const quiet = () => {
  const summary = json(readFixture('instatus/documented-summary.json'));
  summary.page.status = 'UP';
  summary.activeIncidents = [];
  summary.activeMaintenances = [];
  return summary;
};
const green = () => {
  const components = json(readFixture('instatus/documented-components.json'));
  components.components.forEach((c) => (c.status = 'OPERATIONAL'));
  return components;
};

describe('instatus adapter', () => {
  test('reads the page status, components, the active incident and maintenance', async () => {
    const { snapshot, fetch } = await load(readFixture('instatus/documented-summary.json'));
    assert.deepEqual(fetch.calls.map((call) => call.url).sort(), [COMPONENTS, SUMMARY].sort());
    assert.equal(snapshot.page.name, 'Example');
    assert.equal(snapshot.page.url, 'https://example.instatus.com/');
    assert.deepEqual(
      snapshot.components.map((c) => [c.name, c.status, c.group]),
      [
        ['Dashboard', 'partial_outage', 'Apps'],
        ['Storage', 'under_maintenance', undefined],
        ['API', 'operational', 'Apps'],
      ],
    );
    const [incident] = snapshot.incidents;
    assert.equal(incident.status, 'identified');
    assert.equal(incident.impact, 'minor');
    assert.equal(incident.url, 'https://example.instatus.com/clincident1');
    const [maintenance] = snapshot.maintenances;
    assert.equal(maintenance.status, 'in_progress');
    assert.equal(maintenance.scheduledUntil, '2024-07-01T13:00:00.000Z', 'duration in minutes');
    assert.equal(snapshot.indicator, 'minor');
  });

  test('all operational', async () => {
    const { snapshot } = await load(quiet(), green());
    assert.equal(snapshot.indicator, 'operational');
  });

  test('maintenance only', async () => {
    const summary = quiet();
    summary.page.status = 'UNDERMAINTENANCE';
    summary.activeMaintenances = json(
      readFixture('instatus/documented-summary.json'),
    ).activeMaintenances;
    const { snapshot } = await load(summary, green());
    assert.equal(snapshot.maintenances.length, 1);
    assert.equal(snapshot.indicator, 'maintenance');
  });

  test('without components.json the live state still loads, with a warning', async () => {
    const fetch = fakeFetch({ [SUMMARY]: readFixture('instatus/documented-summary.json') });
    const snapshot = await instatus.load(new URL(SUMMARY), fetch);
    assert.equal(snapshot.incidents.length, 1);
    assert.match(snapshot.warnings[0], /Components were not loaded.*404/);
  });

  test('drops a broken incident with a warning, keeps the rest', async () => {
    const summary = json(readFixture('instatus/documented-summary.json'));
    summary.activeIncidents.push({
      id: 'x',
      name: 'Odd',
      status: 'ON_FIRE',
      started: '2024-07-01',
    });
    const { snapshot } = await load(summary);
    assert.equal(snapshot.incidents.length, 1);
    assert.equal(snapshot.warnings.length, 1);
    assert.match(snapshot.warnings[0], /incident #2: .*ON_FIRE/);
  });

  test('JSON of another shape is a FeedFormatError', async () => {
    await rejectsFormat(load({ status: 'ok' }), 'instatus', SUMMARY, /no "page" object/);
  });

  test('*.instatus.com is detected from the URL', () => {
    assert.equal(detectAdapter(new URL(BASE)).name, 'instatus');
  });
});

test('instatus: an item with a blank id is dropped with a warning', async () => {
  // Found by the property tests: an id of " " reached the snapshot.
  const { snapshot } = await load(
    JSON.stringify({
      page: {},
      activeMaintenances: [
        { id: ' ', name: 'Blank id', start: '2024-07-01T11:00:00.000Z', status: 'NOTSTARTEDYET' },
        { id: 'm1', name: 'Real one', start: '2024-07-01T11:00:00.000Z', status: 'NOTSTARTEDYET' },
      ],
    }),
  );
  assert.deepEqual(
    snapshot.maintenances.map((m) => m.id),
    ['m1'],
  );
  assert.ok(
    snapshot.warnings.some((w) => /maintenance/i.test(w)),
    snapshot.warnings.join('; '),
  );
});
