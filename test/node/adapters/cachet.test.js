// The cachet adapter through the built package, against documented Cachet v1 responses.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { getAdapter } from 'status-widgets/adapters';
import { fakeFetch, readFixture } from '../helpers.js';
import { json, rejectsFormat } from './support.js';

const BASE = 'https://status.example.com';
const COMPONENTS = `${BASE}/api/v1/components?per_page=100`;
const GROUPS = `${BASE}/api/v1/components/groups?per_page=100`;
const INCIDENTS = `${BASE}/api/v1/incidents?per_page=50&sort=id&order=desc`;
const SCHEDULES = `${BASE}/api/v1/schedules?per_page=50`;
const cachet = getAdapter('cachet');

function routes(edit = {}) {
  return {
    [COMPONENTS]: readFixture('cachet/documented-components.json'),
    [GROUPS]: readFixture('cachet/documented-groups.json'),
    [INCIDENTS]: readFixture('cachet/documented-incidents.json'),
    [SCHEDULES]: readFixture('cachet/documented-schedules.json'),
    ...edit,
  };
}

const empty = JSON.stringify({ meta: { pagination: { total: 0 } }, data: [] });

describe('cachet adapter', () => {
  test('reads components, groups and an active incident', async () => {
    const fetch = fakeFetch(routes());
    const snapshot = await cachet.load(new URL(`${BASE}/api/v1/components`), fetch);

    assert.deepEqual(
      fetch.calls.map((call) => call.url).sort(),
      [COMPONENTS, GROUPS, INCIDENTS, SCHEDULES].sort(),
    );
    assert.equal(snapshot.page.url, `${BASE}/`);
    assert.deepEqual(
      snapshot.components.map((c) => [c.name, c.status, c.group]),
      [
        ['API', 'operational', 'Core Platform'],
        ['Database', 'partial_outage', 'Core Platform'],
        ['Website', 'operational', undefined],
      ],
      'a disabled component is not shown',
    );
    assert.equal(snapshot.components[0].description, 'Public REST API');

    assert.deepEqual(
      snapshot.incidents.map((i) => [i.id, i.status, i.impact]),
      [
        ['12', 'identified', 'minor'],
        ['10', 'resolved', 'minor'],
      ],
      'a hidden incident is not shown',
    );
    const [active] = snapshot.incidents;
    assert.equal(active.createdAt, '2024-03-04T10:00:00.000Z', 'zone-less dates are UTC');
    assert.equal(active.url, 'https://status.example.com/incidents/12');
    assert.deepEqual(active.components, ['2']);
    assert.equal(
      active.updates[0].body,
      'We have identified **replication lag** on one replica.\nWrites are delayed.',
    );
    assert.equal(snapshot.incidents[1].resolvedAt, '2024-03-02T15:30:00.000Z');
    assert.equal(snapshot.indicator, 'minor');
    assert.equal(snapshot.warnings, undefined);
  });

  test('all operational', async () => {
    const components = json(readFixture('cachet/documented-components.json'));
    components.data.forEach((c) => (c.status = 1));
    const fetch = fakeFetch(
      routes({ [COMPONENTS]: JSON.stringify(components), [INCIDENTS]: empty, [SCHEDULES]: empty }),
    );
    const snapshot = await cachet.load(new URL(BASE), fetch);
    assert.equal(snapshot.indicator, 'operational');
    assert.equal(snapshot.incidents.length, 0);
    assert.equal(snapshot.maintenances.length, 0);
  });

  test("an incident's impact comes from the worst component it affects, whatever their order", async () => {
    const components = json(readFixture('cachet/documented-components.json'));
    // API (listed first) degraded, Database (listed second) down: the incident touches both.
    components.data.find((c) => c.id === 1).status = 2;
    components.data.find((c) => c.id === 2).status = 4;
    const incidents = json(readFixture('cachet/documented-incidents.json'));
    incidents.data.find((i) => i.id === 12).components = [{ id: 1 }, { id: 2 }];
    const fetch = fakeFetch(
      routes({ [COMPONENTS]: JSON.stringify(components), [INCIDENTS]: JSON.stringify(incidents) }),
    );
    const snapshot = await cachet.load(new URL(BASE), fetch);
    const active = snapshot.incidents.find((i) => i.id === '12');
    assert.deepEqual(active.components, ['2', '1']);
    assert.equal(active.impact, 'major');
  });

  test('an incident that names no component (component_id 0) states no impact', async () => {
    const incidents = json(readFixture('cachet/documented-incidents.json'));
    const unlinked = incidents.data.find((i) => i.id === 11);
    unlinked.visible = 1;
    assert.equal(unlinked.component_id, 0);
    const fetch = fakeFetch(routes({ [INCIDENTS]: JSON.stringify(incidents) }));
    const snapshot = await cachet.load(new URL(BASE), fetch);
    const incident = snapshot.incidents.find((i) => i.id === '11');
    assert.equal(incident.impact, 'none', 'not labelled minor: Cachet says nothing about it');
    assert.deepEqual(incident.components, []);
    // Still open, so the page is not operational: the indicator counts it as minor.
    assert.equal(snapshot.indicator, 'minor');
  });

  test('reads schedules and status-0 incidents as maintenance', async () => {
    const components = json(readFixture('cachet/documented-components.json'));
    components.data.forEach((c) => (c.status = 1));
    const incidents = json(readFixture('cachet/documented-incidents.json'));
    incidents.data = incidents.data.filter((i) => i.status === 0);
    const fetch = fakeFetch(
      routes({ [COMPONENTS]: JSON.stringify(components), [INCIDENTS]: JSON.stringify(incidents) }),
    );
    const snapshot = await cachet.load(new URL(BASE), fetch);
    assert.deepEqual(
      snapshot.maintenances.map((m) => [m.id, m.status]),
      [
        ['schedule-3', 'in_progress'],
        ['9', 'scheduled'],
        ['schedule-2', 'completed'],
      ],
    );
    const failover = snapshot.maintenances[0];
    assert.equal(failover.scheduledFor, '2024-03-04T09:00:00.000Z');
    assert.deepEqual(failover.components, ['2']);
    assert.equal(snapshot.indicator, 'maintenance');
  });

  test('an install without schedules (before Cachet 2.4) still loads', async () => {
    const fetch = fakeFetch(routes({ [SCHEDULES]: { status: 404, body: 'Not found' } }));
    const snapshot = await cachet.load(new URL(BASE), fetch);
    assert.equal(snapshot.components.length, 3);
    assert.match(snapshot.warnings[0], /Schedules were not loaded.*404/);
  });

  test('drops a broken component and incident with warnings, keeps the rest', async () => {
    const components = json(readFixture('cachet/documented-components.json'));
    components.data.push({ id: 99, status: 1 });
    const incidents = json(readFixture('cachet/documented-incidents.json'));
    incidents.data.push({ id: 50, name: 'Odd', status: 7, visible: 1, created_at: '2024-03-01' });
    const fetch = fakeFetch(
      routes({
        [COMPONENTS]: JSON.stringify(components),
        [INCIDENTS]: JSON.stringify(incidents),
      }),
    );
    const snapshot = await cachet.load(new URL(BASE), fetch);
    assert.equal(snapshot.components.length, 3);
    assert.equal(snapshot.incidents.length, 2);
    assert.equal(snapshot.warnings.length, 2);
    assert.match(snapshot.warnings[0], /component #4: it has no id or name/);
    assert.match(snapshot.warnings[1], /incident #4: .*7.*not a Cachet incident status/);
  });

  test('JSON of another shape is a FeedFormatError naming the adapter, URL and problem', async () => {
    const fetch = fakeFetch(routes({ [COMPONENTS]: JSON.stringify({ page: {} }) }));
    await rejectsFormat(cachet.load(new URL(BASE), fetch), 'cachet', COMPONENTS, /no "data" list/);
  });

  test('an HTML page is a FeedFormatError', async () => {
    const fetch = fakeFetch(routes({ [COMPONENTS]: '<!DOCTYPE html><html></html>' }));
    await rejectsFormat(cachet.load(new URL(BASE), fetch), 'cachet', COMPONENTS, /HTML page/);
  });
});
