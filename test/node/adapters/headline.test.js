// The overall word follows the source's own headline, except a headline of all
// well while something is down; and Statuspage's per-update component statuses.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { deriveIndicator } from 'status-widgets';
import { getAdapter, readNativeFeed } from 'status-widgets/adapters';
import { fakeFetch, readFixture } from '../helpers.js';
import { json } from './support.js';

const SUMMARY = 'https://www.githubstatus.com/api/v2/summary.json';
const github = () => json(readFixture('statuspage/github-summary-major-2020-04-02.json'));
const read = (body) =>
  getAdapter('statuspage').load(
    new URL(SUMMARY),
    fakeFetch({ [SUMMARY]: JSON.stringify(body) }),
    undefined,
    { history: false },
  );

describe('the overall word follows the headline', () => {
  test("GitHub 2020 gives the page's own major, with its own line", async () => {
    const snapshot = await read(github());
    assert.equal(snapshot.indicator, 'major');
    assert.equal(snapshot.description, 'Partial System Outage');
  });

  test('a headline of minor with a component in major outage stays minor', async () => {
    const body = github();
    body.status = { indicator: 'minor', description: 'Minor Service Outage' };
    const snapshot = await read(body);
    assert.ok(snapshot.components.some((c) => c.status === 'major_outage'));
    assert.equal(snapshot.indicator, 'minor');
    assert.equal(snapshot.description, 'Minor Service Outage', 'the words and the colour agree');
    // The incident keeps its own impact for the banner.
    assert.equal(snapshot.incidents[0].impact, 'major');
  });

  test('a headline of all well with a component down: the worst active item speaks', async () => {
    const body = github();
    body.status = { indicator: 'none', description: 'All Systems Operational' };
    body.incidents = [];
    const snapshot = await read(body);
    assert.equal(snapshot.indicator, 'major');
    assert.equal(snapshot.description, '', 'the all-well line is not shown');
  });

  test('a headline of all well with an incident open: the incident speaks', async () => {
    const body = github();
    body.status = { indicator: 'none', description: 'All Systems Operational' };
    body.components.forEach((c) => (c.status = 'operational'));
    body.incidents[0].impact = 'critical';
    assert.equal((await read(body)).indicator, 'critical');
  });

  test('a headline of maintenance never hides an outage', async () => {
    const body = github();
    body.status = { indicator: 'maintenance', description: 'Service Under Maintenance' };
    assert.equal((await read(body)).indicator, 'major');
  });

  test('the rule itself: the headline, unless it says all is well while something is down', () => {
    const down = [{ status: 'major_outage' }];
    const open = [{ status: 'identified', impact: 'critical' }];
    assert.equal(deriveIndicator({ components: down }, 'minor'), 'minor');
    assert.equal(deriveIndicator({ incidents: open }, 'major'), 'major');
    assert.equal(deriveIndicator({ components: [{ status: 'operational' }] }, 'major'), 'major');
    assert.equal(deriveIndicator({ components: down }, 'operational'), 'major');
    assert.equal(deriveIndicator({ components: down }, 'unknown'), 'major');
    assert.equal(deriveIndicator({ incidents: open }, 'maintenance'), 'critical');
    // Components alone never make "critical".
    assert.equal(deriveIndicator({ components: down }), 'major');
  });

  test('native: the feed’s own indicator, but never "operational" over an outage', () => {
    const body = json(readFixture('native/documented-feed.json'));
    body.indicator = 'minor';
    assert.equal(readNativeFeed(body, 'https://x.test/feed.json').indicator, 'minor');
    body.indicator = 'operational';
    assert.notEqual(readNativeFeed(body, 'https://x.test/feed.json').indicator, 'operational');
  });
});

describe('what each update did to each component', () => {
  test('statuspage: affected_components become each update’s `affected`', async () => {
    const history = json(readFixture('statuspage/github-incidents-2024-09-17.json'));
    const { readStatuspageIncidents } = await import('status-widgets/adapters');
    const warnings = { add() {}, list: [] };
    const [actions] = readStatuspageIncidents(history, 'https://x.test/incidents.json', warnings);
    const first = actions.updates.at(-1);
    assert.deepEqual(first.affected, [
      { id: 'vg70hn9s2tyj', status: 'partial_outage' },
      { id: 'br0l2tvcx85d', status: 'partial_outage' },
    ]);
    assert.deepEqual(actions.updates[0].affected, [
      { id: 'vg70hn9s2tyj', status: 'operational' },
      { id: 'br0l2tvcx85d', status: 'operational' },
    ]);
    // An update naming none has no list; an unknown status is left out.
    const [, ssh] = readStatuspageIncidents(history, 'https://x.test/incidents.json', warnings);
    assert.ok(ssh.updates.every((update) => update.affected === undefined));
  });

  test('statuspage: an unknown new_status is dropped, the list is bounded', async () => {
    const body = github();
    body.incidents[0].incident_updates[0].affected_components = [
      { code: 'a', new_status: 'exploded' },
      ...Array.from({ length: 1000 }, (_, i) => ({ code: `c${i}`, new_status: 'major_outage' })),
    ];
    const update = (await read(body)).incidents[0].updates[0];
    assert.equal(update.affected.length, 499);
    assert.deepEqual(update.affected[0], { id: 'c0', status: 'major_outage' });
  });

  test('native: `affected` is read back', () => {
    const body = json(readFixture('native/documented-feed.json'));
    const incident = body.incidents[0];
    incident.updates[0].affected = [
      { id: 'api', status: 'major_outage' },
      { id: 'x', status: 'nope' },
    ];
    const read = readNativeFeed(body, 'https://x.test/feed.json');
    const update = read.incidents
      .find((i) => i.id === incident.id)
      .updates.find((u) => u.id === incident.updates[0].id);
    assert.deepEqual(update.affected, [{ id: 'api', status: 'major_outage' }]);
  });
});
