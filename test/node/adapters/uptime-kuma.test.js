// The uptime-kuma adapter through the built package, against responses written
// from Uptime Kuma's status-page router and models.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { getAdapter } from 'status-widgets/adapters';
import { fakeFetch, readFixture } from '../helpers.js';
import { json, rejectsFormat } from './support.js';

const BASE = 'https://kuma.example.com';
const PAGE = `${BASE}/api/status-page/main`;
const HEARTBEAT = `${BASE}/api/status-page/heartbeat/main`;
const kuma = getAdapter('uptime-kuma');

function load(page, heartbeat = readFixture('uptime-kuma/documented-heartbeat.json')) {
  const fetch = fakeFetch({
    [PAGE]: typeof page === 'string' ? page : JSON.stringify(page),
    [HEARTBEAT]: heartbeat,
  });
  return kuma.load(new URL(`${BASE}/status/main`), fetch).then((snapshot) => ({ snapshot, fetch }));
}

const operationalPage = () => {
  const page = json(readFixture('uptime-kuma/documented-status-page.json'));
  page.incident = null;
  page.maintenanceList = [];
  return page;
};
const allUp = () => {
  const beats = json(readFixture('uptime-kuma/documented-heartbeat.json'));
  for (const list of Object.values(beats.heartbeatList)) list.at(-1).status = 1;
  return JSON.stringify(beats);
};

