// Test-runner commands for test/browser/zone-names.test.ts: the reference server on a
// free loopback port, with one incident per page zone whose update text comes from a
// built-in template that promises the next update ({next}).
import { URL } from 'node:url';

const TOKEN = 'zone-test-token';
const running = [];

async function start({ timeZone, locale }) {
  // Built by `npm run build`, which `npm test` runs first.
  const { createStatusServer } = await import('../../dist/server/index.js');
  const server = await createStatusServer({ token: TOKEN });
  const url = await server.listen(0, '127.0.0.1');
  running.push(server);
  const admin = async (method, path, body) => {
    const response = await globalThis.fetch(new URL(path, url), {
      method,
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
  };
  await admin('PUT', '/admin/page', { name: 'Acme', timeZone });
  await admin('POST', '/admin/incidents', {
    name: 'Slow pages',
    impact: 'minor',
    template: 'investigating',
    locale,
    vars: { problem: 'API' },
    nextUpdateInMinutes: 30,
  });
  return { feed: new URL('feed.json', url).href };
}

async function stop() {
  await Promise.all(running.splice(0).map((server) => server.close()));
  return true;
}

/** The plugin: `executeServerCommand('zone-start', { timeZone, locale })` / `('zone-stop')`. */
export function zoneServer() {
  return {
    name: 'zone-server',
    executeCommand({ command, payload }) {
      if (command === 'zone-start') return start(payload);
      if (command === 'zone-stop') return stop();
      return undefined;
    },
  };
}
