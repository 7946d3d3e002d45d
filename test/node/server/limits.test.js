// One set of limits, checked on write with a 4xx before anything is written; old
// resolved history moves to an archive file; a file the server wrote always loads.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LIMITS } from '../../../dist/server/index.js';
import { startServer, tempDir } from './helpers.js';

const AT = '2026-11-25T12:00:00.000Z';

function dataFileWith(parts) {
  const file = join(tempDir(), 'status-data.json');
  writeFileSync(
    file,
    JSON.stringify({
      version: 1,
      page: { name: 'Full' },
      components: [],
      incidents: [],
      maintenances: [],
      templates: [],
      ...parts,
    }),
  );
  return file;
}

const incident = (id, updates = 1, status = 'investigating') => ({
  id,
  name: id,
  status,
  impact: 'minor',
  createdAt: AT,
  updatedAt: AT,
  ...(status === 'resolved' ? { resolvedAt: AT } : {}),
  components: [],
  updates: Array.from({ length: updates }, (_, i) => ({
    id: `${id}-u${i}`,
    status,
    body: 'b',
    createdAt: AT,
  })),
});

/** A write past the limit is a 409 that changes nothing, and the server restarts on the file. */
async function refusedAtLimit(dataFile, method, path, body) {
  const ctx = await startServer({ dataFile });
  const before = readFileSync(dataFile, 'utf8');
  try {
    const response = await ctx.admin(method, path, body);
    assert.equal(response.status, 409, JSON.stringify(response.body));
    assert.equal(response.body.error.code, 'limit_reached');
    assert.match(response.body.error.message, /limit of [\d,]+; nothing was changed/);
    assert.equal(readFileSync(dataFile, 'utf8'), before, 'nothing written');
  } finally {
    await ctx.close();
  }
  const again = await startServer({ dataFile });
  await again.close();
}

describe('limits on write', () => {
  test(`a component past ${LIMITS.components}`, async () => {
    const components = Array.from({ length: LIMITS.components }, (_, i) => ({
      id: `c${i}`,
      name: `C${i}`,
      status: 'operational',
    }));
    await refusedAtLimit(dataFileWith({ components }), 'PUT', '/admin/components/one-more', {
      name: 'One more',
      status: 'operational',
    });
  });

  test(`an update past ${LIMITS.updatesPerItem} on one incident`, async () => {
    const file = dataFileWith({ incidents: [incident('long', LIMITS.updatesPerItem)] });
    await refusedAtLimit(file, 'POST', '/admin/incidents/long/updates', {
      status: 'monitoring',
      body: 'Still at it.',
    });
  });

  test(`an incident past ${LIMITS.items} open ones`, async () => {
    const incidents = Array.from({ length: LIMITS.items }, (_, i) => incident(`i${i}`));
    await refusedAtLimit(dataFileWith({ incidents }), 'POST', '/admin/incidents', {
      name: 'One more',
      impact: 'minor',
      body: 'b',
    });
  });
});

describe('retention', () => {
  test('resolved incidents past the retention move to the archive file; the feeds are unchanged', async () => {
    const ctx = await startServer({ retention: 50 });
    try {
      const ids = [];
      for (let i = 0; i < 53; i += 1) {
        const created = await ctx.admin('POST', '/admin/incidents', {
          name: `Incident ${i}`,
          impact: 'minor',
          status: 'resolved',
          body: 'Fixed.',
        });
        assert.equal(created.status, 201);
        ids.push(created.body.id);
      }
      const kept = JSON.parse(readFileSync(ctx.dataFile, 'utf8')).incidents;
      assert.equal(kept.length, 50);
      const archive = join(ctx.dataFile, '..', 'status-data.archive.jsonl');
      assert.ok(existsSync(archive));
      const lines = readFileSync(archive, 'utf8').trim().split('\n').map(JSON.parse);
      assert.equal(lines.length, 3);
      assert.deepEqual(
        lines.map((line) => line.item.id).sort(),
        ids.slice(0, 3).sort(),
        'the oldest resolved moved',
      );
      assert.equal(lines[0].kind, 'incident');
      const feed = await ctx.getJson('/feed.json');
      assert.equal(feed.incidents.length, 50);
      assert.equal(feed.incidents[0].id, ids.at(-1));
    } finally {
      await ctx.close();
    }
  });
});
