// Our own statuspage adapter, reading this server's summary.json over HTTP, must
// see what /feed.json says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getAdapter } from 'status-widgets/adapters';
import { seed, startServer, withoutHistory } from './helpers.js';

/**
 * What Statuspage's format cannot carry: the page's subscribe URL, an incident's
 * promised next update, and the postmortem link (Statuspage only says a postmortem
 * was published). The adapter reads live incidents from summary.json and resolved ones
 * from incidents.json, but maintenances only from summary.json (active and upcoming),
 * so completed maintenances are left out of the comparison.
 */
function comparable(snapshot) {
  const item = (value) => {
    const rest = { ...value };
    delete rest.nextUpdateAt;
    delete rest.postmortemUrl;
    return rest;
  };
  return {
    page: { ...snapshot.page, subscribeUrl: undefined },
    indicator: snapshot.indicator,
    description: snapshot.description,
    // Statuspage's format has no daily history.
    components: withoutHistory(snapshot.components),
    incidents: snapshot.incidents.map(item),
    maintenances: snapshot.maintenances
      .filter((maintenance) => maintenance.status !== 'completed')
      .map(item)
      .sort((a, b) => a.id.localeCompare(b.id)),
  };
}

test('the statuspage adapter reads /api/v2/summary.json as the same page as /feed.json', async () => {
  const ctx = await startServer();
  try {
    const incident = await seed(ctx.admin);
    const at = (hours) => new Date(Date.now() + hours * 3_600_000).toISOString();
    await ctx.admin('POST', '/admin/incidents', {
      name: 'Body with <markup> & "quotes"',
      impact: 'minor',
      body: 'Line one\n\nLine <two> & more',
      components: [{ id: 'db', status: 'degraded_performance' }],
    });
    await ctx.admin('POST', `/admin/incidents/${incident.id}/updates`, {
      template: 'monitoring',
      locale: 'zh-CN',
      nextUpdateInMinutes: 45,
    });
    await ctx.admin('POST', '/admin/incidents', {
      name: 'Old',
      impact: 'minor',
      status: 'resolved',
      body: 'Done.',
    });
    await ctx.admin('POST', '/admin/maintenances', {
      name: 'Upgrade',
      body: 'Planned.',
      scheduledFor: at(24),
      scheduledUntil: at(25),
      components: ['db'],
    });
    await ctx.admin('POST', '/admin/maintenances', {
      name: 'Now',
      status: 'in_progress',
      body: 'Under way.',
      scheduledFor: at(-1),
      scheduledUntil: at(1),
      components: ['web'],
    });

    const fromAdapter = await getAdapter('statuspage').load(new URL(`${ctx.base}/`), fetch);
    const feed = await ctx.getJson('/feed.json');
    assert.equal(fromAdapter.warnings, undefined, 'nothing dropped');
    assert.equal(fromAdapter.indicator, 'major');
    assert.deepEqual(
      fromAdapter.incidents.map((i) => i.status),
      ['resolved', 'investigating', 'monitoring'],
      'live incidents from summary.json, history from incidents.json',
    );
    assert.equal(fromAdapter.maintenances.length, 2);
    assert.deepEqual(
      JSON.parse(JSON.stringify(comparable(fromAdapter))),
      JSON.parse(JSON.stringify(comparable(feed))),
    );
  } finally {
    await ctx.close();
  }
});

test('…also when there is no page URL and nothing is wrong', async () => {
  const ctx = await startServer();
  try {
    await ctx.admin('PUT', '/admin/components/api', { name: 'API', status: 'operational' });
    const fromAdapter = await getAdapter('statuspage').load(
      new URL(`${ctx.base}/api/v2/status.json`),
      fetch,
    );
    const feed = await ctx.getJson('/feed.json');
    assert.equal(fromAdapter.indicator, 'operational');
    assert.deepEqual(
      JSON.parse(JSON.stringify(comparable(fromAdapter))),
      JSON.parse(JSON.stringify(comparable(feed))),
    );
  } finally {
    await ctx.close();
  }
});
