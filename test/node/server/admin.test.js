// The admin API over real HTTP: every write, every error code, and that an error
// never changes the data file.
import { test, describe, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seed, startServer, tempDir, TOKEN } from './helpers.js';

describe('admin API', () => {
  let ctx;
  let incident;
  before(async () => {
    ctx = await startServer();
    incident = await seed(ctx.admin);
  });
  after(() => ctx.close());

  test('POST /admin/incidents → 201 with the incident, its first update and the promise', async () => {
    const before = Date.now();
    const response = await ctx.admin('POST', '/admin/incidents', {
      name: 'Login failures',
      impact: 'critical',
      status: 'identified',
      body: 'Logins fail for some users.',
      components: [{ id: 'web', status: 'major_outage' }],
      nextUpdateInMinutes: 15,
    });
    assert.equal(response.status, 201);
    const created = response.body;
    assert.equal(created.name, 'Login failures');
    assert.equal(created.status, 'identified');
    assert.equal(created.impact, 'critical');
    assert.deepEqual(created.components, ['web']);
    assert.equal(created.updates.length, 1);
    assert.equal(created.updates[0].body, 'Logins fail for some users.');
    const promised = Date.parse(created.nextUpdateAt) - before;
    assert.ok(promised >= 15 * 60_000 && promised < 16 * 60_000);
    const feed = await ctx.getJson('/feed.json');
    assert.equal(feed.indicator, 'critical');
    assert.equal(feed.components.find((c) => c.id === 'web').status, 'major_outage');
    assert.equal(feed.incidents[0].id, created.id, 'newest first');
  });

  test('bodies are normalized like the readers do, also with long runs of blanks', async () => {
    const blanks = `\t${' '.repeat(15_000)}`; // three runs: 45 KB, under the 64 KB limit
    const response = await ctx.admin('POST', '/admin/incidents', {
      name: 'Slow pages',
      impact: 'minor',
      body: `First line${blanks}\r\nsecond${blanks}\n\n\n\nlast line${blanks}`,
    });
    assert.equal(response.status, 201);
    assert.equal(
      response.body.updates[0].body,
      'First line\nsecond\n\nlast line',
      'blanks at line ends and extra blank lines go',
    );
  });

  test('updates: escalation, resolution sets resolvedAt and restores components, postmortem', async () => {
    const path = `/admin/incidents/${incident.id}/updates`;
    const escalated = await ctx.admin('POST', path, {
      status: 'identified',
      impact: 'critical',
      body: 'Cause found.',
      components: [{ id: 'db', status: 'degraded_performance' }],
      nextUpdateInMinutes: 20,
    });
    assert.equal(escalated.status, 201);
    assert.equal(escalated.body.impact, 'critical');
    assert.deepEqual(escalated.body.components, ['api', 'db']);
    assert.equal(escalated.body.updates[0].body, 'Cause found.');
    assert.equal(escalated.body.updates.length, 2);

    const resolved = await ctx.admin('POST', path, { status: 'resolved', body: 'All good.' });
    assert.equal(resolved.status, 201);
    assert.ok(resolved.body.resolvedAt);
    assert.equal(resolved.body.nextUpdateAt, undefined, 'nothing more is promised');
    const feed = await ctx.getJson('/feed.json');
    for (const id of ['api', 'db']) {
      assert.equal(feed.components.find((c) => c.id === id).status, 'operational');
    }

    const postmortem = await ctx.admin('POST', path, {
      status: 'postmortem',
      body: 'Postmortem published.',
      postmortemUrl: 'https://blog.acme.test/postmortem',
    });
    assert.equal(postmortem.status, 201);
    assert.equal(postmortem.body.postmortemUrl, 'https://blog.acme.test/postmortem');
    assert.equal(postmortem.body.resolvedAt, resolved.body.resolvedAt);
  });

  test('components: PUT creates (201) then replaces (200); DELETE removes (204) then 404', async () => {
    const created = await ctx.admin('PUT', '/admin/components/cdn', {
      name: 'CDN',
      status: 'operational',
    });
    assert.equal(created.status, 201);
    const replaced = await ctx.admin('PUT', '/admin/components/cdn', {
      name: 'CDN',
      status: 'degraded_performance',
      group: 'Edge',
    });
    assert.equal(replaced.status, 200);
    assert.equal(replaced.body.group, 'Edge');
    let feed = await ctx.getJson('/feed.json');
    assert.equal(feed.components.find((c) => c.id === 'cdn').status, 'degraded_performance');
    assert.equal((await ctx.admin('DELETE', '/admin/components/cdn')).status, 204);
    feed = await ctx.getJson('/feed.json');
    assert.equal(
      feed.components.find((c) => c.id === 'cdn'),
      undefined,
    );
    const again = await ctx.admin('DELETE', '/admin/components/cdn');
    assert.equal(again.status, 404);
    assert.equal(again.body.error.code, 'not_found');
  });

  test('maintenances: scheduled → in_progress puts components under maintenance → completed', async () => {
    const soon = new Date(Date.now() + 3_600_000);
    const created = await ctx.admin('POST', '/admin/maintenances', {
      name: 'Upgrade',
      body: 'Upgrading the database.',
      scheduledFor: soon.toISOString(),
      scheduledUntil: new Date(soon.getTime() + 3_600_000).toISOString(),
      components: ['db'],
    });
    assert.equal(created.status, 201);
    assert.equal(created.body.status, 'scheduled');
    const path = `/admin/maintenances/${created.body.id}/updates`;
    const started = await ctx.admin('POST', path, { status: 'in_progress', body: 'Started.' });
    assert.equal(started.status, 201);
    let feed = await ctx.getJson('/feed.json');
    assert.equal(feed.components.find((c) => c.id === 'db').status, 'under_maintenance');
    const done = await ctx.admin('POST', path, { status: 'completed', body: 'Done.' });
    assert.ok(done.body.resolvedAt);
    feed = await ctx.getJson('/feed.json');
    assert.equal(feed.components.find((c) => c.id === 'db').status, 'operational');
    assert.equal(
      (
        await ctx.admin('POST', '/admin/maintenances/nope/updates', {
          status: 'completed',
          body: 'x',
        })
      ).status,
      404,
    );
  });

  test('PUT /admin/page sets the page', async () => {
    const response = await ctx.admin('PUT', '/admin/page', {
      name: 'Acme Status',
      url: 'https://status.acme.test/',
      subscribeUrl: 'https://status.acme.test/subscribe',
      timeZone: 'Europe/Berlin',
    });
    assert.equal(response.status, 200);
    const feed = await ctx.getJson('/feed.json');
    assert.deepEqual(feed.page, {
      name: 'Acme Status',
      url: 'https://status.acme.test',
      subscribeUrl: 'https://status.acme.test/subscribe',
      timeZone: 'Europe/Berlin',
    });
    const bad = await ctx.admin('PUT', '/admin/page', { name: 'x', timeZone: 'Mars/Olympus' });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.field, 'timeZone');
  });
});

