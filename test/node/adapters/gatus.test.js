// The gatus adapter through the built package, against Gatus's documented JSON.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { getAdapter } from 'status-widgets/adapters';
import { fakeFetch, readFixture } from '../helpers.js';
import { json, rejectsFormat } from './support.js';

const STATUSES = 'https://gatus.example.com/api/v1/endpoints/statuses';
const CONFIG = 'https://gatus.example.com/api/v1/config';
const gatus = getAdapter('gatus');
const load = (body, source = STATUSES) =>
  gatus.load(
    new URL(source),
    fakeFetch({ [STATUSES]: typeof body === 'string' ? body : JSON.stringify(body) }),
  );

describe('gatus adapter', () => {
  test('a failing endpoint is a major outage, from its latest result', async () => {
    const fetch = fakeFetch({ [STATUSES]: readFixture('gatus/documented-statuses.json') });
    const snapshot = await gatus.load(new URL('https://gatus.example.com/'), fetch);
    assert.equal(fetch.calls[0].url, STATUSES);
    assert.deepEqual(
      snapshot.components.map((c) => [c.id, c.name, c.group, c.status]),
      [
        ['core_frontend', 'frontend', 'core', 'operational'],
        ['core_backend', 'backend', 'core', 'major_outage'],
        ['public_docs', 'docs', 'public', 'unknown'],
      ],
    );
    assert.equal(snapshot.components[1].updatedAt, '2024-06-01T10:01:00.000Z');
    assert.equal(snapshot.updatedAt, '2024-06-01T10:01:00.000Z');
    assert.equal(snapshot.page.url, 'https://gatus.example.com/');
    assert.equal(snapshot.indicator, 'major');
    assert.deepEqual(snapshot.incidents, [], 'Gatus publishes no incidents');
  });

  test('all healthy is operational', async () => {
    const body = json(readFixture('gatus/documented-statuses.json'));
    body.forEach((endpoint) => endpoint.results.forEach((result) => (result.success = true)));
    const snapshot = await load(body);
    assert.equal(snapshot.indicator, 'operational');
  });

  test('maintenance: Gatus publishes none, so none is made up and the state stays the checks', async () => {
    const body = json(readFixture('gatus/documented-statuses.json'));
    body.forEach((endpoint) => endpoint.results.forEach((result) => (result.success = true)));
    body[0].maintenance = { start: '23:00', duration: '1h' }; // not part of the API: ignored
    const snapshot = await load(body);
    assert.deepEqual(snapshot.maintenances, []);
    assert.equal(snapshot.indicator, 'operational');
  });

  test('the newest result wins even when results arrive out of order', async () => {
    const body = json(readFixture('gatus/documented-statuses.json'));
    body[1].results.reverse();
    const snapshot = await load(body);
    assert.equal(snapshot.components[1].status, 'major_outage');
  });

  test('announcements: the newest outage is an open major incident, older ones are closed', async () => {
    const fetch = fakeFetch({
      [STATUSES]: readFixture('gatus/documented-statuses.json'),
      [CONFIG]: readFixture('gatus/documented-config.json'),
    });
    const snapshot = await gatus.load(new URL('https://gatus.example.com/'), fetch);
    assert.deepEqual(fetch.calls.map((call) => call.url).sort(), [CONFIG, STATUSES]);
    assert.deepEqual(
      snapshot.incidents.map((i) => [i.name, i.status, i.impact, i.resolvedAt]),
      [
        ['The backend is down.', 'investigating', 'major', undefined],
        ['Checks now run every minute.', 'resolved', 'none', '2024-06-01T10:02:00.000Z'],
        ['Docs builds are slow.', 'resolved', 'minor', '2024-05-20T08:00:00.000Z'],
      ],
    );
    assert.equal(
      snapshot.incidents[0].updates[0].body,
      'The backend is down.\nWe are restoring it from a backup.',
    );
    assert.equal(snapshot.incidents[0].url, 'https://gatus.example.com/');
    assert.equal(snapshot.indicator, 'major');
  });

  test('announcements: a newer information notice closes a warning, and colours nothing', async () => {
    const config = json(readFixture('gatus/documented-config.json'));
    config.announcements = [
      {
        timestamp: '2024-06-02T09:00:00Z',
        type: 'information',
        message: 'All fixed; thanks for your patience.',
      },
      { timestamp: '2024-06-01T09:00:00Z', type: 'warning', message: 'Slow checks.' },
    ];
    const statuses = json(readFixture('gatus/documented-statuses.json'));
    statuses.forEach((endpoint) => endpoint.results.forEach((result) => (result.success = true)));
    const fetch = fakeFetch({
      [STATUSES]: JSON.stringify(statuses),
      [CONFIG]: JSON.stringify(config),
    });
    const snapshot = await gatus.load(new URL(STATUSES), fetch);
    assert.ok(snapshot.incidents.every((i) => i.status === 'resolved'));
    assert.equal(snapshot.indicator, 'operational');
  });

  test('a server without announcements (404 at /api/v1/config) is read as before, without a warning', async () => {
    const snapshot = await load(readFixture('gatus/documented-statuses.json'));
    assert.deepEqual(snapshot.incidents, []);
    assert.equal(snapshot.warnings, undefined);
  });

  test('a broken announcement is dropped with a warning', async () => {
    const config = json(readFixture('gatus/documented-config.json'));
    config.announcements.push({ type: 'outage', message: 'No time' });
    const fetch = fakeFetch({
      [STATUSES]: readFixture('gatus/documented-statuses.json'),
      [CONFIG]: JSON.stringify(config),
    });
    const snapshot = await gatus.load(new URL(STATUSES), fetch);
    assert.equal(snapshot.incidents.length, 3);
    assert.deepEqual(snapshot.warnings, [
      'Dropped announcement #4: it has no readable timestamp or message.',
    ]);
  });

  test('drops a broken endpoint with a warning and keeps the rest', async () => {
    const body = json(readFixture('gatus/documented-statuses.json'));
    body.splice(1, 0, { key: 'x' }, 'nope');
    const snapshot = await load(body);
    assert.equal(snapshot.components.length, 3);
    assert.equal(snapshot.warnings.length, 2);
    assert.match(snapshot.warnings[0], /endpoint #2: it has no key or name/);
    assert.match(snapshot.warnings[1], /endpoint #3: it is not an object/);
  });

  test('JSON of another shape is a FeedFormatError', async () => {
    await rejectsFormat(
      load({ endpoints: [] }),
      'gatus',
      STATUSES,
      /not a list of endpoint statuses/,
    );
  });
});
