// Rules the server shares with the rest of the library, and the same rule on the
// ways in: overdue as the widgets see it, promises only on open incidents, the
// incident URL of the Statuspage reader.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { incidentUrl } from '../../../dist/index.js';
import { startServer } from './helpers.js';

describe('GET /admin/overdue follows the widgets’ rule', () => {
  test('a promise later than an hour is honoured until it passes', async () => {
    let now = new Date('2026-11-25T12:00:00Z');
    const ctx = await startServer({ now: () => now });
    try {
      const created = await ctx.admin('POST', '/admin/incidents', {
        name: 'Long fix',
        impact: 'major',
        body: 'Restoring from backup; next update within two hours.',
        nextUpdateInMinutes: 120,
      });
      now = new Date('2026-11-25T13:30:00Z');
      assert.deepEqual((await ctx.admin('GET', '/admin/overdue')).body.overdue, []);
      now = new Date('2026-11-25T14:05:00Z');
      const [late] = (await ctx.admin('GET', '/admin/overdue')).body.overdue;
      assert.equal(late.id, created.body.id);
      assert.equal(
        late.reason,
        'the next update was promised by 2026-11-25T14:00:00.000Z, 5 minutes ago',
      );
    } finally {
      await ctx.close();
    }
  });
});

describe('a closed incident keeps no promise', () => {
  for (const status of ['resolved', 'postmortem']) {
    test(`creating one as ${status} with nextUpdateInMinutes is refused, as updating is`, async () => {
      const ctx = await startServer();
      try {
        const body = { name: 'Done', impact: 'minor', status, body: 'b', nextUpdateInMinutes: 30 };
        const created = await ctx.admin('POST', '/admin/incidents', body);
        assert.equal(created.status, 400);
        assert.equal(created.body.error.field, 'nextUpdateInMinutes');
        const open = await ctx.admin('POST', '/admin/incidents', { ...body, status: undefined });
        const updated = await ctx.admin('POST', `/admin/incidents/${open.body.id}/updates`, {
          status,
          body: 'b',
          nextUpdateInMinutes: 30,
        });
        assert.equal(updated.status, 400);
        assert.equal(updated.body.error.rule, created.body.error.rule);
      } finally {
        await ctx.close();
      }
    });
  }
});

describe('the incident URL', () => {
  test('is one rule in the model, used by the server and the Statuspage reader', async () => {
    const ctx = await startServer();
    try {
      await ctx.admin('PUT', '/admin/page', { name: 'Acme', url: 'https://status.acme.test/' });
      const created = await ctx.admin('POST', '/admin/incidents', {
        name: 'x',
        impact: 'minor',
        body: 'b',
      });
      const feed = await ctx.getJson('/feed.json');
      assert.equal(
        feed.incidents[0].url,
        incidentUrl('https://status.acme.test//', created.body.id),
      );
      assert.equal(feed.incidents[0].url, `https://status.acme.test/incidents/${created.body.id}`);
    } finally {
      await ctx.close();
    }
    for (const source of ['src/server/feed.ts', 'src/adapters/statuspage.ts']) {
      const text = readFileSync(new URL(`../../../${source}`, import.meta.url), 'utf8');
      assert.match(text, /import \{ incidentUrl \} from '\.\.\/model\/incident-url\.js'/, source);
      assert.doesNotMatch(text, /`incidents\/\$\{encodeURIComponent/, `${source} has no copy`);
    }
  });
});