describe('admin errors: status, field, rule, and nothing written', () => {
  let ctx;
  let incident;
  let fileBefore;
  before(async () => {
    ctx = await startServer();
    incident = await seed(ctx.admin);
  });
  beforeEach(() => {
    fileBefore = readFileSync(ctx.dataFile, 'utf8');
  });
  after(() => ctx.close());

  const unchanged = async () => {
    assert.equal(readFileSync(ctx.dataFile, 'utf8'), fileBefore, 'the data file did not change');
  };

  const INVALID = [
    ['missing name', {}, 'name', /required/],
    [
      'unknown impact',
      { name: 'x', impact: 'huge', body: 'b' },
      'impact',
      /one of none, minor, major, critical/,
    ],
    ['empty body', { name: 'x', impact: 'minor', body: '  ' }, 'body', /empty/],
    ['no body nor template', { name: 'x', impact: 'minor' }, 'body', /required/],
    [
      'body and template',
      { name: 'x', impact: 'minor', body: 'b', template: 'resolved', vars: { summary: 's' } },
      'body',
      /not be given together/,
    ],
    [
      'typo field',
      { name: 'x', impact: 'minor', body: 'b', compnents: [] },
      'compnents',
      /not a known field/,
    ],
    [
      'unknown component',
      {
        name: 'x',
        impact: 'minor',
        body: 'b',
        components: [{ id: 'nope', status: 'major_outage' }],
      },
      'components[0].id',
      /existing component/,
    ],
    [
      'bad component status',
      { name: 'x', impact: 'minor', body: 'b', components: [{ id: 'api', status: 'down' }] },
      'components[0].status',
      /one of operational/,
    ],
    [
      'next update not a whole number',
      { name: 'x', impact: 'minor', body: 'b', nextUpdateInMinutes: 1.5 },
      'nextUpdateInMinutes',
      /whole number/,
    ],
    ['name too long', { name: 'x'.repeat(201), impact: 'minor', body: 'b' }, 'name', /at most 200/],
    [
      'unknown template',
      { name: 'x', impact: 'minor', template: 'nope' },
      'template',
      /known template/,
    ],
    [
      'template var missing',
      { name: 'x', impact: 'minor', template: 'investigating', vars: {}, nextUpdateInMinutes: 30 },
      'vars.problem',
      /required by template investigating/,
    ],
    [
      'template var unknown',
      {
        name: 'x',
        impact: 'minor',
        template: 'high-load',
        vars: { foo: 'bar' },
        nextUpdateInMinutes: 30,
      },
      'vars.foo',
      /not used by template/,
    ],
    [
      'template promise missing',
      { name: 'x', impact: 'minor', template: 'high-load' },
      'nextUpdateInMinutes',
      /required by template high-load/,
    ],
    [
      'template locale unknown',
      { name: 'x', impact: 'minor', template: 'high-load', locale: 'fr', nextUpdateInMinutes: 30 },
      'locale',
      /one of en, zh-CN/,
    ],
    ['not an object', [1, 2], 'body', /JSON object/],
  ];
  for (const [what, body, field, rule] of INVALID) {
    test(`400 for ${what}`, async () => {
      const response = await ctx.admin('POST', '/admin/incidents', body);
      assert.equal(response.status, 400);
      assert.equal(response.body.error.field, field);
      assert.match(response.body.error.rule, rule);
      assert.match(response.body.error.message, new RegExp(field.replace(/[[\].]/g, '\\$&')));
      await unchanged();
    });
  }

  test('400 for a maintenance that ends before it starts, and for a resolved update promising more', async () => {
    const at = new Date(Date.now() + 3_600_000).toISOString();
    const maintenance = await ctx.admin('POST', '/admin/maintenances', {
      name: 'x',
      body: 'b',
      scheduledFor: at,
      scheduledUntil: at,
    });
    assert.equal(maintenance.status, 400);
    assert.equal(maintenance.body.error.field, 'scheduledUntil');
    const dates = await ctx.admin('POST', '/admin/maintenances', {
      name: 'x',
      body: 'b',
      scheduledFor: 'tomorrow',
      scheduledUntil: at,
    });
    assert.equal(dates.body.error.field, 'scheduledFor');
    const update = await ctx.admin('POST', `/admin/incidents/${incident.id}/updates`, {
      status: 'resolved',
      body: 'b',
      nextUpdateInMinutes: 10,
    });
    assert.equal(update.status, 400);
    assert.equal(update.body.error.field, 'nextUpdateInMinutes');
    const postmortem = await ctx.admin('POST', `/admin/incidents/${incident.id}/updates`, {
      status: 'postmortem',
      body: 'b',
      postmortemUrl: 'javascript:alert(1)',
    });
    assert.equal(postmortem.body.error.field, 'postmortemUrl');
    await unchanged();
  });

  test('400 for a body that is not JSON', async () => {
    const response = await ctx.admin('POST', '/admin/incidents', '{"name": ');
    assert.equal(response.status, 400);
    assert.equal(response.body.error.code, 'invalid_json');
    await unchanged();
  });

  test('401 without a token, with a wrong one, or with another scheme', async () => {
    for (const authorization of [
      undefined,
      'Bearer wrong',
      `Basic ${TOKEN}`,
      `Bearer ${TOKEN}x`,
      'Bearer',
    ]) {
      const headers = { 'content-type': 'application/json' };
      if (authorization) headers.authorization = authorization;
      const response = await fetch(`${ctx.base}/admin/incidents`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ name: 'x', impact: 'minor', body: 'b' }),
      });
      assert.equal(response.status, 401, String(authorization));
      assert.equal(response.headers.get('www-authenticate'), 'Bearer');
      const body = await response.json();
      assert.equal(body.error.field, 'Authorization');
    }
    const templates = await fetch(`${ctx.base}/admin/templates`);
    assert.equal(templates.status, 401);
    await unchanged();
  });

  test('404 for an unknown incident, an unknown admin route; 405 for a wrong method', async () => {
    const update = await ctx.admin('POST', '/admin/incidents/nope/updates', {
      status: 'resolved',
      body: 'b',
    });
    assert.equal(update.status, 404);
    assert.match(update.body.error.message, /nope/);
    assert.equal((await ctx.admin('GET', '/admin/nothing')).status, 404);
    const wrong = await ctx.admin('GET', '/admin/incidents');
    assert.equal(wrong.status, 405);
    assert.equal(wrong.headers.get('allow'), 'POST');
    await unchanged();
  });

  test('413 for a body over 64 KB', async () => {
    const response = await ctx.admin('POST', '/admin/incidents', {
      name: 'x',
      impact: 'minor',
      body: 'a'.repeat(65 * 1024),
    });
    assert.equal(response.status, 413);
    assert.equal(response.body.error.code, 'too_large');
    await unchanged();
  });

  test('415 for a body that is not declared JSON', async () => {
    const response = await ctx.admin(
      'POST',
      '/admin/incidents',
      JSON.stringify({ name: 'x', impact: 'minor', body: 'b' }),
      {
        'content-type': 'text/plain',
      },
    );
    assert.equal(response.status, 415);
    assert.equal(response.body.error.field, 'Content-Type');
    await unchanged();
  });
});

