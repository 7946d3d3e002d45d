// The better-stack adapter through the built package, against an index.json
// written from Better Stack's documentation of it.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { getAdapter, resolveAdapter } from 'status-widgets/adapters';
import { fakeFetch, readFixture } from '../helpers.js';
import { json, rejectsFormat } from './support.js';

const PAGE = 'https://example.betteruptime.com';
const INDEX = `${PAGE}/index.json`;
const betterStack = getAdapter('better-stack');
const index = () => json(readFixture('better-stack/documented-index.json'));
const load = (body, source = PAGE) =>
  betterStack.load(new URL(source), fakeFetch({ [INDEX]: JSON.stringify(body) }));

/** The fixture with nothing wrong: resources up, the open report closed. */
function allOperational() {
  const body = index();
  body.data.attributes.aggregate_state = 'operational';
  for (const item of body.included) {
    if (item.type === 'status_page_resource') item.attributes.status = 'operational';
    if (item.id === '501') item.attributes.aggregate_state = 'operational';
  }
  return body;
}

describe('better-stack adapter', () => {
  test('resources by section, an open report with its updates, a resolved one', async () => {
    const fetch = fakeFetch({ [INDEX]: readFixture('better-stack/documented-index.json') });
    const snapshot = await betterStack.load(new URL(PAGE), fetch);
    assert.deepEqual(
      fetch.calls.map((call) => call.url),
      [INDEX],
    );
    assert.equal(snapshot.page.name, 'Example');
    assert.equal(snapshot.page.url, `${PAGE}/`);
    assert.equal(snapshot.page.timeZone, 'Europe/Berlin');
    assert.deepEqual(
      snapshot.components.map((c) => [c.id, c.name, c.status, c.group]),
      [
        ['101', 'API', 'major_outage', 'Core services'],
        ['102', 'Dashboard', 'operational', 'Core services'],
        ['103', 'Nightly export', 'unknown', undefined],
      ],
    );
    assert.equal(snapshot.components[0].description, 'The public REST API');
    assert.deepEqual(
      snapshot.incidents.map((i) => [i.id, i.status, i.impact, i.components]),
      [
        ['501', 'investigating', 'major', ['101']],
        ['502', 'resolved', 'minor', ['102']],
      ],
    );
    const [open] = snapshot.incidents;
    assert.deepEqual(
      open.updates.map((u) => u.body),
      [
        'A faulty deploy is the cause; it is being rolled back.',
        'The API is not responding. We are looking into it.',
      ],
    );
    assert.equal(open.updatedAt, '2024-06-03T09:40:00.000Z');
    assert.equal(snapshot.incidents[1].resolvedAt, '2024-06-01T15:00:00.000Z');
    assert.equal(snapshot.indicator, 'major');
    assert.equal(snapshot.warnings, undefined);
  });

  test('all operational', async () => {
    const body = allOperational();
    body.data.attributes.timezone = 'Eastern Time (US & Canada)'; // not an IANA zone: left out
    const snapshot = await load(body);
    assert.equal(snapshot.page.timeZone, undefined);
    assert.equal(snapshot.indicator, 'operational');
    assert.ok(snapshot.incidents.every((i) => i.status === 'resolved'));
  });

  test('a maintenance report is scheduled, in progress or completed by its times', async () => {
    const body = allOperational();
    const report = body.included.find((item) => item.id === '503');
    const now = Date.now();
    report.attributes.starts_at = new Date(now - 3_600_000).toISOString();
    report.attributes.ends_at = new Date(now + 3_600_000).toISOString();
    let snapshot = await load(body);
    assert.equal(snapshot.maintenances[0].status, 'in_progress');
    assert.equal(snapshot.indicator, 'maintenance');

    report.attributes.starts_at = new Date(now + 3_600_000).toISOString();
    report.attributes.ends_at = new Date(now + 7_200_000).toISOString();
    snapshot = await load(body);
    assert.equal(snapshot.maintenances[0].status, 'scheduled');
    assert.equal(snapshot.indicator, 'operational');
    assert.equal(
      snapshot.maintenances[0].updates[0].body,
      'We will upgrade the primary database; the API may be read-only for a few minutes.',
    );
  });

  test('drops a broken resource and report with warnings, keeps the rest', async () => {
    const body = index();
    body.included.push({
      id: '104',
      type: 'status_page_resource',
      attributes: { status: 'operational' },
    });
    body.included.push({ id: '504', type: 'status_report', attributes: { title: 'No start' } });
    const snapshot = await load(body);
    assert.equal(snapshot.components.length, 3);
    assert.equal(snapshot.incidents.length + snapshot.maintenances.length, 3);
    assert.deepEqual(snapshot.warnings, [
      'Dropped resource #4: it has no id or public_name.',
      'Dropped status report #4: it has no readable starts_at.',
    ]);
  });

  test('JSON of another shape is a FeedFormatError naming the adapter, URL and problem', async () => {
    await rejectsFormat(
      load({ data: [] }),
      'better-stack',
      INDEX,
      /not a Better Stack index\.json/,
    );
  });

  test('detection: a Better Stack host is certain; a custom domain is read once', async () => {
    assert.equal(resolveAdapter(new URL(PAGE)).name, 'auto');
    const fetch = fakeFetch({ [INDEX]: readFixture('better-stack/documented-index.json') });
    await resolveAdapter(new URL(PAGE)).load(new URL(PAGE), fetch);
    assert.deepEqual(
      fetch.calls.map((call) => call.url),
      [INDEX],
    );

    const custom = 'https://status.example.com/index.json';
    const customFetch = fakeFetch({ [custom]: readFixture('better-stack/documented-index.json') });
    const snapshot = await resolveAdapter(new URL(custom)).load(new URL(custom), customFetch);
    assert.equal(snapshot.page.name, 'Example');
    assert.equal(customFetch.calls.length, 1, 'exactly one request');
  });
});
