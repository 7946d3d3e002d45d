// /events on the open internet: streams are capped in all and per client address,
// past the caps a stream is refused with Retry-After while reads and admin writes
// go on, and a reader that stops reading is dropped instead of growing the server.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { eventReader, startServer, tempDir, TOKEN } from './helpers.js';

const CLI = new URL('../../../dist/server/cli.js', import.meta.url).pathname;

const openStream = (ctx) => fetch(`${ctx.base}/events`);

describe('event stream caps', () => {
  test('past the global cap a stream gets 503 with Retry-After; feeds and admin writes still answer', async () => {
    const ctx = await startServer({ maxStreams: 2, maxStreamsPerClient: 0 });
    const readers = [];
    try {
      for (let i = 0; i < 2; i += 1) {
        const response = await openStream(ctx);
        assert.equal(response.status, 200);
        const events = eventReader(response);
        await events.next();
        readers.push(events);
      }
      const refused = await openStream(ctx);
      assert.equal(refused.status, 503);
      assert.ok(Number(refused.headers.get('retry-after')) > 0);
      // Widgets on other sites must read Retry-After to fall back to polling politely.
      assert.equal(refused.headers.get('access-control-allow-origin'), '*');
      assert.equal((await refused.json()).error.code, 'streams_full');
      assert.equal((await fetch(`${ctx.base}/feed.json`)).status, 200);
      const put = await ctx.admin('PUT', '/admin/components/api', {
        name: 'API',
        status: 'operational',
      });
      assert.equal(put.status, 201);
      assert.equal(ctx.server.streams, 2);

      // A stream that closes frees its place.
      await readers.pop().cancel();
      await waitUntil(() => ctx.server.streams === 1);
      const again = await openStream(ctx);
      assert.equal(again.status, 200);
      readers.push(eventReader(again));
    } finally {
      for (const reader of readers) await reader.cancel();
      await ctx.close();
    }
  });

  test('one client address holds at most maxStreamsPerClient streams (429 past it)', async () => {
    const ctx = await startServer({ maxStreamsPerClient: 2 });
    const readers = [];
    try {
      for (let i = 0; i < 2; i += 1) readers.push(eventReader(await openStream(ctx)));
      const refused = await openStream(ctx);
      assert.equal(refused.status, 429);
      assert.ok(Number(refused.headers.get('retry-after')) > 0);
      assert.equal((await refused.json()).error.code, 'too_many_streams');
    } finally {
      for (const reader of readers) await reader.cancel();
      await ctx.close();
    }
  });

  test('under a 1,024-descriptor limit streams stop at 768; feeds and admin writes still answer', async () => {
    const dir = tempDir();
    const child = spawn(
      'sh',
      [
        '-c',
        `ulimit -n 1024 && exec "$0" "$@"`,
        process.execPath,
        CLI,
        '--port',
        '0',
        '--data',
        join(dir, 'data.json'),
        '--max-streams-per-client',
        '0',
      ],
      { env: { ...process.env, STATUS_ADMIN_TOKEN: TOKEN } },
    );
    const sockets = [];
    try {
      const base = await new Promise((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk) => {
          out += chunk;
          const match = /listening on (http:\/\/\S+?)\/?\n/.exec(out);
          if (match) resolve(match[1]);
        });
        child.once('exit', (code) => reject(new Error(`exited with ${code}`)));
      });
      for (let i = 0; i < 768; i += 1) sockets.push(await rawStream(base));
      const refused = await fetch(`${base}/events`);
      assert.equal(refused.status, 503);
      assert.equal((await fetch(`${base}/feed.json`)).status, 200);
      const put = await fetch(`${base}/admin/components/api`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'API', status: 'major_outage' }),
      });
      assert.equal(put.status, 201);
      assert.equal((await (await fetch(`${base}/feed.json`)).json()).indicator, 'major');
    } finally {
      for (const socket of sockets) socket.destroy();
      child.kill();
    }
  });
});

describe('a reader that stops reading', () => {
  test('is dropped once its buffer stays full, and the others keep receiving', async () => {
    // A page just small enough to be pushed whole (larger ones are only announced),
    // so that changes overflow every buffer on the way.
    const dir = tempDir();
    const dataFile = join(dir, 'status-data.json');
    const components = Array.from({ length: 55 }, (_, i) => ({
      id: `c${i}`,
      name: `Component ${i}`,
      status: 'operational',
      description: 'x'.repeat(900),
    }));
    writeFileSync(
      dataFile,
      JSON.stringify({
        version: 1,
        page: { name: 'Big' },
        components,
        incidents: [],
        maintenances: [],
        templates: [],
      }),
    );
    const ctx = await startServer({ dataFile, heartbeatSeconds: 0.2 });
    const stalled = await rawStream(ctx.base);
    stalled.pause(); // never reads again
    const reading = eventReader(await openStream(ctx));
    try {
      const first = await reading.next();
      assert.ok(first.data.length > 50_000, `pushed whole: ${first.data.length} bytes`);
      await waitUntil(() => ctx.server.streams === 2);
      for (let i = 0; i < 400 && ctx.server.streams > 1; i += 1) {
        const status = i % 2 ? 'major_outage' : 'operational';
        await ctx.admin('PUT', '/admin/components/c0', { name: 'Component 0', status });
        // The reading stream gets every change (heartbeats in between are skipped).
        let event = await reading.next();
        while (event.comment) event = await reading.next();
      }
      await waitUntil(() => ctx.server.streams === 1);
      assert.equal(ctx.server.streams, 1, 'the stalled reader was dropped, the reading one kept');
    } finally {
      stalled.destroy();
      await reading.cancel();
      await ctx.close();
    }
  });
});

/** A GET /events on a raw socket, resolved once the response headers arrive. */
function rawStream(base) {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname, () => {
      socket.write(`GET /events HTTP/1.1\r\nHost: ${url.host}\r\n\r\n`);
    });
    socket.once('data', () => resolve(socket));
    socket.once('error', reject);
  });
}

async function waitUntil(condition, ms = 5000) {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('a feed too large to push', () => {
  test('is announced on the stream, not pushed whole: readers fetch it, compressed', async () => {
    const dataFile = join(tempDir(), 'status-data.json');
    let ctx = await startServer({ dataFile });
    for (let i = 0; i < 12; i += 1) {
      const put = await ctx.admin('PUT', `/admin/components/c${i}`, {
        name: `Component ${i}`,
        status: 'operational',
      });
      assert.equal(put.status, 201);
    }
    await ctx.close();
    // A year of watching each component: a year of daily history in the feed.
    const data = JSON.parse(readFileSync(dataFile, 'utf8'));
    const yearAgo = new Date(Date.now() - 400 * 86_400_000).toISOString();
    for (const records of Object.values(data.statusLog)) records[0].at = yearAgo;
    writeFileSync(dataFile, JSON.stringify(data));

    ctx = await startServer({ dataFile });
    try {
      const feed = await (await fetch(`${ctx.base}/feed.json`)).text();
      assert.ok(feed.length > 64 * 1024, `${feed.length} bytes`);
      const events = eventReader(await openStream(ctx));
      assert.equal((await events.next()).data, '{"changed":true}');
      await ctx.admin('PUT', '/admin/components/c0', {
        name: 'Component 0',
        status: 'major_outage',
      });
      assert.equal((await events.next()).data, '{"changed":true}');
      await events.cancel();
    } finally {
      await ctx.close();
    }
  });
});
