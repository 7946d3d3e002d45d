// Durability: the server is killed with SIGKILL at random moments while it is
// writing; after each kill it must start again, with a complete data file that
// holds every write it acknowledged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createStatusServer } from '../../../dist/server/index.js';
import { tempDir } from './helpers.js';

const CLI = new URL('../../../dist/server/cli.js', import.meta.url).pathname;
const KILLS = Number(process.env.DURABILITY_KILLS ?? 30);
const WRITERS = 4;
const TOKEN = 'durability';

function startChild(dataFile) {
  const child = spawn(
    process.execPath,
    [CLI, '--port', '0', '--data', dataFile, '--token', TOKEN],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const match = /listening on (http:\/\/\S+?)\/?\n/.exec(stdout);
      if (match) resolve({ child, base: match[1] });
    });
    child.on('exit', (code, signal) =>
      reject(new Error(`server exited (${code ?? signal}): ${stderr}`)),
    );
  });
}

test(`${KILLS} SIGKILLs mid-write lose no acknowledged write and never tear the file`, async (t) => {
  const dataFile = join(tempDir(), 'status-data.json');
  const acknowledged = new Set();
  const attempted = new Set();
  let killedWithWritesInFlight = 0;

  for (let cycle = 0; cycle < KILLS; cycle += 1) {
    const { child, base } = await startChild(dataFile);
    let stopped = false;
    let inFlight = 0;
    const writer = async (lane) => {
      for (let n = 0; !stopped; n += 1) {
        const name = `write ${cycle}.${lane}.${n}`;
        attempted.add(name);
        inFlight += 1;
        try {
          const response = await fetch(`${base}/admin/incidents`, {
            method: 'POST',
            headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
            body: JSON.stringify({ name, impact: 'minor', body: `Body of ${name}.` }),
          });
          if (response.status === 201) acknowledged.add(name);
          else assert.fail(`unexpected ${response.status}: ${await response.text()}`);
        } catch (error) {
          if (!stopped) throw error;
          return; // the connection died with the server: not acknowledged
        } finally {
          inFlight -= 1;
        }
      }
    };
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const writers = Array.from({ length: WRITERS }, (_, lane) => writer(lane));
    // A random moment: between 0 and 150 ms of continuous writing.
    setTimeout(() => {
      if (inFlight > 0) killedWithWritesInFlight += 1;
      stopped = true;
      child.kill('SIGKILL');
    }, Math.random() * 150);
    await exited;
    await Promise.all(writers);

    // The server must start on whatever the kill left behind.
    const server = await createStatusServer({ dataFile });
    const names = new Set(server.store.data.incidents.map((incident) => incident.name));
    await server.close();
    for (const name of acknowledged)
      assert.ok(names.has(name), `cycle ${cycle}: ${name} was acknowledged`);
    for (const name of names)
      assert.ok(attempted.has(name), `cycle ${cycle}: ${name} was really written`);
    for (const incident of JSON.parse(readFileSync(dataFile, 'utf8')).incidents) {
      assert.equal(incident.updates[0].body, `Body of ${incident.name}.`, 'each write is whole');
    }
  }

  t.diagnostic(
    `${acknowledged.size} writes acknowledged, ${attempted.size} attempted, ${killedWithWritesInFlight} of ${KILLS} kills with writes in flight`,
  );
  assert.ok(acknowledged.size > KILLS, `writes were acknowledged (${acknowledged.size})`);
  assert.ok(killedWithWritesInFlight > 0, 'some kills landed while writes were in flight');
  assert.deepEqual(
    readdirSync(join(dataFile, '..')).filter(
      (name) => name !== 'status-data.json' && name !== '.status-data.json.lock-key',
    ),
    [],
    'no temp files left after the last start',
  );
});
