// Every reader of a format without a next-update field gives `nextUpdateAt` from a
// promise in the latest update's text, read from the recorded or documented bodies.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { getAdapter } from 'status-widgets/adapters';
import { fakeFetch, readFixture } from '../helpers.js';
import { json } from './support.js';

const PROMISE = ' We will provide another update in 30 minutes.';
const plus30 = (iso) => new Date(Date.parse(iso) + 30 * 60_000).toISOString();

/** The active incident's promise, checked against its latest update's time. */
function assertPromised(incident) {
  assert.ok(incident, 'the active incident is read');
  assert.ok(incident.updates[0].body.endsWith(PROMISE.trim()), incident.updates[0].body);
  assert.equal(incident.nextUpdateAt, plus30(incident.updates[0].createdAt));
}

async function load(adapter, source, routes) {
  const fetch = fakeFetch(
    Object.fromEntries(
      Object.entries(routes).map(([u, b]) => [u, typeof b === 'string' ? b : JSON.stringify(b)]),
    ),
  );
  return getAdapter(adapter).load(new URL(source), fetch, undefined, { history: false });
}

describe('a promise in the text becomes nextUpdateAt', () => {
  test('statuspage: GitHub 2020, its latest update with a promise', async () => {
    const body = json(readFixture('statuspage/github-summary-major-2020-04-02.json'));
    body.incidents[0].incident_updates[0].body += PROMISE;
    const url = 'https://www.githubstatus.com/api/v2/summary.json';
    const snapshot = await load('statuspage', url, { [url]: body });
    const incident = snapshot.incidents[0];
    assertPromised(incident);
    assert.equal(incident.nextUpdateAt, '2020-04-02T20:56:36.354Z');
  });

  test('statuspage: the recording as it is promises nothing', async () => {
    const url = 'https://www.githubstatus.com/api/v2/summary.json';
    const body = readFixture('statuspage/github-summary-major-2020-04-02.json');
    const snapshot = await load('statuspage', url, { [url]: body });
    assert.equal(snapshot.incidents[0].nextUpdateAt, undefined);
  });

  test('statuspage: a promise in an older update is not read', async () => {
    const body = json(readFixture('statuspage/github-summary-major-2020-04-02.json'));
    body.incidents[0].incident_updates[1].body += PROMISE;
    const url = 'https://www.githubstatus.com/api/v2/summary.json';
    const snapshot = await load('statuspage', url, { [url]: body });
    assert.equal(snapshot.incidents[0].nextUpdateAt, undefined);
  });

  test('incident-io: the last update message', async () => {
    const body = json(readFixture('incident-io/documented-summary.json'));
    body.ongoing_incidents[0].last_update_message += PROMISE;
    const url = 'https://example.incident.io/api/v1/summary';
    const snapshot = await load('incident-io', 'https://example.incident.io', { [url]: body });
    assertPromised(snapshot.incidents[0]);
  });

  test('better-stack: the open report’s newest status update', async () => {
    const body = json(readFixture('better-stack/documented-index.json'));
    body.included.find((item) => item.id === '7002').attributes.message += PROMISE;
    const url = 'https://example.betteruptime.com/index.json';
    const snapshot = await load('better-stack', 'https://example.betteruptime.com', {
      [url]: body,
    });
    assertPromised(snapshot.incidents.find((incident) => incident.status !== 'resolved'));
  });

  test('cachet: the incident message', async () => {
    const base = 'https://status.example.com';
    const incidents = json(readFixture('cachet/documented-incidents.json'));
    incidents.data[0].message += PROMISE;
    const snapshot = await load('cachet', `${base}/api/v1/components`, {
      [`${base}/api/v1/components?per_page=100`]: readFixture('cachet/documented-components.json'),
      [`${base}/api/v1/components/groups?per_page=100`]: readFixture(
        'cachet/documented-groups.json',
      ),
      [`${base}/api/v1/incidents?per_page=50&sort=id&order=desc`]: incidents,
      [`${base}/api/v1/schedules?per_page=50`]: readFixture('cachet/documented-schedules.json'),
    });
    const incident = snapshot.incidents.find((i) => i.id === '12');
    assertPromised(incident);
    assert.equal(incident.nextUpdateAt, '2024-03-04T10:50:00.000Z');
  });

  test('cachet3: the latest update', async () => {
    const base = 'https://status.example.com';
    const incidents = json(readFixture('cachet3/documented-incidents.json'));
    incidents.data[0].attributes.message += PROMISE;
    for (const item of incidents.included ?? []) {
      if (item.type === 'updates') item.attributes.message += PROMISE;
    }
    const snapshot = await load('cachet3', `${base}/api/components`, {
      [`${base}/api/components?per_page=100&include=group`]: readFixture(
        'cachet3/documented-components.json',
      ),
      [`${base}/api/incidents?per_page=50&sort=-id&include=components%2Cupdates`]: incidents,
      [`${base}/api/schedules?per_page=50&include=components%2Cupdates`]: readFixture(
        'cachet3/documented-schedules.json',
      ),
      [`${base}/api/status`]: readFixture('cachet3/documented-status.json'),
    });
    assertPromised(snapshot.incidents.find((i) => i.id === '12'));
  });

  test('openstatus: the report’s newest update', async () => {
    const body = json(readFixture('openstatus/documented-feed.json'));
    const report = body.statusReports.find((r) => r.status !== 'resolved');
    report.statusReportUpdates.find((u) => u.id === 902).message += PROMISE;
    const url = 'https://example.openstatus.dev/feed/json';
    const snapshot = await load('openstatus', 'https://example.openstatus.dev', { [url]: body });
    assertPromised(snapshot.incidents.find((i) => i.status !== 'resolved'));
  });
});
