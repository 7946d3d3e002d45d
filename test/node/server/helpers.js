// Shared helpers for the server tests: a real server on a random loopback port,
// admin requests, and a reader for Server-Sent Events.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// No package export for the server yet: import the build by path.
import { createStatusServer } from '../../../dist/server/index.js';

export const TOKEN = 'test-token-0123456789';

const tempDirs = [];
process.once('exit', () => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder, removed when the test process exits. */
export function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'status-server-test-'));
  tempDirs.push(dir);
  return dir;
}

/** Starts a server on 127.0.0.1:<free port> with a fresh data file (unless given one). */
export async function startServer(options = {}) {
  const dataFile = 'dataFile' in options ? options.dataFile : join(tempDir(), 'status-data.json');
  const server = await createStatusServer({ token: TOKEN, ...options, dataFile });
  const base = (await server.listen(0, '127.0.0.1')).replace(/\/$/, '');
  const admin = async (method, path, body, headers = {}) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${TOKEN}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text ? JSON.parse(text) : undefined,
    };
  };
  const getJson = async (path) => {
    const response = await fetch(`${base}${path}`);
    return response.json();
  };
  return { server, base, dataFile, admin, getJson, close: () => server.close() };
}

/** A page with two components in a group, one alone, and a live incident. */
export async function seed(admin) {
  await admin('PUT', '/admin/page', {
    name: 'Acme',
    url: 'https://status.acme.test',
    timeZone: 'Etc/UTC',
  });
  await admin('PUT', '/admin/components/api', {
    name: 'API',
    status: 'operational',
    group: 'Core',
  });
  await admin('PUT', '/admin/components/db', {
    name: 'Database',
    status: 'operational',
    group: 'Core',
  });
  await admin('PUT', '/admin/components/web', { name: 'Website', status: 'operational' });
  const incident = await admin('POST', '/admin/incidents', {
    name: 'Elevated errors',
    impact: 'major',
    body: 'We are investigating elevated error rates.',
    components: [{ id: 'api', status: 'partial_outage' }],
    nextUpdateInMinutes: 30,
  });
  return incident.body;
}

/**
 * Reads a text/event-stream response: `next()` resolves with the next event
 * ({ id, data, comment }) as soon as it arrives.
 */
export function eventReader(response) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return {
    async next() {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = {};
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) event.comment = line.slice(1).trim();
            else {
              const at = line.indexOf(':');
              const field = line.slice(0, at);
              event[field] = line.slice(at + 1).replace(/^ /, '');
            }
          }
          if (event.retry && Object.keys(event).length === 1) continue;
          return event;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('the event stream ended');
        buffer += decoder.decode(value, { stream: true });
      }
    },
    cancel: () => reader.cancel(),
  };
}

/** Components without their daily history, which grows with the clock. */
export function withoutHistory(components) {
  return components.map((component) => {
    const copy = { ...component };
    delete copy.history;
    return copy;
  });
}
