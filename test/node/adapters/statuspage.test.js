// The statuspage adapter, through the built package as a Node user imports it.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { getAdapter, FeedFormatError, FeedRequestError } from 'status-widgets/adapters';
import { fakeFetch, readFixture } from '../helpers.js';

const SUMMARY = 'https://www.githubstatus.com/api/v2/summary.json';
const statuspage = getAdapter('statuspage');

describe('statuspage adapter', () => {
  test('reads the recorded GitHub major outage', async () => {
    const fetch = fakeFetch({
      [SUMMARY]: readFixture('statuspage/github-summary-major-2020-04-02.json'),
    });
    const snapshot = await statuspage.load(new URL('https://www.githubstatus.com'), fetch);

    assert.equal(fetch.calls.length, 1);
    assert.equal(fetch.calls[0].url, SUMMARY);
    assert.equal(snapshot.page.name, 'GitHub');
    assert.equal(snapshot.page.url, 'https://www.githubstatus.com');
    assert.equal(snapshot.page.timeZone, 'Etc/UTC');
    assert.equal(snapshot.indicator, 'major');
    assert.equal(snapshot.description, 'Partial System Outage');
    assert.equal(snapshot.components.length, 9);
    assert.equal(snapshot.components.filter((c) => c.status === 'major_outage').length, 5);
    assert.equal(snapshot.components.filter((c) => c.status === 'partial_outage').length, 1);

    assert.equal(snapshot.incidents.length, 1);
    const [incident] = snapshot.incidents;
    assert.equal(incident.status, 'investigating');
    assert.equal(incident.impact, 'major');
    assert.equal(incident.url, 'http://stspg.io/n0wskg2n6bvy');
    assert.equal(incident.updates.length, 2);
    assert.equal(
      incident.updates[0].body,
      'We are investigating reports of service unavailability.',
    );
    assert.ok(
      incident.updates[0].createdAt > incident.updates[1].createdAt,
      'updates newest first',
    );
    assert.equal(snapshot.warnings, undefined);
  });

  test('accepts a URL that already ends in /api/v2/summary.json', async () => {
    const fetch = fakeFetch({
      [SUMMARY]: readFixture('statuspage/github-summary-major-2020-04-02.json'),
    });
    const snapshot = await statuspage.load(new URL(SUMMARY), fetch);
    assert.equal(fetch.calls[0].url, SUMMARY);
    assert.equal(snapshot.indicator, 'major');
  });

  test('reads groups and maintenance from the documented summary', async () => {
    const url = 'https://status.example.com/api/v2/summary.json';
    const fetch = fakeFetch({
      [url]: readFixture('statuspage/documented-summary-maintenance-groups.json'),
    });
    const snapshot = await statuspage.load(new URL('https://status.example.com/'), fetch);
    assert.equal(snapshot.page.timeZone, 'America/New_York');
    assert.ok(
      !snapshot.components.some((c) => c.name === 'Core Platform'),
      'a group is not a component',
    );
    const database = snapshot.components.find((c) => c.id === 'cmp-db');
    assert.equal(database.group, 'Core Platform');
    assert.equal(database.status, 'under_maintenance');
    const active = snapshot.maintenances.find((m) => m.id === 'mnt-active');
    assert.equal(active.status, 'in_progress');
    assert.ok(active.scheduledFor.endsWith('Z'), 'dates are ISO strings in UTC');
    assert.notEqual(snapshot.indicator, 'operational');
  });

  test('strips markup from bodies and keeps line breaks', async () => {
    const body = JSON.parse(readFixture('statuspage/github-summary-major-2020-04-02.json'));
    body.incidents[0].incident_updates[0].body =
      'Line one<br />Line <b>two</b> &amp; more<script>alert(1)</script>';
    body.incidents[0].shortlink = 'javascript:alert(1)';
    const snapshot = await statuspage.load(
      new URL(SUMMARY),
      fakeFetch({ [SUMMARY]: JSON.stringify(body) }),
    );
    assert.equal(snapshot.incidents[0].updates[0].body, 'Line one\nLine two & more');
    assert.equal(snapshot.incidents[0].url, 'https://www.githubstatus.com/incidents/80d0cs6kpsps');
  });

  test('drops a broken incident with a warning and keeps the rest', async () => {
    const body = JSON.parse(readFixture('statuspage/github-summary-major-2020-04-02.json'));
    body.incidents.push({ name: 'no id', status: 'investigating' }, 42);
    const snapshot = await statuspage.load(
      new URL(SUMMARY),
      fakeFetch({ [SUMMARY]: JSON.stringify(body) }),
    );
    assert.equal(snapshot.incidents.length, 1);
    assert.equal(snapshot.warnings.length, 2);
    assert.match(snapshot.warnings[0], /incident #2/);
  });

  test('an HTML page is a FeedFormatError naming the adapter and URL', async () => {
    const fetch = fakeFetch({ [SUMMARY]: '<!doctype html><html><body>Status</body></html>' });
    await assert.rejects(statuspage.load(new URL(SUMMARY), fetch), (error) => {
      assert.ok(error instanceof FeedFormatError);
      assert.match(error.message, /statuspage/);
      assert.match(error.message, /githubstatus\.com/);
      assert.match(error.message, /HTML/);
      return true;
    });
  });

  test('JSON of another shape is a FeedFormatError, never "operational"', async () => {
    const fetch = fakeFetch({ [SUMMARY]: JSON.stringify({ hello: 'world' }) });
    await assert.rejects(statuspage.load(new URL(SUMMARY), fetch), FeedFormatError);
  });

  test('an empty body is a FeedFormatError', async () => {
    const fetch = fakeFetch({ [SUMMARY]: '' });
    await assert.rejects(statuspage.load(new URL(SUMMARY), fetch), /empty/);
  });

  test('HTTP 503 is a FeedRequestError with the status', async () => {
    const fetch = fakeFetch({ [SUMMARY]: { status: 503, body: 'busy' } });
    await assert.rejects(statuspage.load(new URL(SUMMARY), fetch), (error) => {
      assert.ok(error instanceof FeedRequestError);
      assert.equal(error.status, 503);
      return true;
    });
  });
});