describe('admin API without a token', () => {
  test('is off (403 saying how to turn it on) while reading still works', async () => {
    const ctx = await startServer({ token: undefined });
    try {
      const response = await fetch(`${ctx.base}/admin/incidents`, {
        method: 'POST',
        headers: { authorization: 'Bearer anything', 'content-type': 'application/json' },
        body: '{}',
      });
      assert.equal(response.status, 403);
      assert.match((await response.json()).error.message, /--token|STATUS_ADMIN_TOKEN/);
      assert.equal((await fetch(`${ctx.base}/feed.json`)).status, 200);
    } finally {
      await ctx.close();
    }
  });
});

describe('templates', () => {
  let ctx;
  before(async () => {
    const dir = tempDir();
    const dataFile = join(dir, 'status-data.json');
    writeFileSync(
      dataFile,
      JSON.stringify({
        version: 1,
        page: { name: 'Acme', timeZone: 'Asia/Shanghai' },
        components: [],
        incidents: [],
        maintenances: [],
        templates: [
          {
            id: 'payments-slow',
            status: 'investigating',
            text: { en: 'Payments at {provider} are slow. Next update by {next}.' },
          },
        ],
      }),
    );
    ctx = await startServer({ dataFile, now: () => new Date('2026-11-25T12:00:00Z') });
  });
  after(() => ctx.close());

  test("GET /admin/templates lists the built-in ones (en and zh-CN) and the team's own", async () => {
    const { status, body } = await ctx.admin('GET', '/admin/templates');
    assert.equal(status, 200);
    const ids = body.templates.map((t) => t.id);
    for (const id of [
      'investigating',
      'high-load',
      'identified',
      'update',
      'monitoring',
      'resolved',
      'postmortem',
      'payments-slow',
    ]) {
      assert.ok(ids.includes(id), id);
    }
    for (const template of body.templates.filter((t) => t.source === 'built-in')) {
      assert.deepEqual(Object.keys(template.text), ['en', 'zh-CN']);
    }
    const own = body.templates.find((t) => t.id === 'payments-slow');
    assert.equal(own.source, 'data file');
    assert.deepEqual(own.vars, ['provider', 'next']);
  });

  test('template + vars fill the body; {next} is the promised time in the page time zone', async () => {
    const english = await ctx.admin('POST', '/admin/incidents', {
      name: 'Slow pages',
      impact: 'minor',
      template: 'investigating',
      vars: { problem: 'slow pages' },
      nextUpdateInMinutes: 30,
    });
    assert.equal(english.status, 201);
    // 12:30 UTC is 20:30 in Shanghai.
    assert.match(
      english.body.updates[0].body,
      /^We are investigating reports of slow pages\. We will post an update by 8:30 PM GMT\+8\.$/,
    );
    assert.equal(english.body.status, 'investigating');

    const chinese = await ctx.admin('POST', `/admin/incidents/${english.body.id}/updates`, {
      template: 'identified',
      locale: 'zh-CN',
      vars: { cause: '数据库过载' },
      nextUpdateInMinutes: 60,
    });
    assert.equal(chinese.status, 201);
    assert.equal(chinese.body.status, 'identified', 'the template gives the status');
    assert.match(chinese.body.updates[0].body, /^我们已查明原因：数据库过载。.*21:00/);

    const own = await ctx.admin('POST', '/admin/incidents', {
      name: 'Payments',
      impact: 'major',
      template: 'payments-slow',
      vars: { provider: 'PayCo' },
      nextUpdateInMinutes: 10,
    });
    assert.equal(own.status, 201);
    assert.match(own.body.updates[0].body, /^Payments at PayCo are slow\. Next update by/);
  });
});

