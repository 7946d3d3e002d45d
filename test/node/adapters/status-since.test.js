// Feeds of checks (Uptime Kuma's heartbeats, Gatus's results) have no "changed at": a
// component's updatedAt is when its current status began, the oldest check of the
// unbroken run that ends with the newest, not the time of the last check.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getAdapter } from 'status-widgets/adapters';
import { fakeFetch, readFixture } from '../helpers.js';
import { json } from './support.js';

test('Gatus: an endpoint failing for three checks has been down since the first of them', async () => {
  const statuses = json(readFixture('gatus/documented-statuses.json'));
  const backend = statuses.find((endpoint) => endpoint.key === 'core_backend');
  backend.results = [
    { timestamp: '2024-06-01T10:03:00Z', success: false },
    { timestamp: '2024-06-01T10:00:00Z', success: true },
    { timestamp: '2024-06-01T10:01:00Z', success: false },
    { timestamp: '2024-06-01T10:02:00Z', success: false },
  ].map((result) => ({ ...backend.results[0], ...result }));
  const url = 'https://gatus.example.com/api/v1/endpoints/statuses';
  const snapshot = await getAdapter('gatus').load(
    new URL(url),
    fakeFetch({ [url]: JSON.stringify(statuses) }),
  );
  const component = snapshot.components.find((c) => c.id === 'core_backend');
  assert.equal(component.status, 'major_outage');
  assert.equal(component.updatedAt, '2024-06-01T10:01:00.000Z');
});

test('Uptime Kuma: a monitor down for two beats has been down since the first, and one up all along since its oldest beat', async () => {
  const base = 'https://kuma.example.com';
  const beats = json(readFixture('uptime-kuma/documented-heartbeat.json'));
  beats.heartbeatList['12'] = [
    { status: 1, time: '2024-05-06 07:20:00.000', msg: 'OK', ping: 90 },
    { status: 0, time: '2024-05-06 07:45:00.000', msg: '500', ping: null },
    { status: 0, time: '2024-05-06 07:50:10.000', msg: '500', ping: null },
  ];
  beats.heartbeatList['11'] = [
    { status: 1, time: '2024-05-06 07:40:00.000', msg: 'OK', ping: 80 },
    { status: 1, time: '2024-05-06 07:50:00.000', msg: 'OK', ping: 82 },
  ];
  const snapshot = await getAdapter('uptime-kuma').load(
    new URL(`${base}/status/main`),
    fakeFetch({
      [`${base}/api/status-page/main`]: readFixture('uptime-kuma/documented-status-page.json'),
      [`${base}/api/status-page/heartbeat/main`]: JSON.stringify(beats),
    }),
  );
  const byId = Object.fromEntries(snapshot.components.map((c) => [c.id, c]));
  assert.equal(byId['12'].status, 'major_outage');
  assert.equal(byId['12'].updatedAt, '2024-05-06T07:45:00.000Z');
  assert.equal(byId['11'].updatedAt, '2024-05-06T07:40:00.000Z');
});
