// The openstatus adapter through the built package, against a page feed written
// from OpenStatus's feed route and a status API answer from its documentation.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { getAdapter, resolveAdapter } from 'status-widgets/adapters';
import { fakeFetch, readFixture } from '../helpers.js';
import { json, rejectsFormat } from './support.js';

const PAGE = 'https://example.openstatus.dev';
const FEED = `${PAGE}/feed/json`;
const openStatus = getAdapter('openstatus');
const feed = () => json(readFixture('openstatus/documented-feed.json'));
const load = (body, source = PAGE) =>
  openStatus.load(new URL(source), fakeFetch({ [FEED]: JSON.stringify(body) }));

function allOperational() {
  const body = feed();
  body.status = 'success';
  for (const monitor of body.monitors) monitor.status = 'success';
  body.statusReports[0].status = 'resolved';
  return body;
}

describe('openstatus adapter', () => {
  test('page components with their monitors and groups, an open report with its updates', async () => {
    const fetch = fakeFetch({ [FEED]: readFixture('openstatus/documented-feed.json') });
    const snapshot = await openStatus.load(new URL(PAGE), fetch);
    assert.deepEqual(
      fetch.calls.map((call) => call.url),
      [FEED],
    );
    assert.equal(snapshot.page.name, 'Example Status');
    assert.equal(snapshot.page.url, `${PAGE}/`);
    assert.deepEqual(
      snapshot.components.map((c) => [c.id, c.name, c.status, c.group]),
      [
        ['1', 'API', 'degraded_performance', 'Platform'],
        ['2', 'Website', 'operational', 'Platform'],
        ['3', 'Support desk', 'operational', undefined],
      ],
      'a component without a monitor is operational when no open report names it',
    );
    assert.deepEqual(
      snapshot.incidents.map((i) => [i.id, i.status, i.impact, i.components]),
      [
        ['44', 'identified', 'minor', ['1']],
        ['40', 'resolved', 'minor', ['3']],
      ],
    );
    const [open] = snapshot.incidents;
    assert.equal(open.createdAt, '2024-06-03T09:00:00.000Z');
    assert.deepEqual(
      open.updates.map((u) => u.status),
      ['identified', 'investigating'],
    );
    assert.equal(snapshot.indicator, 'minor');
    assert.equal(snapshot.warnings, undefined);
  });

  test('all operational', async () => {
    const snapshot = await load(allOperational());
    assert.equal(snapshot.indicator, 'operational');
  });

  test('maintenance under way, and a monitor-less component it names', async () => {
    const body = allOperational();
    const now = Date.now();
    body.maintenances[0].from = new Date(now - 3_600_000).toISOString();
    body.maintenances[0].to = new Date(now + 3_600_000).toISOString();
    body.maintenances[0].pageComponents = [3];
    const snapshot = await load(body);
    assert.equal(snapshot.maintenances[0].status, 'in_progress');
    assert.equal(
      snapshot.maintenances[0].updates[0].body,
      'The API may be read-only for a few minutes.',
    );
    assert.equal(snapshot.components[2].status, 'under_maintenance');
    assert.equal(snapshot.indicator, 'maintenance');
  });

  test('an older feed with monitors only names monitors everywhere', async () => {
    const body = feed();
    delete body.pageComponents;
    delete body.pageComponentGroups;
    const snapshot = await load(body);
    assert.deepEqual(
      snapshot.components.map((c) => [c.id, c.status]),
      [
        ['31', 'degraded_performance'],
        ['32', 'operational'],
      ],
    );
    assert.deepEqual(snapshot.incidents[0].components, ['31']);
  });

  test('drops a broken report with a warning and keeps the rest', async () => {
    const body = feed();
    body.statusReports.push({
      id: 45,
      title: 'Odd',
      status: 'sideways',
      updatedAt: '2024-06-03T09:00:00Z',
    });
    const snapshot = await load(body);
    assert.equal(snapshot.incidents.length, 2);
    assert.deepEqual(snapshot.warnings, [
      'Dropped status report #3: its status "sideways" is not a report status.',
    ]);
  });

  test('JSON of another shape is a FeedFormatError naming the adapter, URL and problem', async () => {
    await rejectsFormat(load({ title: 'x' }), 'openstatus', FEED, /not an OpenStatus page feed/);
  });

  test('the public status API alone gives a badge its state', async () => {
    const api = 'https://api.openstatus.dev/public/status/example';
    for (const [status, indicator] of [
      ['operational', 'operational'],
      ['degraded_performance', 'minor'],
      ['major_outage', 'major'],
      ['incident', 'minor'],
      ['under_maintenance', 'maintenance'],
    ]) {
      const fetch = fakeFetch({ [api]: JSON.stringify({ status }) });
      const snapshot = await resolveAdapter(new URL(api)).load(new URL(api), fetch);
      assert.equal(snapshot.indicator, indicator, status);
      assert.equal(snapshot.page.url, PAGE + '/');
      assert.equal(fetch.calls.length, 1);
    }
    const fetch = fakeFetch({ [api]: JSON.stringify({ status: 'sideways' }) });
    await rejectsFormat(
      openStatus.load(new URL(api), fetch),
      'openstatus',
      api,
      /no known "status"/,
    );
  });

  test('detection: *.openstatus.dev is certain; a custom domain feed is read once', async () => {
    const fetch = fakeFetch({ [FEED]: readFixture('openstatus/documented-feed.json') });
    await resolveAdapter(new URL(PAGE)).load(new URL(PAGE), fetch);
    assert.deepEqual(
      fetch.calls.map((call) => call.url),
      [FEED],
    );

    const custom = 'https://status.example.com/feed/json';
    const customFetch = fakeFetch({ [custom]: readFixture('openstatus/documented-feed.json') });
    const snapshot = await resolveAdapter(new URL(custom)).load(new URL(custom), customFetch);
    assert.equal(snapshot.page.url, 'https://status.example.com/');
    assert.equal(customFetch.calls.length, 1, 'exactly one request');
  });
});
