// Slow clients: one address with 1,000 connections that send their headers a byte at
// a time, or a slow body after a wrong token, never takes the server offline under a
// 1,024-descriptor limit. One address holds a bounded share of the connections (the
// rest are answered 429 and closed), slow headers are cut off after a few seconds, a
// refused admin request is closed rather than drained, and event streams run on.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { join } from 'node:path';
import { createStatusServer } from '../../../dist/server/index.js';
import { tempDir, TOKEN } from './helpers.js';

const CLI = new URL('../../../dist/server/cli.js', import.meta.url).pathname;
const ATTACK = 1000;
const HEADERS_TIMEOUT_MS = 10_000;

/** A raw connection from loopback address `from`, recording what it is sent and when it is closed. */
function rawConnection(port, from, first) {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port, localAddress: from }, () => {
      socket.write(first);
      resolve(connection);
    });
    const connection = { socket, received: '', closedAt: undefined };
    socket.setEncoding('latin1');
    socket.on('data', (chunk) => (connection.received += chunk));
    socket.on('error', () => undefined);
    socket.once('close', () => (connection.closedAt = Date.now()));
    socket.once('error', reject);
  });
}

/** Opens `count` connections, `lanes` at a time. */
async function many(count, open, lanes = 50) {
  const all = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (next < count) {
        next += 1;
        all.push(await open());
      }
    }),
  );
  return all;
}

const until = async (check, ms) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 50));
  return check();
};

describe('slow clients under ulimit -n 1024', () => {
  let child;
  let base;
  let port;
  before(async () => {
    child = spawn(
      'bash',
      [
        '-c',
        `ulimit -n 1024; exec "${process.execPath}" "${CLI}" --port 0 --data "${join(tempDir(), 'data.json')}"`,
      ],
      { env: { ...process.env, STATUS_ADMIN_TOKEN: TOKEN } },
    );
    base = await new Promise((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk) => {
        out += chunk;
        const match = /listening on (http:\/\/\S+?)\/?\n/.exec(out);
        if (match) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`exited with ${code}`)));
    });
    port = Number(new URL(base).port);
  });
  after(() => child.kill());

  /** Other clients are served: a read and an admin write, each within a second. */
  async function othersServed(name) {
    const signal = AbortSignal.timeout(1000);
    assert.equal((await fetch(`${base}/feed.json`, { signal })).status, 200, name);
    const put = await fetch(`${base}/admin/components/${name}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name, status: 'operational' }),
      signal: AbortSignal.timeout(1000),
    });
    assert.equal(put.status, 201, name);
  }

  test(`${ATTACK} connections sending admin headers a byte every 5 s: the address holds 64, the rest get 429; others are served; slow headers are cut off`, async () => {
    const stream = await rawConnection(
      port,
      '127.0.0.1',
      'GET /events HTTP/1.1\r\nHost: a\r\n\r\n',
    );
    const slow = await many(ATTACK, () =>
      rawConnection(port, '127.0.0.2', 'PUT /admin/components/x HTTP/1.1\r\nHost: a\r\n'),
    );
    const drip = setInterval(() => {
      for (const { socket } of slow) if (!socket.destroyed) socket.write('X');
    }, 5000);
    try {
      const started = Date.now();
      assert.ok(
        await until(() => slow.filter((c) => c.closedAt).length >= ATTACK - 64, 5000),
        `${slow.filter((c) => c.closedAt).length} refused`,
      );
      const refused = slow.filter((c) => c.closedAt);
      assert.ok(
        refused.every((c) => c.received.startsWith('HTTP/1.1 429 ')),
        refused[0]?.received,
      );
      assert.match(refused[0].received, /too_many_connections/);
      await othersServed('during-slow-headers');
      // The 64 it holds are closed once their headers take longer than the bound.
      assert.ok(
        await until(() => slow.every((c) => c.closedAt), HEADERS_TIMEOUT_MS + 5000),
        `${slow.filter((c) => !c.closedAt).length} slow connections still open`,
      );
      assert.ok(Date.now() - started < HEADERS_TIMEOUT_MS + 5000);
      assert.equal(stream.closedAt, undefined, 'the event stream runs on');
      assert.match(stream.received, /^HTTP\/1\.1 200 [\s\S]*\r\n\r\n/);
    } finally {
      clearInterval(drip);
      for (const { socket } of slow) socket.destroy();
      stream.socket.destroy();
    }
  });

  test(`${ATTACK} slow bodies after a wrong token (Content-Length: 60000): each is answered and closed at once`, async () => {
    const started = Date.now();
    const slow = await many(ATTACK, () =>
      rawConnection(
        port,
        '127.0.0.3',
        'PUT /admin/components/x HTTP/1.1\r\nHost: a\r\nAuthorization: Bearer wrong\r\n' +
          'Content-Type: application/json\r\nContent-Length: 60000\r\n\r\n{',
      ),
    );
    try {
      assert.ok(
        await until(() => slow.every((c) => c.closedAt), 5000),
        `${slow.filter((c) => !c.closedAt).length} still open`,
      );
      assert.ok(Date.now() - started < 5000 + 2000);
      for (const connection of slow) {
        assert.match(connection.received, /^HTTP\/1\.1 (401|429) /, connection.received);
      }
      assert.ok(slow.some((c) => c.received.startsWith('HTTP/1.1 401 ')));
      await othersServed('after-slow-bodies');
    } finally {
      for (const { socket } of slow) socket.destroy();
    }
  });
});

describe('the per-client connection cap', () => {
  test('is off behind a proxy (--max-streams-per-client 0) unless given', async () => {
    for (const [options, held] of [
      [{ maxStreamsPerClient: 0 }, 100],
      [{ maxStreamsPerClient: 0, maxConnectionsPerClient: 10 }, 10],
    ]) {
      const server = await createStatusServer(options);
      const url = new URL(await server.listen(0, '127.0.0.1'));
      const open = await many(100, () =>
        rawConnection(Number(url.port), '127.0.0.4', 'GET /feed.json HTTP/1.1\r\nHost: a\r\n'),
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      try {
        assert.equal(open.filter((c) => !c.closedAt).length, held, JSON.stringify(options));
      } finally {
        for (const { socket } of open) socket.destroy();
        await server.close();
      }
    }
  });
});
