// The statuspage adapter, through the built package as a Node user imports it.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { getAdapter, FeedFormatError, FeedRequestError } from 'status-widgets/adapters';
import { fakeFetch, readFixture } from '../helpers.js';

const SUMMARY = 'https://www.githubstatus.com/api/v2/summary.json';
const INCIDENTS = 'https://www.githubstatus.com/api/v2/incidents.json';
const statuspage = getAdapter('statuspage');

const NO_HISTORY = JSON.stringify({ page: {}, incidents: [] });

let pages = 0;
/** A page of its own per test: resolved history is remembered per summary URL. */
function page() {
  pages += 1;
  const base = `https://status-${pages}.example.test`;
  return {
    base,
    summary: `${base}/api/v2/summary.json`,
    incidents: `${base}/api/v2/incidents.json`,
  };
}

describe('statuspage adapter', () => {
  test('reads the recorded GitHub major outage', async () => {
    const fetch = fakeFetch({
      [SUMMARY]: readFixture('statuspage/github-summary-major-2020-04-02.json'),
      [INCIDENTS]: readFixture('statuspage/github-incidents-2024-09-17.json'),
    });
    const snapshot = await statuspage.load(new URL('https://www.githubstatus.com'), fetch);

    assert.deepEqual(
      fetch.calls.map((call) => call.url),
      [SUMMARY, INCIDENTS],
    );
    assert.equal(snapshot.page.name, 'GitHub');
    assert.equal(snapshot.page.url, 'https://www.githubstatus.com');
    assert.equal(snapshot.page.timeZone, 'Etc/UTC');
    assert.equal(snapshot.indicator, 'major');
    assert.equal(snapshot.description, 'Partial System Outage');
    assert.equal(snapshot.components.length, 9);
    assert.equal(snapshot.components.filter((c) => c.status === 'major_outage').length, 5);
    assert.equal(snapshot.components.filter((c) => c.status === 'partial_outage').length, 1);

    // The live incident, then the resolved history from incidents.json.
    assert.deepEqual(
      snapshot.incidents.map((i) => [i.id, i.status]),
      [
        ['69sb0f8lydp4', 'resolved'],
        ['r3x7x31k7nn1', 'resolved'],
        ['80d0cs6kpsps', 'investigating'],
      ],
    );
    const incident = snapshot.incidents.find((i) => i.id === '80d0cs6kpsps');
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

  test('the words and the colour never disagree: the page line goes when it describes something else', async () => {
    // A minor incident is open during a maintenance: the page says maintenance, we say minor.
    const { summary, incidents } = page();
    const body = JSON.parse(readFixture('statuspage/documented-summary-maintenance-groups.json'));
    body.status = { indicator: 'maintenance', description: 'Service Under Maintenance' };
    body.incidents = [
      {
        id: 'inc-minor',
        name: 'Slow logins',
        status: 'investigating',
        impact: 'minor',
        created_at: '2024-03-04T10:00:00Z',
        incident_updates: [],
      },
    ];
    let snapshot = await statuspage.load(
      new URL(summary),
      fakeFetch({ [summary]: JSON.stringify(body), [incidents]: NO_HISTORY }),
    );
    assert.equal(snapshot.indicator, 'minor');
    assert.equal(snapshot.description, '', 'not "Service Under Maintenance" beside a minor colour');

    // The documented page pairs a minor indicator with "Service Under Maintenance".
    const documented = page();
    snapshot = await statuspage.load(
      new URL(documented.summary),
      fakeFetch({
        [documented.summary]: readFixture('statuspage/documented-summary-maintenance-groups.json'),
        [documented.incidents]: NO_HISTORY,
      }),
    );
    assert.equal(snapshot.indicator, 'minor');
    assert.equal(snapshot.description, '');

    // Maintenance alone: the page's words are ours.
    const calm = page();
    body.incidents = [];
    snapshot = await statuspage.load(
      new URL(calm.summary),
      fakeFetch({ [calm.summary]: JSON.stringify(body), [calm.incidents]: NO_HISTORY }),
    );
    assert.equal(snapshot.indicator, 'maintenance');
    assert.equal(snapshot.description, 'Service Under Maintenance');
  });

  test('strips markup from bodies and keeps line breaks', async () => {
    const body = JSON.parse(readFixture('statuspage/github-summary-major-2020-04-02.json'));
    body.incidents[0].incident_updates[0].body =
      'Line one<br />Line <b>two</b> &amp; more<script>alert(1)</script>';
    body.incidents[0].shortlink = 'javascript:alert(1)';
    const { summary, incidents } = page();
    const snapshot = await statuspage.load(
      new URL(summary),
      fakeFetch({ [summary]: JSON.stringify(body), [incidents]: NO_HISTORY }),
    );
    assert.equal(snapshot.incidents[0].updates[0].body, 'Line one\nLine two & more');
    assert.equal(snapshot.incidents[0].url, 'https://www.githubstatus.com/incidents/80d0cs6kpsps');
  });

  test('drops a broken incident with a warning and keeps the rest', async () => {
    const body = JSON.parse(readFixture('statuspage/github-summary-major-2020-04-02.json'));
    body.incidents.push({ name: 'no id', status: 'investigating' }, 42);
    const { summary, incidents } = page();
    const snapshot = await statuspage.load(
      new URL(summary),
      fakeFetch({ [summary]: JSON.stringify(body), [incidents]: NO_HISTORY }),
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

  test('all operational: no incidents, green components, indicator operational', async () => {
    const body = JSON.parse(readFixture('statuspage/github-summary-major-2020-04-02.json'));
    body.status = { indicator: 'none', description: 'All Systems Operational' };
    body.components.forEach((c) => (c.status = 'operational'));
    body.incidents = [];
    const { summary, incidents } = page();
    const snapshot = await statuspage.load(
      new URL(summary),
      fakeFetch({ [summary]: JSON.stringify(body), [incidents]: NO_HISTORY }),
    );
    assert.equal(snapshot.indicator, 'operational');
    assert.equal(snapshot.description, 'All Systems Operational');
    assert.equal(snapshot.incidents.length, 0);
    assert.equal(snapshot.warnings, undefined);
  });

  test('asks for the history alongside the summary on the first load (one round trip)', async () => {
    const { base, summary, incidents } = page();
    let answerSummary;
    const asked = [];
    const fetch = async (input) => {
      asked.push(String(input));
      if (String(input) === incidents) return new Response(NO_HISTORY);
      // The summary answers only when the test says so.
      await new Promise((resolve) => (answerSummary = resolve));
      return new Response(readFixture('statuspage/github-summary-major-2020-04-02.json'));
    };
    const loading = statuspage.load(new URL(base), fetch);
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(asked, [summary, incidents], 'both asked before the summary answered');
    answerSummary();
    assert.equal((await loading).indicator, 'major');
  });

  test('reads incidents.json on the first load and again only when page.updated_at changes', async () => {
    const body = JSON.parse(readFixture('statuspage/github-summary-major-2020-04-02.json'));
    const history = readFixture('statuspage/github-incidents-2024-09-17.json');
    const { base, summary, incidents } = page();
    const routes = { [summary]: JSON.stringify(body), [incidents]: history };
    const fetch = fakeFetch(routes);

    const first = await statuspage.load(new URL(base), fetch);
    assert.deepEqual(
      fetch.calls.map((call) => call.url),
      [summary, incidents],
    );
    assert.equal(first.incidents.length, 3);

    const second = await statuspage.load(new URL(base), fetch);
    assert.equal(fetch.calls.length, 3, 'an unchanged page costs one request');
    assert.equal(fetch.calls[2].url, summary);
    assert.deepEqual(
      second.incidents.map((i) => i.id),
      first.incidents.map((i) => i.id),
      'the remembered history is reused',
    );

    body.page.updated_at = '2020-04-02T21:00:00.000Z';
    routes[summary] = JSON.stringify(body);
    const trimmed = JSON.parse(history);
    trimmed.incidents = trimmed.incidents.slice(0, 1);
    routes[incidents] = JSON.stringify(trimmed);
    const third = await statuspage.load(new URL(base), fetch);
    assert.deepEqual(
      fetch.calls.slice(3).map((call) => call.url),
      [summary, incidents],
    );
    assert.equal(third.incidents.length, 2, 'the new history replaced the old');
  });

  test('a page without incidents.json keeps its live state and says why history is missing', async () => {
    const { summary } = page();
    const snapshot = await statuspage.load(
      new URL(summary),
      fakeFetch({ [summary]: readFixture('statuspage/github-summary-major-2020-04-02.json') }),
    );
    assert.equal(snapshot.indicator, 'major');
    assert.equal(snapshot.incidents.length, 1);
    assert.equal(snapshot.warnings.length, 1);
    assert.match(snapshot.warnings[0], /incidents\.json.*HTTP 404/);
  });

  test('a broken past incident in incidents.json is dropped with a warning', async () => {
    const history = JSON.parse(readFixture('statuspage/github-incidents-2024-09-17.json'));
    history.incidents.push({
      id: 'x',
      name: 'Bad status',
      status: 'exploded',
      created_at: '2024-09-01T00:00:00Z',
    });
    const { summary, incidents } = page();
    const snapshot = await statuspage.load(
      new URL(summary),
      fakeFetch({
        [summary]: readFixture('statuspage/github-summary-major-2020-04-02.json'),
        [incidents]: JSON.stringify(history),
      }),
    );
    assert.equal(snapshot.incidents.length, 3);
    assert.equal(snapshot.warnings.length, 1);
    assert.match(snapshot.warnings[0], /past incident #3.*exploded/);
  });
});
