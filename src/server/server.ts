// The reference feed server: reading routes (native, Statuspage v2, Atom/RSS, SSE),
// the admin API, and optionally static files and the demo scenario.
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createIncident,
  createMaintenance,
  deleteComponent,
  overdueIncidents,
  putComponent,
  putPage,
  updateIncident,
  updateMaintenance,
} from './changes.js';
import type { ServerData } from './data.js';
import { DOCUMENT_PATHS, documentFor } from './documents.js';
import { RequestError } from './errors.js';
import { toFeedJson } from './feed.js';
import { CORS, readJsonBody, sendDocument, sendError, sendJson, strongEtag } from './http.js';
import { startScenario, type ScenarioName } from './scenario.js';
import { parseMount, serveStatic, type StaticMount } from './static.js';
import { DataStore } from './store.js';
import { allTemplates, placeholders } from './templates.js';

export interface StatusServerOptions {
  /** The data file; created when missing. Without one, state lives in memory only. */
  dataFile?: string;
  /** The admin API's bearer token; without one the admin API is off. */
  token?: string;
  /** Play a scripted incident on a loop ("demo"). */
  scenario?: ScenarioName;
  /** Seconds per scenario step (default 6). */
  stepSeconds?: number;
  /** Folders to serve as static files: "DIR" at "/", "/prefix=DIR" under a prefix. */
  static?: readonly (string | StaticMount)[];
  /**
   * Where the feeds say the event stream is (default `/events`): set it when a proxy
   * serves this server under a path, e.g. `/zh-CN/events`.
   */
  eventsUrl?: string;
  /** Seconds between SSE heartbeat comments (default 15). */
  heartbeatSeconds?: number;
  /** The clock (tests pass a fixed one). */
  now?: () => Date;
}

export interface StatusServer {
  /** Starts listening; resolves with the base URL, e.g. http://127.0.0.1:8787/. */
  listen(port?: number, host?: string): Promise<string>;
  /** Stops the scenario, ends event streams, waits for pending writes, stops listening. */
  close(): Promise<void>;
  /** The base URL once listening. */
  readonly url: string | undefined;
  readonly store: DataStore;
}

const EVENTS_PATH = '/events';
const ADMIN_OFF = new RequestError(
  403,
  'admin_disabled',
  'The admin API is off. Start the server with --token <secret> or STATUS_ADMIN_TOKEN to turn it on.',
);

type AdminRoute = {
  method: string;
  pattern: RegExp;
  run: (match: string[], request: IncomingMessage) => Promise<[number, unknown]>;
};

