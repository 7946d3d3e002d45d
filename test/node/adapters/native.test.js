// The native adapter (our reference server's /feed.json) through the built package.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { getAdapter } from 'status-widgets/adapters';
import { fakeFetch, readFixture } from '../helpers.js';
import { json, rejectsFormat } from './support.js';

const FEED = 'https://status.example.com/feed.json';
const native = getAdapter('native');
const load = (body) =>
  native.load(
    new URL(FEED),
    fakeFetch({ [FEED]: typeof body === 'string' ? body : JSON.stringify(body) }),
  );

const quiet = () => {
  const body = json(readFixture('native/documented-feed.json'));
  body.indicator = 'operational';
  body.components.forEach((c) => (c.status = 'operational'));
  body.incidents = body.incidents.filter((i) => i.status === 'resolved');
  body.maintenances = [];
  return body;
};

describe('native adapter', () => {
  test('reads the feed as is: page, components, incidents, maintenance, events link', async () => {
    const snapshot = await load(readFixture('native/documented-feed.json'));
    assert.deepEqual(snapshot.page, {
      name: 'Example Cloud',
      url: 'https://status.example.com/',
      subscribeUrl: 'https://status.example.com/subscribe',
      timeZone: 'Europe/Berlin',
    });
    assert.equal(snapshot.indicator, 'major');
    assert.equal(snapshot.description, 'Partial outage');
    assert.equal(snapshot.components.length, 3);
    assert.deepEqual(
      snapshot.incidents.map((i) => [i.id, i.status]),
      [
        ['inc-2', 'identified'],
        ['inc-1', 'resolved'],
      ],
    );
    const [active] = snapshot.incidents;
    assert.equal(active.nextUpdateAt, '2024-08-01T10:00:00.000Z');
    assert.deepEqual(
      active.updates.map((u) => u.id),
      ['u2', 'u1'],
      'updates newest first',
    );
    assert.equal(snapshot.incidents[1].postmortemUrl, 'https://status.example.com/incidents/inc-1');
    assert.equal(snapshot.maintenances[0].status, 'in_progress');
    assert.deepEqual(snapshot.links, { events: 'https://status.example.com/events' });
    assert.equal(snapshot.warnings, undefined);
  });

  test('all operational', async () => {
    const snapshot = await load(quiet());
    assert.equal(snapshot.indicator, 'operational');
  });

  test('maintenance in progress', async () => {
    const body = quiet();
    body.maintenances = json(readFixture('native/documented-feed.json')).maintenances;
    const snapshot = await load(body);
    assert.equal(snapshot.indicator, 'maintenance');
  });

  test('the indicator is derived, not trusted: an active incident is never "operational"', async () => {
    const body = json(readFixture('native/documented-feed.json'));
    body.indicator = 'operational';
    body.description = 'All systems operational';
    const snapshot = await load(body);
    assert.equal(snapshot.indicator, 'major');
    assert.equal(snapshot.description, '', 'the words never disagree with the colour');
  });

  test('drops broken items with warnings and keeps the rest; unsafe links are dropped', async () => {
    const body = json(readFixture('native/documented-feed.json'));
    body.incidents.push({ id: 'x', name: 'No date', status: 'investigating' });
    body.components.push({ name: 'no id' });
    body.incidents[0].url = 'javascript:alert(1)';
    const snapshot = await load(body);
    assert.equal(snapshot.incidents.length, 2);
    assert.equal(snapshot.components.length, 3);
    assert.equal(snapshot.incidents[0].url, undefined);
    assert.deepEqual(snapshot.warnings, [
      'Dropped component #4: it has no id or name.',
      'Dropped incident #3: it has no readable createdAt.',
    ]);
  });

  test('an unknown version is a FeedFormatError naming the supported one', async () => {
    const body = json(readFixture('native/documented-feed.json'));
    body.version = 2;
    await rejectsFormat(load(body), 'native', FEED, /version 2 is not supported.*version 1/);
  });

  test('JSON of another shape is a FeedFormatError', async () => {
    await rejectsFormat(load({ page: { name: 'x' } }), 'native', FEED, /no "version" field/);
  });
});