describe('uptime-kuma adapter', () => {
  test('monitors from their latest heartbeat, the pinned incident and the maintenance', async () => {
    const { snapshot, fetch } = await load(readFixture('uptime-kuma/documented-status-page.json'));
    assert.deepEqual(fetch.calls.map((call) => call.url).sort(), [HEARTBEAT, PAGE].sort());
    assert.equal(snapshot.page.name, 'Example Services');
    assert.equal(snapshot.page.url, `${BASE}/status/main`);
    assert.deepEqual(
      snapshot.components.map((c) => [c.id, c.name, c.group, c.status]),
      [
        ['11', 'Website', 'Services', 'operational'],
        ['12', 'Checkout', 'Services', 'major_outage'],
        ['13', 'Database', 'Infrastructure', 'under_maintenance'],
        ['14', 'Mail relay', 'Infrastructure', 'degraded_performance'],
      ],
    );
    assert.equal(snapshot.components[0].updatedAt, '2024-05-06T07:50:00.000Z', 'UTC times');

    assert.equal(snapshot.incidents.length, 1);
    const [incident] = snapshot.incidents;
    assert.equal(incident.name, 'Checkout is failing');
    assert.equal(incident.impact, 'major');
    assert.equal(incident.status, 'investigating');
    assert.equal(incident.createdAt, '2024-05-06T07:30:00.000Z');
    assert.equal(incident.updates[0].body, 'Payments fail for **all** customers. We are on it.');

    assert.equal(snapshot.maintenances.length, 1);
    assert.equal(snapshot.maintenances[0].status, 'in_progress');
    assert.equal(snapshot.maintenances[0].scheduledUntil, '2024-05-06T09:00:00.000Z');
    assert.equal(snapshot.indicator, 'major');
    assert.equal(snapshot.warnings, undefined);
  });

  test('all up is operational', async () => {
    const { snapshot } = await load(operationalPage(), allUp());
    assert.equal(snapshot.indicator, 'operational');
    assert.deepEqual(snapshot.incidents, []);
  });

  test('maintenance alone makes the page "maintenance"', async () => {
    const page = operationalPage();
    page.maintenanceList = json(
      readFixture('uptime-kuma/documented-status-page.json'),
    ).maintenanceList;
    const { snapshot } = await load(page, allUp());
    assert.equal(snapshot.maintenances[0].name, 'Database upgrade');
    assert.equal(snapshot.indicator, 'maintenance');
  });

  test('newer servers send a list of incidents', async () => {
    const page = operationalPage();
    const { incident } = json(readFixture('uptime-kuma/documented-status-page.json'));
    page.incidents = [{ ...incident, style: 'warning' }];
    delete page.incident;
    const { snapshot } = await load(page, allUp());
    assert.equal(snapshot.incidents[0].impact, 'minor');
    assert.equal(snapshot.indicator, 'minor');
  });

  test('2.1+: every incident of the list is read, newest first', async () => {
    const page = operationalPage();
    const { incident } = json(readFixture('uptime-kuma/documented-status-page.json'));
    page.incidents = [
      { ...incident, id: 1, style: 'warning', createdDate: '2024-05-06 06:00:00' },
      { ...incident, id: 2, style: 'danger', createdDate: '2024-05-06 07:00:00' },
    ];
    delete page.incident;
    const { snapshot } = await load(page, allUp());
    assert.deepEqual(
      snapshot.incidents.map((i) => [i.id, i.impact]),
      [
        ['2', 'major'],
        ['1', 'minor'],
      ],
    );
    assert.equal(snapshot.indicator, 'major');
  });

  test('maintenance states: scheduled and ended ones do not make the page "maintenance"', async () => {
    const { maintenanceList } = json(readFixture('uptime-kuma/documented-status-page.json'));
    for (const [state, status, indicator] of [
      ['scheduled', 'scheduled', 'operational'],
      ['under-maintenance', 'in_progress', 'maintenance'],
      ['ended', 'completed', 'operational'],
    ]) {
      const page = operationalPage();
      page.maintenanceList = [{ ...maintenanceList[0], status: state }];
      const { snapshot } = await load(page, allUp());
      assert.equal(snapshot.maintenances[0].status, status, state);
      assert.equal(snapshot.indicator, indicator, state);
    }
  });

  test("each monitor's 24-hour uptime from the heartbeat document's uptimeList", async () => {
    const { snapshot } = await load(readFixture('uptime-kuma/documented-status-page.json'));
    assert.deepEqual(
      snapshot.components.map((c) => [c.id, c.uptime24h]),
      [
        ['11', 99],
        ['12', 95],
        ['13', 100],
        ['14', 90],
      ],
    );
    // Older servers, or a monitor missing from the list: no figure, never a made-up one.
    const beats = json(readFixture('uptime-kuma/documented-heartbeat.json'));
    delete beats.uptimeList['12_24'];
    beats.uptimeList['13_24'] = 'n/a';
    const older = await load(
      readFixture('uptime-kuma/documented-status-page.json'),
      JSON.stringify(beats),
    );
    assert.deepEqual(
      older.snapshot.components.map((c) => c.uptime24h),
      [99, undefined, undefined, 90],
    );
  });

  test('drops a broken monitor and maintenance with warnings, keeps the rest', async () => {
    const page = json(readFixture('uptime-kuma/documented-status-page.json'));
    page.publicGroupList[0].monitorList.push({ name: 'no id' });
    page.maintenanceList.push({ description: 'no title' });
    const { snapshot } = await load(page);
    assert.equal(snapshot.components.length, 4);
    assert.equal(snapshot.maintenances.length, 1);
    assert.equal(snapshot.warnings.length, 2);
    assert.match(snapshot.warnings[0], /monitor #3: it has no id or name/);
    assert.match(snapshot.warnings[1], /maintenance #2: it has no id or title/);
  });

  test('JSON of another shape is a FeedFormatError naming the API URL', async () => {
    await rejectsFormat(
      load({ ok: false, msg: 'Status Page Not Found' }),
      'uptime-kuma',
      PAGE,
      /not an Uptime Kuma status page/,
    );
  });

  test('a URL without a slug is a FeedFormatError saying which URL to use', async () => {
    await rejectsFormat(
      kuma.load(new URL(`${BASE}/dashboard`), fakeFetch({})),
      'uptime-kuma',
      `${BASE}/dashboard`,
      /\/status\/<slug>/,
    );
  });
});
