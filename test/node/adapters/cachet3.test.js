// The cachet3 adapter through the built package, against Cachet 3 responses
// written from its JSON:API resources (cachethq/core src/Http/Resources).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { getAdapter, resolveAdapter } from 'status-widgets/adapters';
import { fakeFetch, readFixture } from '../helpers.js';
import { json, rejectsFormat } from './support.js';

const BASE = 'https://status.example.com';
const COMPONENTS = `${BASE}/api/components?per_page=100&include=group`;
const INCIDENTS = `${BASE}/api/incidents?per_page=50&sort=-id&include=components%2Cupdates`;
const SCHEDULES = `${BASE}/api/schedules?per_page=50&include=components%2Cupdates`;
const STATUS = `${BASE}/api/status`;
const cachet3 = getAdapter('cachet3');

const emptyList = JSON.stringify({ data: [], links: {}, meta: { current_page: 1 } });

function routes(edit = {}) {
  return {
    [COMPONENTS]: readFixture('cachet3/documented-components.json'),
    [INCIDENTS]: readFixture('cachet3/documented-incidents.json'),
    [SCHEDULES]: readFixture('cachet3/documented-schedules.json'),
    [STATUS]: readFixture('cachet3/documented-status.json'),
    ...edit,
  };
}

const allOperational = () => {
  const components = json(readFixture('cachet3/documented-components.json'));
  for (const component of components.data)
    component.attributes.status = { human: 'Operational', value: 1 };
  return JSON.stringify(components);
};

