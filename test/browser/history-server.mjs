// Test-runner commands for test/browser/uptime-history.test.ts: the reference server
// on a free loopback port, on whose clock a component's outage is recorded through
// the admin API on past days (the clock is moved back, then forward to now again).
import { URL } from 'node:url';

const DAY = 24 * 3_600_000;
const TOKEN = 'history-test-token';

let running;

async function start() {
  const clock = { offset: 0 };
  // Built by `npm run build`, which `npm test` runs first.
  const { createStatusServer } = await import('../../dist/server/index.js');
  const server = await createStatusServer({
    token: TOKEN,
    now: () => new Date(Date.now() + clock.offset),
  });
  const url = await server.listen(0, '127.0.0.1');
  running = server;
  const admin = async (path, body, at) => {
    clock.offset = at - Date.now();
    const response = await globalThis.fetch(new URL(path, url), {
      method: 'PUT',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
  };
  // Days in UTC, the page's zone: created three days ago at midnight; down from 23:00
  // two days ago until 05:00 yesterday.
  const today = Math.floor(Date.now() / DAY) * DAY;
  await admin('/admin/page', { name: 'Acme', timeZone: 'Etc/UTC' }, today - 3 * DAY);
  await admin('/admin/components/api', { name: 'API', status: 'operational' }, today - 3 * DAY);
  const down = today - DAY - 3_600_000;
  await admin('/admin/components/api', { name: 'API', status: 'major_outage' }, down);
  await admin(
    '/admin/components/api',
    { name: 'API', status: 'operational' },
    down + 6 * 3_600_000,
  );
  clock.offset = 0;
  const date = (days) => new Date(today - days * DAY).toISOString().slice(0, 10);
  return { url, dates: [date(4), date(3), date(2), date(1), date(0)] };
}

async function stop() {
  const server = running;
  running = undefined;
  await server?.close();
  return true;
}

/** The plugin: `executeServerCommand('history-start')` / `('history-stop')`. */
export function historyServer() {
  return {
    name: 'history-server',
    executeCommand({ command }) {
      if (command === 'history-start') return start();
      if (command === 'history-stop') return stop();
      return undefined;
    },
  };
}
