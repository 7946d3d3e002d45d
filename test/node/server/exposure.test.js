// What a server facing the internet must refuse: files outside its static folders
// and dotfiles, admin requests from pages on other origins, endless token guesses,
// and field values long enough to make a pattern slow.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { startServer, tempDir, TOKEN } from './helpers.js';

describe('static files', () => {
  let ctx;
  let dir;
  before(async () => {
    dir = tempDir();
    writeFileSync(join(dir, 'index.html'), '<h1>demo</h1>');
    writeFileSync(join(dir, '.env'), 'SECRET=1');
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, '.git', 'config'), '[core]');
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'assets', 'big.js'), 'x'.repeat(3 * 1024 * 1024));
    writeFileSync(join(dir, 'assets', 'huge.bin'), '');
    truncateSync(join(dir, 'assets', 'huge.bin'), 64 * 1024 * 1024 + 1); // sparse: no disk used
    symlinkSync('/etc/passwd', join(dir, 'passwd'));
    symlinkSync(join(dir, 'index.html'), join(dir, 'inside.html'));
    symlinkSync('.env', join(dir, 'env.txt'));
    symlinkSync('.git', join(dir, 'repo'));
    symlinkSync(join(dir, '.git'), join(dir, 'assets', 'absolute-repo'));
    ctx = await startServer({ static: [dir] });
  });
  after(() => ctx.close());

  test('a symlink that leads out of the folder is not served; one that stays inside is', async () => {
    assert.equal((await fetch(`${ctx.base}/passwd`)).status, 404);
    assert.equal((await fetch(`${ctx.base}/inside.html`)).status, 200);
  });

  test('dotfiles and dot-folders are not served', async () => {
    for (const path of ['/.env', '/.git/config', '/%2eenv', '/assets/../.env']) {
      assert.equal((await fetch(`${ctx.base}${path}`)).status, 404, path);
    }
  });

  test('a symlink to a dotfile or into a dot-folder is not served either', async () => {
    for (const path of ['/env.txt', '/repo/config', '/assets/absolute-repo/config']) {
      const response = await fetch(`${ctx.base}${path}`);
      assert.equal(response.status, 404, path);
      assert.doesNotMatch(await response.text(), /SECRET|\[core\]/, path);
    }
  });

  test('files are streamed whole, with a size-and-time validator', async () => {
    const response = await fetch(`${ctx.base}/assets/big.js`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-length'), String(3 * 1024 * 1024));
    assert.equal((await response.text()).length, 3 * 1024 * 1024);
    const etag = response.headers.get('etag');
    assert.match(etag, /^W\/"/);
    const again = await fetch(`${ctx.base}/assets/big.js`, { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);
  });

  test('a file over 64 MB is refused, not read', async () => {
    const response = await fetch(`${ctx.base}/assets/huge.bin`);
    assert.equal(response.status, 403);
    assert.equal((await response.json()).error.code, 'too_large');
  });

  test('a programmatic mount with a relative folder and a trailing slash serves its files', async () => {
    const mounted = await startServer({
      static: [{ prefix: '/site', dir: `${relative(process.cwd(), dir)}/` }],
    });
    try {
      const response = await fetch(`${mounted.base}/site/index.html`);
      assert.equal(response.status, 200);
      assert.equal(await response.text(), '<h1>demo</h1>');
      assert.equal((await fetch(`${mounted.base}/site/`)).status, 200);
    } finally {
      await mounted.close();
    }
  });
});

describe('the admin API and browsers', () => {
  let ctx;
  before(async () => (ctx = await startServer()));
  after(() => ctx.close());

  test('answers without CORS headers', async () => {
    const response = await ctx.admin('PUT', '/admin/page', { name: 'Acme' });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), null);
  });

  test('refuses a preflight and a request from another origin, even with the token', async () => {
    const preflight = await fetch(`${ctx.base}/admin/incidents`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    assert.equal(preflight.status, 403);
    assert.equal(preflight.headers.get('access-control-allow-origin'), null);
    assert.equal(preflight.headers.get('access-control-allow-headers'), null);

    const write = await ctx.admin(
      'POST',
      '/admin/incidents',
      { name: 'x', impact: 'minor', body: 'b' },
      { origin: 'https://evil.example' },
    );
    assert.equal(write.status, 403);
    assert.equal(write.body.error.code, 'cross_origin');
    assert.equal(write.headers.get('access-control-allow-origin'), null);
    assert.equal((await ctx.getJson('/feed.json')).incidents.length, 0);
  });

  test('rate-limits wrong tokens per client address, then refuses even the right one', async () => {
    const limited = await startServer();
    try {
      let status;
      let tries = 0;
      do {
        tries += 1;
        const response = await fetch(`${limited.base}/admin/templates`, {
          headers: { authorization: `Bearer guess-${tries}` },
        });
        status = response.status;
        if (status === 429) {
          assert.ok(Number(response.headers.get('retry-after')) > 0);
          assert.equal(response.headers.get('access-control-allow-origin'), null);
        }
        await response.arrayBuffer();
      } while (status === 401 && tries < 1000);
      assert.equal(status, 429, `refused after ${tries} wrong tokens`);
      assert.ok(tries <= 201, `${tries} guesses before the limit`);
      const right = await fetch(`${limited.base}/admin/templates`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      assert.equal(right.status, 429, 'no oracle: the right token waits too');
      assert.equal((await fetch(`${limited.base}/feed.json`)).status, 200, 'reading goes on');
    } finally {
      await limited.close();
    }
  });
});

describe('bounded fields', () => {
  let ctx;
  before(async () => (ctx = await startServer()));
  after(() => ctx.close());

  test('a 60 KB date is refused by its length, before any pattern reads it', async () => {
    const response = await ctx.admin('POST', '/admin/maintenances', {
      name: 'Work',
      body: 'Soon.',
      scheduledFor: `2026-11-25T${'1'.repeat(60 * 1024)}`,
      scheduledUntil: '2026-11-25T14:00:00Z',
    });
    assert.equal(response.status, 400);
    assert.equal(response.body.error.field, 'scheduledFor');
    assert.match(response.body.error.rule, /at most 40 characters/);
  });

  test('dates in every ISO 8601 form the readers write are still accepted', async () => {
    for (const scheduledFor of [
      '2026-11-25T14:00:00Z',
      '2026-11-25T14:00Z',
      '2026-11-25T14:00:00.123+05:30',
      '2026-11-25t14:00:00-0800',
    ]) {
      const response = await ctx.admin('POST', '/admin/maintenances', {
        name: 'Work',
        body: 'Soon.',
        scheduledFor,
        scheduledUntil: '2026-11-26T14:00:00Z',
      });
      assert.equal(response.status, 201, scheduledFor);
    }
  });
});