describe('cachet3 adapter', () => {
  test('reads components with their groups, active incidents and their updates', async () => {
    const fetch = fakeFetch(routes());
    const snapshot = await cachet3.load(new URL(`${BASE}/api/incidents`), fetch);
    assert.deepEqual(
      fetch.calls.map((call) => call.url).sort(),
      [COMPONENTS, INCIDENTS, SCHEDULES, STATUS].sort(),
      'only Cachet 3 URLs, never /api/v1/',
    );
    assert.equal(snapshot.page.name, 'Example Status');
    assert.equal(snapshot.page.url, `${BASE}/`);
    assert.deepEqual(
      snapshot.components.map((c) => [c.id, c.name, c.status, c.group]),
      [
        ['1', 'API', 'operational', 'Core Platform'],
        ['2', 'Database', 'partial_outage', 'Core Platform'],
        ['3', 'Mail delivery', 'under_maintenance', undefined],
      ],
      'status 6 is under maintenance; a disabled component is not shown',
    );
    assert.deepEqual(
      snapshot.incidents.map((i) => [i.id, i.status, i.impact, i.components]),
      [
        ['11', 'investigating', 'none', []],
        ['12', 'identified', 'minor', ['2']],
        ['9', 'resolved', 'minor', ['1']],
      ],
      'a hidden incident is not shown; one that names no component states no impact',
    );
    const lagging = snapshot.incidents[1];
    assert.equal(lagging.createdAt, '2024-06-03T09:00:00.000Z', 'zone-less dates are UTC');
    assert.equal(lagging.url, `${BASE}/incidents/9b1f6a52-7c3e-4d0a-9a51-2f0c8e6d4b21`);
    assert.deepEqual(
      lagging.updates.map((u) => [u.status, u.body]),
      [
        ['identified', 'The lagging replica has been taken out of rotation.'],
        ['identified', 'Writes are delayed.'],
      ],
    );
    assert.equal(snapshot.incidents[2].resolvedAt, '2024-05-31T15:30:00.000Z');
    assert.equal(snapshot.indicator, 'minor');
    assert.equal(snapshot.description, 'Some systems are experiencing issues');
    assert.equal(snapshot.warnings, undefined);
  });

  test('maintenance: a schedule in progress and the component under maintenance', async () => {
    const fetch = fakeFetch(
      routes({
        [COMPONENTS]: allOperational(),
        [INCIDENTS]: emptyList,
        [STATUS]: { status: 404, body: '' },
      }),
    );
    const snapshot = await cachet3.load(new URL(BASE), fetch);
    const [schedule] = snapshot.maintenances;
    assert.equal(schedule.status, 'in_progress');
    assert.equal(schedule.scheduledFor, '2024-06-03T09:00:00.000Z');
    assert.equal(schedule.scheduledUntil, undefined);
    assert.deepEqual(schedule.components, ['3']);
    assert.equal(schedule.updates[0].body, 'Outgoing email is queued during the move.');
    assert.equal(snapshot.indicator, 'maintenance');
    assert.equal(snapshot.page.name, 'status.example.com', 'no /api/status: the host names it');
    assert.match(snapshot.warnings.join(' '), /page status were not loaded from .*\/api\/status/);
  });

  test('all operational', async () => {
    const status = json(readFixture('cachet3/documented-status.json'));
    status.data.attributes = {
      name: 'Example Status',
      label: 'All systems are operational',
      status: 'operational',
    };
    const fetch = fakeFetch(
      routes({
        [COMPONENTS]: allOperational(),
        [INCIDENTS]: emptyList,
        [SCHEDULES]: emptyList,
        [STATUS]: JSON.stringify(status),
      }),
    );
    const snapshot = await cachet3.load(new URL(BASE), fetch);
    assert.equal(snapshot.indicator, 'operational');
    assert.equal(snapshot.description, 'All systems are operational');
    assert.deepEqual(snapshot.incidents, []);
  });

  test('enums as bare numbers (older 3.x) read the same', async () => {
    const components = json(readFixture('cachet3/documented-components.json'));
    for (const component of components.data)
      component.attributes.status = component.attributes.status.value;
    const snapshot = await cachet3.load(
      new URL(BASE),
      fakeFetch(routes({ [COMPONENTS]: JSON.stringify(components) })),
    );
    assert.equal(snapshot.components[1].status, 'partial_outage');
    assert.equal(snapshot.components[2].status, 'under_maintenance');
  });

  test('the words and the colour never disagree: the source line goes when the indicator differs', async () => {
    const status = json(readFixture('cachet3/documented-status.json'));
    status.data.attributes.status = 'operational';
    status.data.attributes.label = 'All systems are operational';
    const fetch = fakeFetch(routes({ [STATUS]: JSON.stringify(status) }));
    const snapshot = await cachet3.load(new URL(BASE), fetch);
    assert.equal(snapshot.indicator, 'minor');
    assert.equal(snapshot.description, '');
  });

  test('drops a broken component and incident with warnings, keeps the rest', async () => {
    const components = json(readFixture('cachet3/documented-components.json'));
    components.data[0].attributes.name = '';
    const incidents = json(readFixture('cachet3/documented-incidents.json'));
    incidents.data[1].attributes.status = { human: 'Sideways', value: 9 };
    const fetch = fakeFetch(
      routes({ [COMPONENTS]: JSON.stringify(components), [INCIDENTS]: JSON.stringify(incidents) }),
    );
    const snapshot = await cachet3.load(new URL(BASE), fetch);
    assert.deepEqual(
      snapshot.components.map((c) => c.id),
      ['2', '3'],
    );
    assert.deepEqual(
      snapshot.incidents.map((i) => i.id),
      ['12', '9'],
    );
    assert.equal(snapshot.warnings.length, 2);
    assert.match(snapshot.warnings[0], /Dropped component #1: it has no id or name/);
    assert.match(
      snapshot.warnings[1],
      /Dropped incident #2: its status .* is not a Cachet incident status/,
    );
  });

  test('JSON of another shape is a FeedFormatError naming the adapter, URL and problem', async () => {
    const fetch = fakeFetch(routes({ [COMPONENTS]: JSON.stringify({ components: [] }) }));
    await rejectsFormat(
      cachet3.load(new URL(BASE), fetch),
      'cachet3',
      COMPONENTS,
      /no "data" list.*Cachet 3/,
    );
  });

  test('Cachet 3 URLs are Cachet 3, not Cachet 2, and detection costs no request', async () => {
    for (const path of ['/api/incidents', '/api/components', '/api/schedules', '/api/status']) {
      const url = new URL(`${BASE}${path}`);
      const adapter = resolveAdapter(url);
      assert.equal(adapter.name, 'auto', `${path}: its rule loads with detection`);
      const fetch = fakeFetch(routes());
      const snapshot = await adapter.load(url, fetch);
      assert.ok(
        fetch.calls.every((call) => !call.url.includes('/api/v1/')),
        `${path}: never read as Cachet 2 (${fetch.calls.map((c) => c.url)})`,
      );
      assert.equal(fetch.calls.length, 4, `${path}: the reader's own four requests, nothing more`);
      assert.equal(snapshot.components.length, 3);
    }
  });
});
