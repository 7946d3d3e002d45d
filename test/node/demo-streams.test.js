// `npm start` is a proxy in front of two servers: the per-client cap on event streams
// must count each visitor, not the front, so that one visitor's 17th tab is refused
// and everybody else's first is not.
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { request } from 'node:http';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startDemo, STREAMS_PER_VISITOR } from '../../scripts/start.mjs';

/** Opens an event stream from `localAddress`; resolves with its status and a way to close it. */
function openStream(url, localAddress) {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { localAddress }, (answer) => {
      answer.resume();
      resolve({ status: answer.statusCode, close: () => outgoing.destroy() });
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

test('npm start caps event streams per visitor, not for all visitors together', async () => {
  const out = fileURLToPath(new URL(`../../.demo-test-streams-${process.pid}`, import.meta.url));
  const demo = await startDemo({ port: 0, stepSeconds: 60, out });
  const open = [];
  try {
    const events = new URL('events', demo.url);
    const chineseEvents = new URL('zh-CN/events', demo.url);
    // One visitor (127.0.0.1) fills its share across both languages' streams…
    for (let index = 0; index < STREAMS_PER_VISITOR; index += 1) {
      const stream = await openStream(index % 2 ? chineseEvents : events, '127.0.0.1');
      open.push(stream);
      assert.equal(stream.status, 200, `stream ${index + 1}`);
    }
    const extra = await openStream(events, '127.0.0.1');
    open.push(extra);
    assert.equal(extra.status, 429, 'the same visitor’s next stream is refused');
    // …and other visitors (other loopback addresses) still get theirs.
    for (const address of ['127.0.0.2', '127.0.0.3']) {
      const stream = await openStream(events, address);
      open.push(stream);
      assert.equal(stream.status, 200, `a stream for ${address}`);
    }
    // A closed stream frees its place (once the front has seen it close).
    open[0].close();
    let again;
    for (let tries = 0; tries < 40 && again?.status !== 200; tries += 1) {
      again = await openStream(events, '127.0.0.1');
      open.push(again);
      if (again.status !== 200) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.equal(again.status, 200, 'a place freed by a closed stream');
  } finally {
    for (const stream of open) stream.close();
    await demo.close();
    await rm(out, { recursive: true, force: true });
  }
});
