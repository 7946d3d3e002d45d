// A full disk never loses history: with every write to the data folder cut short by
// ENOSPC (injected into node:fs/promises, so it is exact and needs no root), a
// refused change leaves the data file and the archive as they were; once space is
// back every item is in the data file or in a readable archive line, once.
import { test, describe, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import fsp from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import { join } from 'node:path';
import { readArchive } from '../../../dist/server/index.js';
import { startServer, tempDir } from './helpers.js';

const RETENTION = 50;
const realOpen = fsp.open;
/** Where writes fail: 'all' (the disk is full), 'archive' (only appends to the archive), or none. */
let full;
let folder;

function enospc() {
  return Object.assign(new Error('ENOSPC: no space left on device, write'), {
    code: 'ENOSPC',
    errno: -28,
    syscall: 'write',
  });
}

/** A handle whose writes store half of what they are given, then fail as a full disk does. */
function filling(handle, path) {
  for (const method of ['writeFile', 'appendFile']) {
    const real = handle[method].bind(handle);
    handle[method] = async (data, ...rest) => {
      const failing = full === 'all' || (full === 'archive' && path.endsWith('.jsonl'));
      if (!failing) return real(data, ...rest);
      const bytes = Buffer.from(data);
      await handle.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
      throw enospc();
    };
  }
  return handle;
}

beforeEach(() => {
  full = undefined;
  folder = tempDir();
  fsp.open = async (path, ...rest) => {
    const handle = await realOpen(path, ...rest);
    return String(path).startsWith(folder) ? filling(handle, String(path)) : handle;
  };
  syncBuiltinESMExports();
});
afterEach(() => {
  fsp.open = realOpen;
  syncBuiltinESMExports();
});

/** A server at its retention: RETENTION resolved incidents, and `open` more still open. */
async function atRetention(open) {
  const ctx = await startServer({
    dataFile: join(folder, 'status-data.json'),
    retention: RETENTION,
  });
  const ids = [];
  for (let n = 0; n < RETENTION + open; n += 1) {
    const created = await ctx.admin('POST', '/admin/incidents', {
      name: `Incident ${n}`,
      impact: 'minor',
      body: 'Looking.',
    });
    ids.push(created.body.id);
    if (n < RETENTION) await resolve(ctx, created.body.id);
  }
  return { ctx, ids };
}

function resolve(ctx, id) {
  return ctx.admin('POST', `/admin/incidents/${id}/updates`, {
    status: 'resolved',
    body: 'Fixed.',
  });
}

const archiveOf = (ctx) => join(ctx.dataFile, '..', 'status-data.archive.jsonl');

/** Every id in the data file or in a readable archive line, with no line unreadable or twice. */
async function everyItemKept(ctx, ids) {
  const archiveText = readFileSync(archiveOf(ctx), 'utf8');
  const lines = archiveText.split('\n').filter(Boolean);
  for (const line of lines) JSON.parse(line); // every line whole
  const archived = lines.map((line) => JSON.parse(line).item.id);
  assert.equal(new Set(archived).size, archived.length, 'no item archived twice');
  const kept = JSON.parse(readFileSync(ctx.dataFile, 'utf8')).incidents.map((item) => item.id);
  for (const id of ids) {
    assert.ok(kept.includes(id) || archived.includes(id), `incident ${id} is in neither file`);
  }
  const read = await readArchive(archiveOf(ctx));
  assert.equal(read.unreadable, 0);
  assert.deepEqual(read.incidents.map((item) => item.id).sort(), [...archived].sort());
}

describe('a full disk', () => {
  test('refused changes change neither file; once space is back every incident is in one of them', async () => {
    const { ctx, ids } = await atRetention(3);
    try {
      await resolve(ctx, ids[RETENTION]); // the first move to the archive
      const data = readFileSync(ctx.dataFile);
      const archive = readFileSync(archiveOf(ctx));
      full = 'all';
      for (const id of ids.slice(RETENTION + 1)) {
        const refused = await resolve(ctx, id);
        assert.equal(refused.status, 500);
        assert.match(refused.body.error.message, /not saved: ENOSPC/);
        assert.ok(readFileSync(ctx.dataFile).equals(data), 'the data file is as it was');
        assert.ok(readFileSync(archiveOf(ctx)).equals(archive), 'the archive is as it was');
      }
      full = undefined;
      for (const id of ids.slice(RETENTION + 1)) assert.equal((await resolve(ctx, id)).status, 201);
      await everyItemKept(ctx, ids);
    } finally {
      await ctx.close();
    }
  });

  test('an archive append cut short is cut back off: the next one starts on its own line', async () => {
    const { ctx, ids } = await atRetention(2);
    try {
      await resolve(ctx, ids[RETENTION]);
      const data = readFileSync(ctx.dataFile);
      const archive = readFileSync(archiveOf(ctx));
      full = 'archive';
      assert.equal((await resolve(ctx, ids[RETENTION + 1])).status, 500);
      assert.ok(readFileSync(archiveOf(ctx)).equals(archive), 'the fragment was cut off');
      assert.ok(readFileSync(ctx.dataFile).equals(data), 'the data file still holds the item');
      full = undefined;
      assert.equal((await resolve(ctx, ids[RETENTION + 1])).status, 201);
      await everyItemKept(ctx, ids);
    } finally {
      await ctx.close();
    }
  });
});

describe('the archive after a crash', () => {
  test('a last line cut short is repaired at start; a whole one missing its line break is kept', async () => {
    const { ctx, ids } = await atRetention(1);
    await resolve(ctx, ids[RETENTION]);
    await ctx.close();
    const archive = archiveOf(ctx);
    const whole = readFileSync(archive, 'utf8');
    appendFileSync(archive, '{"kind":"incident","item":{"id":"cut-sh');
    const again = await startServer({ dataFile: ctx.dataFile, retention: RETENTION });
    await again.close();
    assert.equal(readFileSync(archive, 'utf8'), whole, 'the fragment is gone');
    writeFileSync(archive, whole.trimEnd());
    const third = await startServer({ dataFile: ctx.dataFile, retention: RETENTION });
    await third.close();
    assert.equal(
      readFileSync(archive, 'utf8'),
      whole,
      'the whole line is kept, with its line break',
    );
  });

  test('reading skips unreadable lines and lists an item archived twice once, its last line winning', async () => {
    const file = join(folder, 'read.archive.jsonl');
    const line = (id, name) =>
      `${JSON.stringify({ kind: 'incident', item: { id, name }, archivedAt: '2026-01-01T00:00:00Z' })}\n`;
    writeFileSync(
      file,
      line('a', 'first') +
        'not json\n' +
        line('b', 'B') +
        '{"kind":"incident"}\n' +
        line('a', 'again'),
    );
    const read = await readArchive(file);
    assert.equal(read.unreadable, 2);
    assert.deepEqual(
      read.incidents.map((item) => [item.id, item.name]),
      [
        ['b', 'B'],
        ['a', 'again'],
      ],
    );
    assert.deepEqual(await readArchive(join(folder, 'missing.jsonl')), {
      incidents: [],
      maintenances: [],
      unreadable: 0,
    });
  });
});
