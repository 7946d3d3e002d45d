// The incident-io adapter through the built package, against a widget API
// response written from incident.io's documentation and client types.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { getAdapter, resolveAdapter } from 'status-widgets/adapters';
import { fakeFetch, readFixture } from '../helpers.js';
import { json, rejectsFormat } from './support.js';

const PAGE = 'https://example.incident.io';
const SUMMARY = `${PAGE}/api/v1/summary`;
const incidentIo = getAdapter('incident-io');
const summary = () => json(readFixture('incident-io/documented-summary.json'));
const load = (body, source = PAGE) =>
  incidentIo.load(new URL(source), fakeFetch({ [SUMMARY]: JSON.stringify(body) }));

describe('incident-io adapter', () => {
  test('an ongoing full outage is critical, with its last update and affected components', async () => {
    const fetch = fakeFetch({ [SUMMARY]: readFixture('incident-io/documented-summary.json') });
    const snapshot = await incidentIo.load(new URL(PAGE), fetch);
    assert.deepEqual(
      fetch.calls.map((call) => call.url),
      [SUMMARY],
    );
    assert.equal(snapshot.page.name, 'Example Status');
    assert.equal(snapshot.page.url, 'https://status.example.com/');
    const [incident] = snapshot.incidents;
    assert.equal(incident.status, 'identified');
    assert.equal(incident.impact, 'critical', 'full_outage is the worst impact there is');
    assert.equal(
      incident.updates[0].body,
      'We have found the cause: a failed database migration. A rollback is under way.',
    );
    assert.equal(incident.updatedAt, '2024-06-03T09:40:00.000Z');
    assert.deepEqual(incident.components, [
      '01HZX4QK9R2W6T8Y0B3N5M7P1A',
      '01HZX4QK9R2W6T8Y0B3N5M7P1B',
    ]);
    assert.deepEqual(
      snapshot.components.map((c) => [c.name, c.status, c.group]),
      [
        ['Search', 'under_maintenance', undefined],
        ['Checkout', 'major_outage', 'Payments'],
        ['Card payments', 'major_outage', 'Payments'],
      ],
      'a component shows the worst event that names it',
    );
    assert.equal(snapshot.indicator, 'critical');
    assert.equal(snapshot.warnings, undefined);
  });

  test('each impact maps to its own severity', async () => {
    for (const [worst, impact, status] of [
      ['degraded_performance', 'minor', 'degraded_performance'],
      ['partial_outage', 'major', 'partial_outage'],
      ['full_outage', 'critical', 'major_outage'],
    ]) {
      const body = summary();
      body.ongoing_incidents[0].current_worst_impact = worst;
      body.in_progress_maintenances = [];
      body.scheduled_maintenances = [];
      const snapshot = await load(body);
      assert.equal(snapshot.incidents[0].impact, impact, worst);
      assert.equal(snapshot.components[0].status, status, worst);
    }
  });

  test('maintenance in progress and scheduled', async () => {
    const body = summary();
    body.ongoing_incidents = [];
    const snapshot = await load(body);
    assert.deepEqual(
      snapshot.maintenances.map((m) => [m.name, m.status, m.scheduledFor, m.scheduledUntil]),
      [
        [
          'Search index rebuild',
          'in_progress',
          '2024-06-03T08:00:00.000Z',
          '2024-06-03T12:00:00.000Z',
        ],
        ['Database upgrade', 'scheduled', '2024-06-10T22:00:00.000Z', '2024-06-10T23:00:00.000Z'],
      ],
    );
    assert.equal(snapshot.indicator, 'maintenance');
  });

  test('nothing ongoing is operational', async () => {
    const snapshot = await load({
      page_title: 'Example Status',
      page_url: 'https://status.example.com',
      ongoing_incidents: [],
      in_progress_maintenances: [],
      scheduled_maintenances: [],
    });
    assert.equal(snapshot.indicator, 'operational');
    assert.deepEqual(snapshot.components, []);
  });

  test('drops a broken incident with a warning and keeps the rest', async () => {
    const body = summary();
    body.ongoing_incidents.push({
      id: 'x',
      name: 'Odd',
      status: 'sideways',
      last_update_at: '2024-06-03T09:00:00Z',
    });
    body.ongoing_incidents.push({ id: 'y', status: 'investigating' });
    const snapshot = await load(body);
    assert.equal(snapshot.incidents.length, 1);
    assert.deepEqual(snapshot.warnings, [
      'Dropped incident #2: its status "sideways" is not an incident status.',
      'Dropped incident #3: it has no id or name.',
    ]);
  });

  test('a maintenance list that is not a list is reported, and the incidents still read', async () => {
    const body = summary();
    body.scheduled_maintenances = { broken: true };
    const snapshot = await load(body);
    assert.equal(snapshot.incidents.length, 1);
    assert.deepEqual(snapshot.warnings, [
      '"scheduled_maintenances" is not a list, so its maintenances were not read.',
    ]);
  });

  test('JSON of another shape is a FeedFormatError naming the adapter, URL and problem', async () => {
    await rejectsFormat(
      load({ page: {}, status: {} }),
      'incident-io',
      SUMMARY,
      /no "ongoing_incidents" list.*not an incident\.io widget API response/,
    );
  });

  test('detection: a page on *.incident.io is certain; a custom domain is read once', async () => {
    // Certain by its host: no request before the reader's own.
    const hosted = new URL(PAGE);
    const fetch = fakeFetch({ [SUMMARY]: readFixture('incident-io/documented-summary.json') });
    const snapshot = await resolveAdapter(hosted).load(hosted, fetch);
    assert.equal(snapshot.incidents.length, 1);
    assert.deepEqual(
      fetch.calls.map((call) => call.url),
      [SUMMARY],
    );

    // A custom domain's widget API URL: its body tells, and that one response is read.
    const custom = 'https://status.example.com/api/v1/summary';
    const customFetch = fakeFetch({ [custom]: readFixture('incident-io/documented-summary.json') });
    const adapter = resolveAdapter(new URL(custom));
    const read = await adapter.load(new URL(custom), customFetch);
    assert.equal(read.indicator, 'critical');
    assert.equal(customFetch.calls.length, 1, 'exactly one request');

    // Its Statuspage-compatible API is read by the Statuspage reader.
    assert.equal(resolveAdapter(new URL(`${PAGE}/api/v2/summary.json`)).name, 'statuspage');
  });
});
