// The reference server under load, as a real process on loopback: autocannon
// opens many connections that mix reads of every feed with admin writes, each
// write creating a component of its own. No request may fail, every write the
// server acknowledged must be in the data file, and a SIGKILL in the middle of
// the writes must leave a data file the server starts from, holding every
// acknowledged write. Short in `npm test`; `npm run test:soak` runs it long
// (LOAD_SECONDS, LOAD_CONNECTIONS).
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 3);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 500);
const TOKEN = 'load-token-0123456789';
const CLI = new URL('../../dist/server/cli.js', import.meta.url).pathname;

const children = new Set();
after(() => {
  for (const child of children) child.kill('SIGKILL');
});

/** Starts the server CLI on a free port; resolves once it prints its address. */
function startServerProcess(dataFile) {
  const child = spawn(
    process.execPath,
    // autocannon is one address standing for many clients, as a proxy is.
    [CLI, '--port', '0', '--data', dataFile, '--token', TOKEN, '--max-connections-per-client', '0'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.add(child);
  child.on('exit', () => children.delete(child));
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /listening on (http:\/\/\S+?)\/?\s/.exec(output);
      if (match) resolve({ child, base: match[1] });
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => reject(new Error(`the server exited (${code}): ${output}`)));
  });
}

/**
 * The request cycle of each connection: reads of every feed, then one write of a
 * component with an id no other write uses. Acknowledged writes land in `acked`.
 */
function mixedRequests(acked, prefix) {
  let next = 0;
  const read = (path) => ({ method: 'GET', path });
  return [
    read('/feed.json'),
    read('/api/v2/summary.json'),
    read('/feed.json'),
    read('/api/v2/incidents.json'),
    read('/history.atom'),
    read('/feed.json'),
    {
      method: 'PUT',
      setupRequest(request, context) {
        next += 1;
        context.id = `${prefix}-${next}`;
        return {
          ...request,
          path: `/admin/components/${context.id}`,
          headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
          body: JSON.stringify({ name: `Load ${next}`, status: 'operational', group: 'Load' }),
        };
      },
      onResponse(status, _body, context) {
        if (status === 201 || status === 200) acked.add(context.id);
      },
    },
  ];
}

function componentIds(dataFile) {
  const data = JSON.parse(readFileSync(dataFile, 'utf8'));
  return new Set(data.components.map((component) => component.id));
}

describe('the server under load', () => {
  test(`${CONNECTIONS} connections for ${SECONDS} s of mixed reads and writes: no errors, no lost write`, async () => {
    const dataFile = join(mkdtempSync(join(tmpdir(), 'status-load-')), 'data.json');
    const { child, base } = await startServerProcess(dataFile);
    const acked = new Set();
    const result = await autocannon({
      url: base,
      connections: CONNECTIONS,
      duration: SECONDS,
      timeout: 30,
      requests: mixedRequests(acked, 'load'),
    });
    assert.equal(result.errors, 0, `request errors: ${JSON.stringify(result.statusCodeStats)}`);
    assert.equal(result.timeouts, 0);
    assert.equal(result.non2xx, 0, JSON.stringify(result.statusCodeStats));
    assert.ok(result.requests.total > CONNECTIONS, `${result.requests.total} requests`);
    assert.ok(acked.size > 0, 'some writes were acknowledged');
    // Every acknowledged write is served and on disk.
    const feed = await (await fetch(`${base}/feed.json`)).json();
    const served = new Set(feed.components.map((component) => component.id));
    const onDisk = componentIds(dataFile);
    for (const id of acked) {
      assert.ok(served.has(id), `${id} was acknowledged but is not served`);
      assert.ok(onDisk.has(id), `${id} was acknowledged but is not in the data file`);
    }
    console.log(
      `# load: ${result.requests.total} requests, ${acked.size} writes acknowledged and checked, 0 errors`,
    );
    child.kill('SIGTERM');
  });

  test('SIGKILL during writes leaves a valid data file with every acknowledged write', async () => {
    const dataFile = join(mkdtempSync(join(tmpdir(), 'status-kill-')), 'data.json');
    const first = await startServerProcess(dataFile);
    const acked = new Set();
    const requests = mixedRequests(acked, 'kill');
    let killed = false;
    const write = requests.at(-1);
    const onResponse = write.onResponse;
    // Kill the server, without warning, once it has acknowledged enough writes.
    write.onResponse = (status, body, context) => {
      onResponse(status, body, context);
      if (!killed && acked.size >= 50) {
        killed = true;
        first.child.kill('SIGKILL');
      }
    };
    const ackedAtKill = await new Promise((resolve) => {
      const instance = autocannon({
        url: first.base,
        connections: Math.min(CONNECTIONS, 100),
        duration: Math.max(SECONDS, 5),
        timeout: 5,
        requests,
      });
      first.child.once('exit', () => {
        const snapshot = new Set(acked);
        instance.stop();
        resolve(snapshot);
      });
    });
    assert.ok(killed, 'the server was killed during the run');
    // The file parses, the server starts from it, and no acknowledged write is missing.
    const onDisk = componentIds(dataFile);
    for (const id of ackedAtKill) assert.ok(onDisk.has(id), `${id} was acknowledged but lost`);
    const second = await startServerProcess(dataFile);
    const feed = await (await fetch(`${second.base}/feed.json`)).json();
    const served = new Set(feed.components.map((component) => component.id));
    for (const id of ackedAtKill) assert.ok(served.has(id), `${id} is not served after restart`);
    console.log(`# kill: ${ackedAtKill.size} acknowledged writes all present after SIGKILL`);
    second.child.kill('SIGTERM');
  });
});
