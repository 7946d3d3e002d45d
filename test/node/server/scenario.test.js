// The demo scenarios, observed through /events as a widget would: every state of the
// story in order, each consistent in itself, in English and in Chinese.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { dateInZone } from '../../../dist/model/days.js';
import { eventReader, startServer } from './helpers.js';

const MINUTE = 60_000;

/** The story's state as a feed shows it: the newest incident's status, impact, overdue. */
function stateOf(feed, now) {
  const incident = feed.incidents[0];
  const maintenance = feed.maintenances.find((item) => item.components.includes('dashboard'));
  if (feed.incidents.length === 1) {
    // Only the earlier incident: the story is before the new one.
    return maintenance.status === 'in_progress' ? 'maintenance' : 'calm';
  }
  if (incident.status === 'resolved' || incident.status === 'postmortem') return incident.status;
  if (incident.status === 'monitoring') return 'monitoring';
  const promised = Date.parse(incident.nextUpdateAt);
  if (promised < now) return 'overdue';
  return { minor: 'investigating', major: 'major', critical: 'critical' }[incident.impact];
}

/** Collects one whole pass of the loop (from its first step back to it). */
async function onePass(scenario) {
  const ctx = await startServer({ dataFile: undefined, scenario, stepSeconds: 0.05 });
  try {
    const events = eventReader(await fetch(`${ctx.base}/events`));
    const feeds = [];
    let passes = 0;
    while (passes < 2) {
      const feed = JSON.parse((await events.next()).data);
      const state = stateOf(feed, Date.now());
      if (state === 'calm' && feeds.at(-1)?.state !== 'calm') passes += 1;
      if (passes === 1) feeds.push({ state, feed });
    }
    await events.cancel();
    return feeds;
  } finally {
    await ctx.close();
  }
}

describe('--scenario demo', () => {
  let pass;
  test('tells one incident from start to finish, in order', async () => {
    pass = await onePass('demo');
    assert.deepEqual(
      pass.map((step) => step.state),
      [
        'calm',
        'maintenance',
        'investigating',
        'major',
        'critical',
        'overdue',
        'monitoring',
        'resolved',
        'postmortem',
      ],
    );
  });

  test('names the status page and the subscribe page', () => {
    for (const { feed } of pass) {
      assert.equal(feed.page.url, 'https://status.acmecloud.example');
      assert.equal(feed.page.subscribeUrl, 'https://status.acmecloud.example/subscribe');
    }
  });

  test('each state is a moment with believable times: updates minutes apart, promises kept or broken', () => {
    const at = (state) => pass.find((step) => step.state === state).feed;
    const investigating = at('investigating').incidents[0];
    assert.equal(investigating.name, 'Deploys failing for some customers');
    assert.match(investigating.updates[0].body, /^We are investigating reports of deploys failing/);
    assert.ok(Date.parse(investigating.nextUpdateAt) > Date.now(), 'the promise is ahead');

    const critical = at('critical').incidents[0];
    assert.equal(critical.name, 'Deploys failing in all regions');
    assert.equal(critical.updates.length, 3);
    const [latest, , first] = critical.updates.map((update) => Date.parse(update.createdAt));
    assert.ok(latest - first > 20 * MINUTE, 'the first update was a while ago');

    // Overdue: the promise came after the last update, and has passed.
    const overdue = at('overdue').incidents[0];
    const promised = Date.parse(overdue.nextUpdateAt);
    assert.ok(promised > Date.parse(overdue.updates[0].createdAt));
    assert.ok(promised < Date.now() - 4 * MINUTE);
    assert.equal(overdue.id, critical.id, 'the same incident throughout the pass');

    const resolved = at('resolved').incidents[0];
    assert.ok(resolved.resolvedAt);
    assert.equal(resolved.nextUpdateAt, undefined, 'nothing is promised once resolved');
    assert.equal(at('resolved').indicator, 'operational');

    const postmortem = at('postmortem').incidents[0];
    assert.equal(
      postmortem.postmortemUrl,
      'https://status.acmecloud.example/incidents/deploys-failing/postmortem',
    );
    // The widgets link it; the text does not print the raw address beside the link.
    assert.doesNotMatch(postmortem.updates[0].body, /https?:\/\//);
    assert.ok(
      Date.now() - Date.parse(postmortem.resolvedAt) < 30 * MINUTE,
      "still within the banner's default 30 resolved minutes",
    );
  });

  test("tells the same story in its components' uptime history, from 90 days back", () => {
    const day = (feed, id, date) =>
      feed.components.find((item) => item.id === id).history.find((d) => d.date === date);
    const critical = pass.find((step) => step.state === 'critical').feed;
    const builds = critical.components.find((item) => item.id === 'builds').history;
    assert.ok(builds.length >= 90 && builds.length <= 92, `${builds.length} days of history`);
    // Three days ago: Builds slowed for 42 minutes (slow is not down).
    const earlier = critical.incidents.find((item) => item.status === 'postmortem');
    // The slowdown may cross midnight in the page's zone: count both its days.
    const zone = critical.page.timeZone;
    const dates = new Set(
      [earlier.createdAt, earlier.resolvedAt].map((at) => dateInZone(at, zone)),
    );
    const slowDays = [...dates].map((date) => day(critical, 'builds', date));
    for (const slow of slowDays) assert.equal(slow.uptime, 100);
    const slowMinutes = slowDays.reduce(
      (sum, d) => sum + (d.downtime?.degraded_performance ?? 0),
      0,
    );
    assert.ok(slowMinutes >= 41, JSON.stringify(slowDays));
    // Today, while deploys fail everywhere: down time, and less than 100 %.
    const today = critical.components.find((item) => item.id === 'deploys').history.at(-1);
    assert.ok(today.downtime.partial_outage > 0 && today.uptime < 100, JSON.stringify(today));
    assert.equal(today.worst, 'major_outage');
  });

  test('shows an upcoming and an in-progress maintenance', () => {
    const calm = pass[0].feed;
    assert.equal(calm.indicator, 'operational');
    const upcoming = calm.maintenances.find((item) => item.name === 'Dashboard upgrade');
    assert.equal(upcoming.status, 'scheduled');
    assert.ok(
      Date.parse(upcoming.scheduledFor) - Date.now() < 24 * 60 * MINUTE,
      'announced by the banner',
    );
    const active = pass[1].feed;
    assert.equal(active.indicator, 'maintenance');
    assert.equal(
      active.components.find((item) => item.id === 'dashboard').status,
      'under_maintenance',
    );
  });
});

describe('--scenario demo-zh-CN', () => {
  test('tells the same story written from the zh-CN templates', async () => {
    const pass = await onePass('demo-zh-CN');
    assert.equal(pass.length, 9);
    const critical = pass.find((step) => step.state === 'critical').feed.incidents[0];
    assert.equal(critical.name, '所有区域部署失败');
    const bodies = critical.updates.map((update) => update.body);
    assert.match(
      bodies[2],
      /^我们正在调查欧洲部分用户部署失败或卡在“正在上传”的问题，将于北京时间 \d\d:\d\d 前发布最新进展。$/,
    );
    assert.match(bodies[1], /^我们已查明原因：/);
    assert.match(bodies[0], /^我们仍在全力处理。切换上传后/);
    for (const { feed } of pass) {
      for (const item of [...feed.incidents, ...feed.maintenances]) {
        assert.doesNotMatch(
          `${item.name} ${item.updates.map((u) => u.body).join(' ')}`,
          /\b(We|the|is)\b/,
          item.name,
        );
      }
    }
  });
});
