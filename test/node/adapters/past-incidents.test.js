// Which readers read a source's resolved past (`pastIncidentsRead`): only then may an
// incident list say "No incidents in the last 90 days". Recorded and documented
// responses, through the built package.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { getAdapter } from 'status-widgets/adapters';
import { fakeFetch, readFixture } from '../helpers.js';

const load = (name, url, routes, options) =>
  getAdapter(name).load(new URL(url), fakeFetch(routes), undefined, options);

describe('pastIncidentsRead', () => {
  describe('statuspage', () => {
    const routes = (host, incidents) => ({
      [`https://${host}/api/v2/summary.json`]: readFixture(
        'statuspage/github-summary-major-2020-04-02.json',
      ),
      ...(incidents && { [`https://${host}/api/v2/incidents.json`]: incidents }),
    });

    test('is true when incidents.json was read', async () => {
      const snapshot = await load(
        'statuspage',
        'https://read.example.com',
        routes('read.example.com', readFixture('statuspage/github-incidents-2024-09-17.json')),
      );
      assert.equal(snapshot.pastIncidentsRead, true);
    });

    test('is not set when incidents.json is missing or broken: the summary holds only what is open', async () => {
      const missing = await load(
        'statuspage',
        'https://missing.example.com',
        routes('missing.example.com'),
      );
      assert.equal(missing.pastIncidentsRead, undefined);
      assert.ok(missing.warnings.some((warning) => warning.includes('incidents.json')));
      const broken = await load(
        'statuspage',
        'https://broken.example.com',
        routes('broken.example.com', '{"page":{}}'),
      );
      assert.equal(broken.pastIncidentsRead, undefined);
    });

    test('is not set when the history was not asked for (a badge alone)', async () => {
      const snapshot = await load(
        'statuspage',
        'https://badge.example.com',
        routes('badge.example.com', readFixture('statuspage/github-incidents-2024-09-17.json')),
        { history: false },
      );
      assert.equal(snapshot.pastIncidentsRead, undefined);
    });
  });

  test('native: true, unless the feed says false (a relay of a source without a past)', async () => {
    const FEED = 'https://status.example.com/feed.json';
    const body = JSON.parse(readFixture('native/documented-feed.json'));
    assert.equal(
      (await load('native', FEED, { [FEED]: JSON.stringify(body) })).pastIncidentsRead,
      true,
    );
    body.pastIncidentsRead = false;
    assert.equal(
      (await load('native', FEED, { [FEED]: JSON.stringify(body) })).pastIncidentsRead,
      false,
    );
  });

  test('cachet (2.x): true, its incident list holds the resolved ones', async () => {
    const BASE = 'https://status.example.com/api/v1';
    const snapshot = await load('cachet', `${BASE}/components`, {
      [`${BASE}/components?per_page=100`]: readFixture('cachet/documented-components.json'),
      [`${BASE}/components/groups?per_page=100`]: readFixture('cachet/documented-groups.json'),
      [`${BASE}/incidents?per_page=50&sort=id&order=desc`]: readFixture(
        'cachet/documented-incidents.json',
      ),
      [`${BASE}/schedules?per_page=50`]: readFixture('cachet/documented-schedules.json'),
    });
    assert.equal(snapshot.pastIncidentsRead, true);
  });

  test('cachet3: true', async () => {
    const BASE = 'https://status.example.com';
    const snapshot = await load('cachet3', BASE, {
      [`${BASE}/api/components?per_page=100&include=group`]: readFixture(
        'cachet3/documented-components.json',
      ),
      [`${BASE}/api/incidents?per_page=50&sort=-id&include=components%2Cupdates`]: readFixture(
        'cachet3/documented-incidents.json',
      ),
      [`${BASE}/api/schedules?per_page=50&include=components%2Cupdates`]: readFixture(
        'cachet3/documented-schedules.json',
      ),
      [`${BASE}/api/status`]: readFixture('cachet3/documented-status.json'),
    });
    assert.equal(snapshot.pastIncidentsRead, true);
  });

  test('openstatus: true, its status reports include resolved ones', async () => {
    const PAGE = 'https://example.openstatus.dev';
    const snapshot = await load('openstatus', PAGE, {
      [`${PAGE}/feed/json`]: readFixture('openstatus/documented-feed.json'),
    });
    assert.equal(snapshot.pastIncidentsRead, true);
  });

  // These formats list only what is open or planned (or, for monitors, nothing).
  const without = [
    [
      'uptime-kuma',
      'https://kuma.example.com/status/main',
      {
        'https://kuma.example.com/api/status-page/main': 'uptime-kuma/documented-status-page.json',
        'https://kuma.example.com/api/status-page/heartbeat/main':
          'uptime-kuma/documented-heartbeat.json',
      },
    ],
    [
      'gatus',
      'https://gatus.example.com/',
      {
        'https://gatus.example.com/api/v1/endpoints/statuses': 'gatus/documented-statuses.json',
        'https://gatus.example.com/api/v1/config': 'gatus/documented-config.json',
      },
    ],
    [
      'incident-io',
      'https://example.incident.io',
      { 'https://example.incident.io/api/v1/summary': 'incident-io/documented-summary.json' },
    ],
    [
      'instatus',
      'https://example.instatus.com',
      {
        'https://example.instatus.com/summary.json': 'instatus/documented-summary.json',
        'https://example.instatus.com/v2/components.json': 'instatus/documented-components.json',
      },
    ],
    [
      'better-stack',
      'https://example.betteruptime.com',
      { 'https://example.betteruptime.com/index.json': 'better-stack/documented-index.json' },
    ],
  ];
  for (const [name, url, files] of without) {
    test(`${name}: not set, the format carries no resolved history`, async () => {
      const routes = Object.fromEntries(
        Object.entries(files).map(([route, file]) => [route, readFixture(file)]),
      );
      const snapshot = await load(name, url, routes);
      assert.ok(snapshot.components.length > 0, `${name} read its components`);
      assert.equal(snapshot.pastIncidentsRead, undefined);
    });
  }
});
