// The data-file lock never outlives its holder: a killed server's lock (whatever
// process now has its id: a zombie, a reused pid, pid 1 in a restarted container,
// the starting process itself) never blocks a start; a hard link is refused; another
// local user cannot take the lock's name first, since it needs a key only we can read.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, linkSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createStatusServer, DataFileError } from '../../../dist/server/index.js';
import { startServer, tempDir } from './helpers.js';

const ROOT = new URL('../../../', import.meta.url).pathname;

/** Resolves with the base URL once the process prints it; rejects when it exits first. */
function listening(child) {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /listening on (http:\/\/\S+?)\/?\n/.exec(out);
      if (match) resolve(match[1]);
    });
    child.stderr.on('data', (chunk) => (err += chunk));
    child.once('exit', (code) => reject(new Error(`exited with ${code}: ${err}`)));
  });
}

describe('the data-file lock', () => {
  test('a server run through npx (npm exec → sh → node), killed with its group, restarts', async () => {
    const dataFile = join(tempDir(), 'status-data.json');
    const npx = () =>
      spawn('npx', ['--no-install', 'status-widgets-server', '--port', '0', '--data', dataFile], {
        cwd: ROOT,
        detached: true, // its own process group, as a terminal or container gives it
        env: { ...process.env, STATUS_ADMIN_TOKEN: '' },
      });
    const first = npx();
    await listening(first);
    process.kill(-first.pid, 'SIGKILL');
    await new Promise((resolve) => first.once('close', resolve));
    const second = npx();
    try {
      const base = await listening(second);
      assert.equal((await fetch(`${base}/feed.json`)).status, 200);
    } finally {
      process.kill(-second.pid, 'SIGKILL');
    }
  });

  for (const [who, pid] of [
    ['a live process that is not a server (a reused pid)', () => process.ppid],
    ['pid 1 (a restarted container)', () => 1],
    ['the starting process itself', () => process.pid],
  ]) {
    test(`a lock file naming ${who} does not block a start`, async () => {
      const dir = tempDir();
      const dataFile = join(dir, 'status-data.json');
      writeFileSync(join(dir, '.status-data.json.lock'), `${pid()}\n`);
      const server = await startServer({ dataFile });
      await server.close();
    });
  }

  test('a hard link to a data file in use is refused', async () => {
    const dir = tempDir();
    const ctx = await startServer({ dataFile: join(dir, 'status-data.json') });
    try {
      await ctx.admin('PUT', '/admin/page', { name: 'Acme' });
      const other = join(tempDir(), 'linked.json');
      linkSync(ctx.dataFile, other);
      await assert.rejects(createStatusServer({ dataFile: other }), (error) => {
        assert.ok(error instanceof DataFileError);
        assert.match(error.message, /has 2 names \(hard links\).*cp, not ln/);
        return true;
      });
    } finally {
      await ctx.close();
    }
  });

  test('a local process that binds the name the file identity gives does not block a start', async () => {
    const dir = realpathSync(tempDir());
    const dataFile = join(dir, 'status-data.json');
    const folder = statSync(dir, { bigint: true });
    const squatted = [];
    // Every name the file's identity alone gives: the folder's, and the file's once it exists.
    const names = [`path ${folder.dev}:${folder.ino}/status-data.json`];
    const server = await startServer({ dataFile });
    await server.close();
    const file = statSync(dataFile, { bigint: true });
    names.push(`file ${file.dev}:${file.ino}`);
    for (const key of names) {
      const name = `status-widgets-server-${createHash('sha256').update(key).digest('hex').slice(0, 32)}`;
      const squatter = createServer();
      await new Promise((resolve) => squatter.listen({ path: `\0${name}` }, resolve));
      squatted.push(squatter);
    }
    try {
      const ctx = await startServer({ dataFile });
      await ctx.close();
      const key = statSync(join(dir, '.status-data.json.lock-key'));
      assert.equal(key.mode & 0o777, 0o600, 'the key is readable by the server user alone');
    } finally {
      for (const squatter of squatted) squatter.close();
    }
  });

  test('a lock key other users can read is refused, saying what to do', async () => {
    const dir = tempDir();
    const dataFile = join(dir, 'status-data.json');
    await (await startServer({ dataFile })).close();
    chmodSync(join(dir, '.status-data.json.lock-key'), 0o644);
    await assert.rejects(createStatusServer({ dataFile }), (error) => {
      assert.ok(error instanceof DataFileError);
      assert.match(error.message, /can be read by other users\. Delete it .*chmod 600/);
      return true;
    });
  });

  test('the refusal says how to see which process holds the lock, and that command shows it', async () => {
    const ctx = await startServer();
    try {
      const error = await createStatusServer({ dataFile: ctx.dataFile }).then(
        () => assert.fail('a second server started'),
        (refusal) => refusal,
      );
      const [, name] =
        /ss -xlp \| grep (status-widgets-server-[0-9a-f]{32})/.exec(error.message) ?? [];
      assert.ok(name, error.message);
      const { stdout } = await new Promise((resolve, reject) => {
        const child = spawn('ss', ['-xlp'], { stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        child.stdout.on('data', (chunk) => (out += chunk));
        child.once('error', reject);
        child.once('close', () => resolve({ stdout: out }));
      });
      const line = stdout.split('\n').find((row) => row.includes(name));
      assert.ok(line, `ss lists ${name}`);
      assert.match(line, new RegExp(`pid=${process.pid}\\b`), 'and names the holder');
    } finally {
      await ctx.close();
    }
  });
});

describe('the CLI build', () => {
  test('dist/server/cli.js runs by itself (its run bit is set)', async () => {
    const child = spawn(join(ROOT, 'dist/server/cli.js'), ['--help']);
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    const code = await new Promise((resolve) => {
      child.once('error', () => resolve('not executable'));
      child.once('close', resolve);
    });
    assert.equal(code, 0);
    assert.match(out, /Usage:/);
  });
});