export async function createStatusServer(options: StatusServerOptions = {}): Promise<StatusServer> {
  const now = options.now ?? (() => new Date());
  const eventsUrl = options.eventsUrl ?? EVENTS_PATH;
  const store = await DataStore.open(options.dataFile, now);
  const mounts = (options.static ?? []).map((mount) =>
    typeof mount === 'string' ? parseMount(mount) : mount,
  );
  const tokenDigest = options.token
    ? createHash('sha256').update(options.token).digest()
    : undefined;

  // Rendered documents for the current revision only: a poll is a map lookup.
  let cached = {
    revision: 0,
    documents: new Map<string, { type: string; body: string; etag: string }>(),
  };
  function document(path: string) {
    if (cached.revision !== store.revision)
      cached = { revision: store.revision, documents: new Map() };
    let found = cached.documents.get(path);
    if (!found) {
      const rendered = documentFor(store.data, path, eventsUrl);
      if (!rendered) return undefined;
      found = { ...rendered, etag: strongEtag(rendered.body) };
      cached.documents.set(path, found);
    }
    return found;
  }

  // Server-Sent Events: every change goes to every listener as a new feed.json.
  const streams = new Set<ServerResponse>();
  const eventFor = (data: ServerData, revision: number) =>
    `id: ${revision}\ndata: ${JSON.stringify(toFeedJson(data, eventsUrl))}\n\n`;
  store.subscribe((data, revision) => {
    const event = eventFor(data, revision);
    for (const stream of streams) stream.write(event);
  });
  const heartbeat = setInterval(
    () => {
      for (const stream of streams) stream.write(': heartbeat\n\n');
    },
    (options.heartbeatSeconds ?? 15) * 1000,
  );
  heartbeat.unref();

  function openStream(request: IncomingMessage, response: ServerResponse) {
    response.writeHead(200, {
      ...CORS,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store, no-transform',
      connection: 'keep-alive',
      // nginx and similar proxies would otherwise hold events back in a buffer.
      'x-accel-buffering': 'no',
    });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    response.write('retry: 5000\n\n');
    // The current state first, unless the client reconnects already holding it.
    if (request.headers['last-event-id'] !== String(store.revision)) {
      response.write(eventFor(store.data, store.revision));
    }
    streams.add(response);
    request.on('close', () => streams.delete(response));
  }

  function authorized(request: IncomingMessage): boolean {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
    const given = createHash('sha256')
      .update(match?.[1] ?? '')
      .digest();
    // Digests have equal length, so the comparison takes the same time for any token.
    return timingSafeEqual(given, tokenDigest!) && match !== null;
  }

  const change = <T>(mutate: (data: ServerData, at: Date) => T) => store.change(mutate);
  const admin: AdminRoute[] = [
    {
      method: 'GET',
      pattern: /^\/admin\/templates$/,
      run: async () => [
        200,
        {
          templates: allTemplates(store.data.templates).map((template) => ({
            ...template,
            vars: placeholders(Object.values(template.text).join(' ')),
          })),
        },
      ],
    },
    {
      method: 'GET',
      pattern: /^\/admin\/overdue$/,
      run: async () => [200, { overdue: overdueIncidents(store.data, now()) }],
    },
    {
      method: 'POST',
      pattern: /^\/admin\/incidents$/,
      run: async (_match, request) => {
        const body = await readJsonBody(request);
        return [201, await change((data, at) => createIncident(data, body, at))];
      },
    },
    {
      method: 'POST',
      pattern: /^\/admin\/incidents\/([^/]+)\/updates$/,
      run: async ([, id], request) => {
        const body = await readJsonBody(request);
        return [201, await change((data, at) => updateIncident(data, id!, body, at))];
      },
    },
    {
      method: 'POST',
      pattern: /^\/admin\/maintenances$/,
      run: async (_match, request) => {
        const body = await readJsonBody(request);
        return [201, await change((data, at) => createMaintenance(data, body, at))];
      },
    },
    {
      method: 'POST',
      pattern: /^\/admin\/maintenances\/([^/]+)\/updates$/,
      run: async ([, id], request) => {
        const body = await readJsonBody(request);
        return [201, await change((data, at) => updateMaintenance(data, id!, body, at))];
      },
    },
    {
      method: 'PUT',
      pattern: /^\/admin\/components\/([^/]+)$/,
      run: async ([, id], request) => {
        const body = await readJsonBody(request);
        const result = await change((data, at) => putComponent(data, id!, body, at));
        return [result.created ? 201 : 200, result.component];
      },
    },
    {
      method: 'DELETE',
      pattern: /^\/admin\/components\/([^/]+)$/,
      run: async ([, id]) => {
        await change((data) => deleteComponent(data, id!));
        return [204, undefined];
      },
    },
    {
      method: 'PUT',
      pattern: /^\/admin\/page$/,
      run: async (_match, request) => {
        const body = await readJsonBody(request);
        return [200, await change((data) => putPage(data, body))];
      },
    },
  ];

  async function handleAdmin(request: IncomingMessage, response: ServerResponse, path: string) {
    if (!tokenDigest) throw ADMIN_OFF;
    if (!authorized(request)) {
      request.resume();
      throw new RequestError(
        401,
        'unauthorized',
        'Send the admin token as the header Authorization: Bearer <token>.',
        'Authorization',
        'must be "Bearer" and the server\'s admin token',
      );
    }
    const routes = admin
      .map((route) => ({ route, match: route.pattern.exec(path) }))
      .filter((found) => found.match);
    if (routes.length === 0)
      throw new RequestError(404, 'not_found', `There is no admin route ${path}.`);
    const found = routes.find(({ route }) => route.method === request.method);
    if (!found) {
      request.resume();
      const allow = routes.map(({ route }) => route.method).join(', ');
      throw Object.assign(
        new RequestError(
          405,
          'method_not_allowed',
          `${path} answers ${allow}, not ${request.method}.`,
        ),
        { headers: { allow } },
      );
    }
    let args: string[];
    try {
      args = [...found.match!].map((part) => decodeURIComponent(part));
    } catch {
      throw new RequestError(400, 'invalid', 'The path is not validly encoded.');
    }
    const [status, body] = await found.route.run(args, request);
    if (status === 204) response.writeHead(204, { ...CORS, 'cache-control': 'no-store' }).end();
    else sendJson(response, status, body);
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (request.method === 'OPTIONS') {
      response
        .writeHead(204, {
          ...CORS,
          'access-control-allow-methods': 'GET, HEAD, POST, PUT, DELETE, OPTIONS',
          'access-control-allow-headers':
            'Authorization, Content-Type, If-None-Match, Last-Event-ID',
          'access-control-max-age': '86400',
        })
        .end();
      return;
    }
    if (path === '/admin' || path.startsWith('/admin/'))
      return handleAdmin(request, response, path);
    const reading = request.method === 'GET' || request.method === 'HEAD';
    const found = document(path) ?? (path === EVENTS_PATH ? 'events' : undefined);
    if (found && !reading) {
      request.resume();
      throw Object.assign(
        new RequestError(405, 'method_not_allowed', `${path} is read-only: use GET or HEAD.`),
        { headers: { allow: 'GET, HEAD' } },
      );
    }
    if (found === 'events') return openStream(request, response);
    if (found) return sendDocument(request, response, found);
    if (reading && (await serveStatic(mounts, request, response, path))) return;
    request.resume();
    throw new RequestError(
      404,
      'not_found',
      `Nothing at ${path}. Feeds: ${[...DOCUMENT_PATHS, EVENTS_PATH].join(', ')}.`,
    );
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (response.headersSent) {
        response.destroy();
        return;
      }
      if (error instanceof RequestError) {
        const extra = error as RequestError & {
          headers?: Record<string, string>;
          closeConnection?: boolean;
        };
        sendError(response, error, {
          ...(error.status === 401 ? { 'www-authenticate': 'Bearer' } : {}),
          ...(extra.closeConnection ? { connection: 'close' } : {}),
          ...extra.headers,
        });
        return;
      }
      // A write that failed (disk full, permissions): nothing changed; say so.
      console.error(error);
      sendError(
        response,
        new RequestError(500, 'internal', `The change was not saved: ${(error as Error).message}`),
      );
    });
  });

  let stopScenario: (() => void) | undefined;
  let url: string | undefined;
  return {
    store,
    get url() {
      return url;
    },
    listen(port = 8787, host = '127.0.0.1') {
      return new Promise<string>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const address = server.address() as AddressInfo;
          const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
          url = `http://${shown}:${address.port}/`;
          if (options.scenario) {
            stopScenario = startScenario(
              options.scenario,
              store,
              (options.stepSeconds ?? 6) * 1000,
            );
          }
          resolve(url);
        });
      });
    },
    async close() {
      stopScenario?.();
      clearInterval(heartbeat);
      for (const stream of streams) stream.end();
      await store.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
    },
  };
}