describe('GET /admin/overdue', () => {
  test('lists unresolved incidents silent for 60 minutes or past their promised update', async () => {
    let now = new Date('2026-11-25T12:00:00Z');
    const ctx = await startServer({ now: () => now });
    try {
      await ctx.admin('PUT', '/admin/components/api', { name: 'API', status: 'operational' });
      const promised = await ctx.admin('POST', '/admin/incidents', {
        name: 'Promised',
        impact: 'minor',
        body: 'b',
        nextUpdateInMinutes: 20,
      });
      const silent = await ctx.admin('POST', '/admin/incidents', {
        name: 'Silent',
        impact: 'minor',
        body: 'b',
      });
      const resolved = await ctx.admin('POST', '/admin/incidents', {
        name: 'Done',
        impact: 'minor',
        status: 'resolved',
        body: 'b',
      });
      assert.equal(resolved.status, 201);

      now = new Date('2026-11-25T12:10:00Z');
      assert.deepEqual((await ctx.admin('GET', '/admin/overdue')).body.overdue, []);

      now = new Date('2026-11-25T12:21:00Z');
      let overdue = (await ctx.admin('GET', '/admin/overdue')).body.overdue;
      assert.deepEqual(
        overdue.map((item) => item.id),
        [promised.body.id],
      );
      assert.match(overdue[0].reason, /promised/);

      // Just past the hour: an update is due an hour after the last one, and late after it.
      now = new Date('2026-11-25T13:00:30Z');
      overdue = (await ctx.admin('GET', '/admin/overdue')).body.overdue;
      assert.deepEqual(
        overdue.map((item) => item.id).sort(),
        [promised.body.id, silent.body.id].sort(),
      );
      assert.match(
        overdue.find((item) => item.id === silent.body.id).reason,
        /no update for 60 minutes/,
      );

      await ctx.admin('POST', `/admin/incidents/${silent.body.id}/updates`, {
        status: 'identified',
        body: 'b',
      });
      overdue = (await ctx.admin('GET', '/admin/overdue')).body.overdue;
      assert.deepEqual(
        overdue.map((item) => item.id),
        [promised.body.id],
      );
    } finally {
      await ctx.close();
    }
  });
});
