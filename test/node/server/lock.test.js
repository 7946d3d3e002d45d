// The data-file lock never outlives its holder: a killed server's lock (whatever
// process now has its id: a zombie, a reused pid, pid 1 in a restarted container,
// the starting process itself) never blocks a start; a hard link meets the lock.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { linkSync, writeFileSync } from 'node:fs';
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

  test('a hard link to a data file in use is refused like the file itself', async () => {
    const dir = tempDir();
    const ctx = await startServer({ dataFile: join(dir, 'status-data.json') });
    try {
      await ctx.admin('PUT', '/admin/page', { name: 'Acme' });
      const other = join(tempDir(), 'linked.json');
      linkSync(ctx.dataFile, other);
      await assert.rejects(createStatusServer({ dataFile: other }), (error) => {
        assert.ok(error instanceof DataFileError);
        assert.match(error.message, new RegExp(`in use by another status-widgets-server`));
        return true;
      });
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
