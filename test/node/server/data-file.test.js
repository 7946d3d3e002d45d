// The data file at start-up, the CLI, and the static export.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createStatusServer, DataFileError } from '../../../dist/server/index.js';
import { seed, startServer, tempDir, withoutHistory } from './helpers.js';

const CLI = new URL('../../../dist/server/cli.js', import.meta.url).pathname;

function run(args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Starts the CLI and resolves once it prints its URL. */
function serve(args, env = {}) {
  const child = spawn(process.execPath, [CLI, '--port', '0', ...args], {
    env: { ...process.env, STATUS_ADMIN_TOKEN: '', ...env },
  });
  return new Promise((resolve, reject) => {
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const match = /listening on (http:\/\/\S+?)\/?\n[\s\S]*admin API: \w+/.exec(stdout);
      if (match) resolve({ child, base: match[1], stdout: () => stdout });
    });
    child.on('exit', (code) => reject(new Error(`exited with ${code}`)));
  });
}

describe('the data file', () => {
  const corrupt = {
    'not JSON': ['{"version": 1, "page": {', /is not valid JSON/],
    'torn write': ['', /is not valid JSON/],
    'wrong shape': ['[1, 2, 3]', /does not hold a JSON object/],
    'bad field': [
      JSON.stringify({
        version: 1,
        page: { name: 'A' },
        components: [{ id: 'x', name: 'X', status: 'down' }],
      }),
      /components\[0\]\.status must be one of/,
    ],
  };
  for (const [what, [text, message]] of Object.entries(corrupt)) {
    test(`${what}: the server refuses to start and leaves the file as it was`, async () => {
      const file = join(tempDir(), 'status-data.json');
      writeFileSync(file, text);
      await assert.rejects(createStatusServer({ dataFile: file }), (error) => {
        assert.ok(error instanceof DataFileError);
        assert.match(error.message, message);
        assert.match(error.message, /has not changed/);
        return true;
      });
      const cli = await run(['--data', file, '--port', '0']);
      assert.equal(cli.code, 1);
      assert.match(cli.stderr, message);
      assert.equal(readFileSync(file, 'utf8'), text, 'never overwritten');
    });
  }

  test('a missing file is created, and what was written is there after a restart', async () => {
    const first = await startServer();
    assert.ok(existsSync(first.dataFile));
    const incident = await seed(first.admin);
    await first.close();
    const second = await startServer({ dataFile: first.dataFile });
    try {
      const feed = await second.getJson('/feed.json');
      assert.equal(feed.incidents[0].id, incident.id);
      assert.equal(feed.components.length, 3);
      assert.deepEqual(
        readdirSync(join(first.dataFile, '..')).filter((name) => name.endsWith('.tmp')),
        [],
        'no temp files left',
      );
    } finally {
      await second.close();
    }
  });
});

describe('one server per data file', () => {
  test('a second server on the same data file is refused; the first serves on', async () => {
    const first = await startServer();
    try {
      await seed(first.admin);
      const before = readFileSync(first.dataFile, 'utf8');
      const lock = join(first.dataFile, '..', '.status-data.json.lock');
      assert.equal(readFileSync(lock, 'utf8').trim(), String(process.pid));

      const second = await run(['--data', first.dataFile, '--port', '0']);
      assert.equal(second.code, 1);
      assert.match(
        second.stderr,
        new RegExp(`in use by another status-widgets-server \\(process ${process.pid}\\)`),
      );
      assert.match(second.stderr, /delete .*\.status-data\.json\.lock/);
      await assert.rejects(createStatusServer({ dataFile: first.dataFile }), DataFileError);
      assert.equal(readFileSync(first.dataFile, 'utf8'), before, 'the refused ones wrote nothing');

      // The first still owns the file and writes to it.
      await first.admin('PUT', '/admin/page', { name: 'Acme Cloud' });
      assert.equal(JSON.parse(readFileSync(first.dataFile, 'utf8')).page.name, 'Acme Cloud');
    } finally {
      await first.close();
    }
    // The lock key stays, so the next server on this file uses the same lock name.
    assert.deepEqual(
      readdirSync(join(first.dataFile, '..')).sort(),
      ['.status-data.json.lock-key', 'status-data.json'],
      'released',
    );
    const again = await startServer({ dataFile: first.dataFile });
    await again.close();
  });

  test('a lock left by a server that was killed is taken over', async () => {
    const dir = tempDir();
    const dataFile = join(dir, 'status-data.json');
    // Above Linux's largest pid: no process has it.
    writeFileSync(join(dir, '.status-data.json.lock'), '4194305\n');
    const server = await startServer({ dataFile });
    try {
      const lock = readFileSync(join(dir, '.status-data.json.lock'), 'utf8');
      assert.equal(lock.trim(), String(process.pid));
    } finally {
      await server.close();
    }
  });

  test('export reads a data file a server is using, and leaves its files alone', async () => {
    const ctx = await startServer();
    try {
      await seed(ctx.admin);
      // A write of the server's under way (its temp file) must survive the export.
      const temp = join(ctx.dataFile, '..', `.status-data.json.${process.pid}.cafe.tmp`);
      writeFileSync(temp, '{');
      const out = join(tempDir(), 'public');
      const result = await run(['export', '--data', ctx.dataFile, '--out', out]);
      assert.equal(result.code, 0, result.stderr);
      assert.ok(existsSync(temp), 'the temp file is still there');
      assert.equal(JSON.parse(readFileSync(join(out, 'feed.json'), 'utf8')).page.name, 'Acme');
    } finally {
      await ctx.close();
    }
  });
});

