// The reference feed server: reading routes (native, Statuspage v2, Atom/RSS, SSE),
// the admin API, and optionally static files and the demo scenario. This module
// wires the parts together; each lives in its own module.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { addressKey } from './client.js';
import { AdminGate, adminRoutes } from './admin.js';
import { BADGE_PATHS, BadgeSet } from './badges.js';
import { DOCUMENT_PATHS, DocumentSet, withHistoryClock } from './documents.js';
import { RequestError } from './errors.js';
import { descriptorLimit, EventHub } from './events.js';
import { CORS, READ_PREFLIGHT, sendDocument, sendError } from './http.js';
import { Relay } from './relay/relay.js';
import { parseSourceSpec, type SourceSpec } from './relay/spec.js';
import type { Resolve, UpstreamLimits } from './relay/upstream.js';
import { Router, type Route } from './router.js';
import { startScenario, type ScenarioName } from './scenario.js';
import { StaticFiles, type StaticMount } from './static.js';
import { DataStore } from './store.js';

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
  /**
   * Event streams open at once, in all. Default: the open-file limit less a reserve
   * of 256 for reads, admin writes and files (768 under the usual 1,024), at most 10,000.
   */
  maxStreams?: number;
  /** Event streams open at once from one client address (default 16; 0 for no cap). */
  maxStreamsPerClient?: number;
  /**
   * Connections open at once from one client address, streams included (default 64;
   * 0 for no cap). Off by default when `maxStreamsPerClient` is 0: behind a proxy
   * every client has the proxy's address.
   */
  maxConnectionsPerClient?: number;
  /** Resolved incidents (and completed maintenances) kept in the data file (default 1000, at least 50). */
  retention?: number;
  /**
   * Status sources to relay: `[adapter=NAME,][interval=SECONDS,][name=LABEL,]URL`
   * as on the command line, or parsed. Their components, incidents and maintenances
   * are published with the data file's.
   */
  sources?: readonly (string | SourceSpec)[];
  /** Bounds on each request to a source (timeout, body size, redirects). */
  sourceLimits?: Partial<UpstreamLimits>;
  /**
   * Seconds after its last answer that a source whose polls fail is shown as unknown
   * (default: 600, or 3 of its intervals if longer); until then its last data, as stale.
   */
  sourceUnknownAfterSeconds?: number;
  /** How the sources' host names are resolved (default: the system's; tests give their own). */
  sourceResolve?: Resolve;
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
  /** Event streams open now (for monitoring). */
  readonly streams: number;
  /** Relay mode: the sources read (undefined without --source). */
  readonly relay: Relay | undefined;
}

const EVENTS_PATH = '/events';
/** Descriptors kept free of event streams: for reads, admin writes, the data file, static files. */
export const DESCRIPTOR_RESERVE = 256;
/** Descriptors kept free of all connections, for files (the data file's writes, static files). */
const FILE_RESERVE = 32;
const DEFAULT_STREAMS_PER_CLIENT = 16;
/** Room for a browser's six connections and its streams, with tabs to spare; far below the descriptors. */
const DEFAULT_CONNECTIONS_PER_CLIENT = 64;
/**
 * A client has this long to send a request's headers, and this long for the whole
 * request (an event stream's request is whole once its headers are in, so a stream
 * runs on), then its connection is closed; an idle kept-alive one closes sooner.
 */
export const HEADERS_TIMEOUT_MS = 10_000;
export const REQUEST_TIMEOUT_MS = 30_000;
export const KEEP_ALIVE_TIMEOUT_MS = 5_000;
const CLOCK_MARGIN_MS = 50;
const TOO_MANY_CONNECTIONS_BODY = `${JSON.stringify({
  error: {
    status: 429,
    code: 'too_many_connections',
    message:
      'Your address already holds the most connections one client may; close some, or try again later.',
  },
})}\n`;
/** Written before the request is read: the connection is refused, so nothing else is. */
const TOO_MANY_CONNECTIONS = [
  'HTTP/1.1 429 Too Many Requests',
  'content-type: application/json; charset=utf-8',
  `content-length: ${Buffer.byteLength(TOO_MANY_CONNECTIONS_BODY)}`,
  'retry-after: 60',
  'connection: close',
  '',
  TOO_MANY_CONNECTIONS_BODY,
].join('\r\n');

