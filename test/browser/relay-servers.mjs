// Test-runner commands for test/browser/relay.test.ts: an Uptime Kuma stand-in that
// sends no CORS headers (as Uptime Kuma does in production), on an origin of its own,
// and the reference server relaying it. Both on loopback, on free ports.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { URL } from 'node:url';

const fixture = (name) =>
  readFileSync(new URL(`../fixtures/uptime-kuma/${name}`, import.meta.url), 'utf8');

const ROUTES = {
  '/api/status-page/main': fixture('documented-status-page.json'),
  '/api/status-page/heartbeat/main': fixture('documented-heartbeat.json'),
};

let running;

async function start() {
  const kuma = createServer((request, response) => {
    const body = ROUTES[new URL(request.url, 'http://x').pathname];
    if (body === undefined) return response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise((resolve) => kuma.listen(0, '127.0.0.1', resolve));
  const kumaUrl = `http://127.0.0.1:${kuma.address().port}`;
  // Built by `npm run build`, which `npm test` runs first.
  const { createStatusServer } = await import('../../dist/server/index.js');
  const relay = await createStatusServer({ sources: [`${kumaUrl}/status/main`] });
  const relayUrl = await relay.listen(0, '127.0.0.1');
  running = { kuma, relay };
  return { kuma: kumaUrl, relay: relayUrl };
}

async function stop() {
  if (!running) return true;
  const { kuma, relay } = running;
  running = undefined;
  await relay.close();
  kuma.closeAllConnections();
  await new Promise((resolve) => kuma.close(resolve));
  return true;
}

/** The plugin: `executeServerCommand('relay-start')` / `('relay-stop')`. */
export function relayServers() {
  return {
    name: 'relay-servers',
    executeCommand({ command }) {
      if (command === 'relay-start') return start();
      if (command === 'relay-stop') return stop();
      return undefined;
    },
  };
}