describe('the CLI', () => {
  test('serves with the token from STATUS_ADMIN_TOKEN, and static files with --static', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'index.html'), '<h1>demo</h1>');
    const { child, base, stdout } = await serve(
      ['--data', join(dir, 'data.json'), '--static', dir, '--static', `/assets=${dir}`],
      { STATUS_ADMIN_TOKEN: 'from-env' },
    );
    try {
      assert.match(stdout(), /admin API: on/);
      const put = await fetch(`${base}/admin/components/api`, {
        method: 'PUT',
        headers: { authorization: 'Bearer from-env', 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'API', status: 'operational' }),
      });
      assert.equal(put.status, 201);
      const page = await fetch(`${base}/`);
      assert.equal(page.status, 200);
      assert.match(page.headers.get('content-type'), /text\/html/);
      assert.equal(await page.text(), '<h1>demo</h1>');
      assert.equal((await fetch(`${base}/assets/index.html`)).status, 200);
      const escape = await fetch(`${base}/assets/..%2f..%2f..%2fetc%2fpasswd`);
      assert.equal(escape.status, 404);
      assert.equal((await fetch(`${base}/feed.json`)).status, 200, 'feeds win over static files');
    } finally {
      child.kill();
    }
  });

  test('without a token the admin API is off and says so', async () => {
    const { child, base, stdout } = await serve(['--data', join(tempDir(), 'data.json')]);
    try {
      assert.match(stdout(), /admin API: off/);
      assert.equal((await fetch(`${base}/admin/templates`)).status, 403);
    } finally {
      child.kill();
    }
  });

  test('bad flags are refused with the usage', async () => {
    const unknown = await run(['--prot', '80']);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /Usage:/);
    const scenario = await run(['--scenario', 'nope']);
    assert.equal(scenario.code, 1);
    assert.match(scenario.stderr, /--scenario must be one of demo/);
    const help = await run(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /export --data FILE --out DIR/);
  });
});

describe('export', () => {
  test('writes the same documents the server serves (without the events link)', async () => {
    const ctx = await startServer();
    await seed(ctx.admin);
    const served = {};
    for (const path of [
      '/api/v2/summary.json',
      '/api/v2/incidents.json',
      '/history.atom',
      '/history.rss',
      '/feed.json',
    ]) {
      served[path] = await (await fetch(`${ctx.base}${path}`)).text();
    }
    await ctx.close();

    const out = join(tempDir(), 'public');
    const result = await run(['export', '--data', ctx.dataFile, '--out', out]);
    assert.equal(result.code, 0, result.stderr);
    // The 12 feeds, and the page's and its 3 components' badges (SVG and JSON).
    assert.match(result.stdout, /Wrote 20 files/);
    for (const path of [
      '/api/v2/summary.json',
      '/api/v2/incidents.json',
      '/history.atom',
      '/history.rss',
    ]) {
      assert.equal(readFileSync(join(out, path), 'utf8'), served[path], path);
    }
    for (const path of [
      'feed.schema.json',
      'api/v2/status.json',
      'api/v2/components.json',
      'api/v2/incidents/unresolved.json',
      'api/v2/scheduled-maintenances.json',
      'api/v2/scheduled-maintenances/upcoming.json',
      'api/v2/scheduled-maintenances/active.json',
    ]) {
      assert.ok(existsSync(join(out, path)), path);
    }
    const feed = JSON.parse(readFileSync(join(out, 'feed.json'), 'utf8'));
    const { links, ...rest } = JSON.parse(served['/feed.json']);
    assert.equal(links.events, '/events');
    // Today's uptime counts up to when each was made; the days are the same.
    const days = (document) => document.components.map((c) => c.history?.map((day) => day.date));
    const bare = (document) => ({ ...document, components: withoutHistory(document.components) });
    assert.deepEqual(bare(feed), bare(rest), 'no event stream on a static host');
    assert.deepEqual(days(feed), days(rest));
    assert.ok(
      days(feed).every((dates) => dates?.length > 0),
      'the recorded history is exported',
    );
  });

  test('refuses a data file that does not exist (and creates nothing)', async () => {
    const dir = tempDir();
    const result = await run([
      'export',
      '--data',
      join(dir, 'typo.json'),
      '--out',
      join(dir, 'out'),
    ]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /does not exist/);
    assert.deepEqual(readdirSync(dir), []);
  });
});