export async function createStatusServer(options: StatusServerOptions = {}): Promise<StatusServer> {
  const now = options.now ?? (() => new Date());
  const staticFiles = await StaticFiles.create(options.static ?? []);
  const store = await DataStore.open(options.dataFile, now, { retention: options.retention });
  const specs = (options.sources ?? []).map((source) =>
    typeof source === 'string' ? parseSourceSpec(source) : source,
  );
  // Names this server in its relay's requests (RFC 9110's Via), so it can refuse its own.
  const via = `1.1 status-widgets-${randomUUID()}`;
  const relay = specs.length
    ? new Relay(specs, {
        limits: options.sourceLimits,
        now,
        via,
        resolve: options.sourceResolve,
        unknownAfterMs:
          options.sourceUnknownAfterSeconds === undefined
            ? undefined
            : options.sourceUnknownAfterSeconds * 1000,
      })
    : undefined;
  // A relay without a data file (or a scenario) has no page of its own.
  const ownPage = options.dataFile !== undefined || options.scenario !== undefined;
  const published = withHistoryClock(relay ? relay.compose(store, ownPage) : store, now);
  const documents = new DocumentSet(published, options.eventsUrl ?? EVENTS_PATH, now);
  const badges = new BadgeSet(published, relay, now);
  const descriptors = (await descriptorLimit()) ?? 1024;
  const feed = () => ({ revision: published.revision, body: documents.get('/feed.json')!.body });
  const events = new EventHub(
    {
      maxStreams:
        options.maxStreams ?? Math.min(10_000, Math.max(1, descriptors - DESCRIPTOR_RESERVE)),
      maxStreamsPerClient: options.maxStreamsPerClient ?? DEFAULT_STREAMS_PER_CLIENT,
      heartbeatMs: (options.heartbeatSeconds ?? 15) * 1000,
    },
    feed,
  );
  // Rendered for the streams only when someone listens; a poll renders on demand.
  const announce = () => {
    if (events.size > 0) events.publish(published.revision, feed().body);
  };
  // The served history moves with the clock too (a new day, today's running figures):
  // the streams hear of it when it does, not only when the data changes.
  let clockTimer: NodeJS.Timeout | undefined;
  const watchClock = () => {
    clearTimeout(clockTimer);
    clockTimer = setTimeout(
      () => {
        announce();
        watchClock();
      },
      // A little late rather than early: the new day has begun when it fires.
      published.changesInMs() + CLOCK_MARGIN_MS,
    );
    clockTimer.unref();
  };
  const changed = () => {
    announce();
    watchClock();
  };
  store.subscribe(changed);
  relay?.subscribe(changed);

  const reading = new Router([
    ...DOCUMENT_PATHS.map((path): Route => ({
      method: 'GET',
      path,
      handle: (request, response) => sendDocument(request, response, documents.get(path)!),
    })),
    {
      method: 'GET',
      path: EVENTS_PATH,
      handle: (request, response) => events.open(request, response),
    },
    ...BADGE_PATHS.map((path): Route => ({
      method: 'GET',
      path,
      handle: (request, response) => badges.send(request, response, path),
    })),
  ]);
  const admin = new Router(adminRoutes(store, now), false);
  const gate = new AdminGate(options.token);

  async function handle(request: IncomingMessage, response: ServerResponse, path: string) {
    if (request.headers.via?.includes(via)) {
      throw new RequestError(
        508,
        'loop_detected',
        "This request came from this server's own relay: a --source points at this server itself. Give the source's own address.",
      );
    }
    if (path === '/admin' || path.startsWith('/admin/')) {
      if (request.method === 'OPTIONS')
        return gate.preflight(request, response, admin.allowed(path));
      gate.check(request);
      if (await admin.dispatch(request, response, path)) return;
      throw new RequestError(404, 'not_found', `There is no admin route ${path}.`);
    }
    if (request.method === 'OPTIONS') {
      request.resume();
      response.writeHead(204, { ...CORS, ...READ_PREFLIGHT }).end();
      return;
    }
    if (await reading.dispatch(request, response, path)) return;
    const read = request.method === 'GET' || request.method === 'HEAD';
    if (read && (await staticFiles.serve(request, response, path))) return;
    throw new RequestError(
      404,
      'not_found',
      `Nothing at ${path}. Feeds: ${[...DOCUMENT_PATHS, EVENTS_PATH].join(', ')}; badges: ${BADGE_PATHS.join(', ')}.`,
    );
  }

  const server = createServer(
    {
      headersTimeout: HEADERS_TIMEOUT_MS,
      requestTimeout: REQUEST_TIMEOUT_MS,
      keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
      // How often those are checked (default 30 s): a slow client is let go on time.
      connectionsCheckingInterval: 1000,
    },
    (request, response) => {
      const path = new URL(request.url ?? '/', 'http://localhost').pathname;
      const isAdmin = path === '/admin' || path.startsWith('/admin/');
      handle(request, response, path).catch((error: unknown) => {
        if (response.headersSent) {
          response.destroy();
          return;
        }
        // Refused before its body was read (a wrong token, a wrong route): the
        // connection is closed after the answer, not held open to drain a body that
        // may come one byte at a time.
        if (!request.complete) {
          request.socket.on('error', () => undefined);
          response.setHeader('connection', 'close');
        } else if (!request.readableEnded) request.resume();
        // The admin API answers no other origin, so its errors carry no CORS headers either.
        if (error instanceof RequestError) return sendError(response, error, !isAdmin);
        // A write that failed (disk full, permissions): nothing changed; say so.
        console.error(error);
        const message = `The change was not saved: ${(error as Error).message}`;
        sendError(response, new RequestError(500, 'internal', message), !isAdmin);
      });
    },
  );
  // One client address holds a bounded share of the connections, so slow clients on
  // one address cannot take every descriptor; past its share it is answered 429 and
  // closed before anything is read.
  const perClient =
    options.maxConnectionsPerClient ??
    (options.maxStreamsPerClient === 0
      ? 0
      : Math.max(
          DEFAULT_CONNECTIONS_PER_CLIENT,
          (options.maxStreamsPerClient ?? DEFAULT_STREAMS_PER_CLIENT) + 16,
        ));
  const connections = new Map<string, number>();
  if (perClient > 0) {
    server.on('connection', (socket: Socket) => {
      const client = addressKey(socket.remoteAddress);
      const open = connections.get(client) ?? 0;
      if (open >= perClient) {
        socket.on('error', () => undefined);
        socket.end(TOO_MANY_CONNECTIONS);
        return;
      }
      connections.set(client, open + 1);
      socket.once('close', () => {
        const left = (connections.get(client) ?? 1) - 1;
        if (left > 0) connections.set(client, left);
        else connections.delete(client);
      });
    });
  }
  // Whatever else is open, accepting a connection never takes the last descriptors.
  server.maxConnections = Math.max(1, descriptors - FILE_RESERVE);

  let stopScenario: (() => void) | undefined;
  let url: string | undefined;
  return {
    store,
    relay,
    get url() {
      return url;
    },
    get streams() {
      return events.size;
    },
    listen(port = 8787, host = '127.0.0.1') {
      return new Promise<string>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const address = server.address() as AddressInfo;
          const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
          const base = `http://${shown}:${address.port}/`;
          watchClock();
          if (options.scenario) {
            const stepMs = (options.stepSeconds ?? 6) * 1000;
            stopScenario = startScenario(options.scenario, store, stepMs);
          }
          // The first page served already carries what the sources said (or why not).
          (relay?.start(new URL(base)) ?? Promise.resolve()).then(
            () => {
              url = base;
              resolve(base);
            },
            (error: unknown) => {
              clearTimeout(clockTimer);
              relay?.stop();
              stopScenario?.();
              server.close();
              reject(error as Error);
            },
          );
        });
      });
    },
    async close() {
      clearTimeout(clockTimer);
      stopScenario?.();
      relay?.stop();
      events.close();
      await store.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
    },
  };
}
