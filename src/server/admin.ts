// The admin API: bearer-token writes and reads for the people running the page.
// It answers no browser page on another origin (no CORS headers, cross-origin
// preflights and requests refused), and a client address that keeps sending wrong
// tokens is made to wait.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
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
import { clientKey } from './client.js';
import type { ServerData } from './data.js';
import { RequestError } from './errors.js';
import { readJsonBody, sendJson } from './http.js';
import type { Route } from './router.js';
import type { DataStore } from './store.js';
import { allTemplates, placeholders } from './templates.js';

/** Wrong tokens one address may send in a burst, then one more per refill. */
export const AUTH_FAILURE_BURST = 200;
/** Milliseconds per extra wrong token allowed after the burst (10 a minute). */
export const AUTH_FAILURE_REFILL_MS = 6000;
/** Addresses remembered at once; while all are spending, a new address is refused, never an old one forgotten. */
const TRACKED_CLIENTS = 10_000;
/** Wrong tokens from all addresses together in a burst, then one more per refill: many addresses guess no faster than this. */
export const GLOBAL_FAILURE_BURST = 1000;
/** Milliseconds per extra wrong token allowed from all addresses together (one a second). */
export const GLOBAL_FAILURE_REFILL_MS = 1000;
/** Addresses that sent the right token, remembered so that the global budget never locks them out. */
const TRUSTED_CLIENTS = 100;

const ADMIN_OFF = () =>
  new RequestError(
    403,
    'admin_disabled',
    'The admin API is off. Start the server with --token <secret> or STATUS_ADMIN_TOKEN to turn it on.',
  );

interface Bucket {
  tokens: number;
  at: number;
}

/** A bucket refilled up to `now`: `burst` tokens at most, one more per `refillMs`. */
function refill(bucket: Bucket, now: number, burst: number, refillMs: number): Bucket {
  bucket.tokens = Math.min(burst, bucket.tokens + Math.max(0, now - bucket.at) / refillMs);
  bucket.at = now;
  return bucket;
}

/**
 * A token bucket per client address, spent by failed authentications only, and one
 * for all addresses together. A bucket is forgotten only once it has refilled, so
 * failing from many other addresses never gives an address at its limit a new burst.
 */
export class FailedAuthLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly all: Bucket = { tokens: GLOBAL_FAILURE_BURST, at: 0 };
  private readonly trusted = new Set<string>();

  constructor(
    private readonly tracked = TRACKED_CLIENTS,
    private readonly globalBurst = GLOBAL_FAILURE_BURST,
  ) {
    this.all.tokens = globalBurst;
  }

  /**
   * Milliseconds this client must wait before it may try again (0: it may). An address
   * that once sent the right token waits only for its own bucket.
   */
  waitFor(client: string, now: number): number {
    const bucket = this.refilled(client, now);
    if (bucket && bucket.tokens < 1) return Math.ceil((1 - bucket.tokens) * AUTH_FAILURE_REFILL_MS);
    if (this.trusted.has(client)) return 0;
    refill(this.all, now, this.globalBurst, GLOBAL_FAILURE_REFILL_MS);
    if (this.all.tokens < 1) return Math.ceil((1 - this.all.tokens) * GLOBAL_FAILURE_REFILL_MS);
    // Every slot holds an address still spending: a new one waits for a slot to refill.
    if (!bucket && this.buckets.size >= this.tracked && !this.evictRefilled(now)) {
      return AUTH_FAILURE_REFILL_MS;
    }
    return 0;
  }

  fail(client: string, now: number): void {
    refill(this.all, now, this.globalBurst, GLOBAL_FAILURE_REFILL_MS).tokens -= 1;
    const bucket = this.refilled(client, now) ?? { tokens: AUTH_FAILURE_BURST, at: now };
    bucket.tokens -= 1;
    // Newest failure last, so the oldest (the likeliest refilled) are looked at first.
    this.buckets.delete(client);
    if (this.buckets.size >= this.tracked && !this.evictRefilled(now)) return;
    this.buckets.set(client, bucket);
  }

  /** The client sent the right token. */
  succeed(client: string): void {
    this.trusted.delete(client);
    this.trusted.add(client);
    if (this.trusted.size > TRUSTED_CLIENTS)
      this.trusted.delete(this.trusted.values().next().value!);
  }

  /** Forgets the buckets that have refilled; true when a slot is free. */
  private evictRefilled(now: number): boolean {
    for (const client of [...this.buckets.keys()]) this.refilled(client, now);
    return this.buckets.size < this.tracked;
  }

  private refilled(client: string, now: number) {
    const bucket = this.buckets.get(client);
    if (!bucket) return undefined;
    refill(bucket, now, AUTH_FAILURE_BURST, AUTH_FAILURE_REFILL_MS);
    if (bucket.tokens >= AUTH_FAILURE_BURST) this.buckets.delete(client);
    return bucket;
  }
}

/** True when the request names no origin or the server's own (a same-origin page or no browser). */
function sameOrigin(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

const CROSS_ORIGIN = () =>
  new RequestError(
    403,
    'cross_origin',
    'The admin API does not answer pages on other origins. Call it from a server, a script or the command line.',
  );

/** Decides whether an admin request may go ahead: on, same origin, right token, not rate-limited. */
export class AdminGate {
  private readonly digest: Buffer | undefined;
  private readonly failures = new FailedAuthLimiter();

  constructor(token: string | undefined) {
    this.digest = token ? createHash('sha256').update(token).digest() : undefined;
  }

  /** Throws the refusal for a request that may not use the admin API. */
  check(request: IncomingMessage): void {
    if (!this.digest) throw ADMIN_OFF();
    if (!sameOrigin(request)) throw CROSS_ORIGIN();
    const client = clientKey(request);
    const now = Date.now();
    const wait = this.failures.waitFor(client, now);
    if (wait > 0) {
      throw new RequestError(
        429,
        'too_many_failures',
        'Too many requests with a wrong token, from your address or from many; wait as long as Retry-After says before trying again.',
        { headers: { 'retry-after': String(Math.ceil(wait / 1000)) } },
      );
    }
    if (!this.authorized(request.headers.authorization)) {
      this.failures.fail(client, now);
      throw new RequestError(
        401,
        'unauthorized',
        'Send the admin token as the header Authorization: Bearer <token>.',
        { field: 'Authorization', rule: 'must be "Bearer" and the server\'s admin token' },
      );
    }
    this.failures.succeed(client);
  }

  /** Answers an admin preflight: none from another origin; without CORS headers either way. */
  preflight(request: IncomingMessage, response: ServerResponse, allow: string[]): void {
    request.resume();
    if (request.headers.origin !== undefined && !sameOrigin(request)) throw CROSS_ORIGIN();
    response.writeHead(204, { allow: [...allow, 'OPTIONS'].join(', ') }).end();
  }

  private authorized(header: string | undefined): boolean {
    // Bounded before the pattern; the pattern itself has no overlapping repeats.
    const match =
      header && header.length <= 1024 ? /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header) : null;
    const given = createHash('sha256')
      .update(match?.[1] ?? '')
      .digest();
    // Digests have equal length, so the comparison takes the same time for any token.
    return timingSafeEqual(given, this.digest!) && match !== null;
  }
}

type Change = <T>(mutate: (data: ServerData, at: Date) => T) => Promise<T>;

/** The admin routes, under /admin/. */
export function adminRoutes(store: DataStore, now: () => Date): Route[] {
  const change: Change = (mutate) => store.change(mutate);
  const reply = (response: ServerResponse, status: number, body?: unknown) => {
    if (status === 204) response.writeHead(204, { 'cache-control': 'no-store' }).end();
    else sendJson(response, status, body, {}, false);
  };
  return [
    {
      method: 'GET',
      path: '/admin/templates',
      handle: (_request, response) =>
        reply(response, 200, {
          templates: allTemplates(store.data.templates).map((template) => ({
            ...template,
            vars: placeholders(Object.values(template.text).join(' ')),
          })),
        }),
    },
    {
      method: 'GET',
      path: '/admin/overdue',
      handle: (_request, response) =>
        reply(response, 200, { overdue: overdueIncidents(store.data, now()) }),
    },
    {
      method: 'POST',
      path: '/admin/incidents',
      handle: async (request, response) => {
        const body = await readJsonBody(request);
        reply(response, 201, await change((data, at) => createIncident(data, body, at)));
      },
    },
    {
      method: 'POST',
      path: /^\/admin\/incidents\/([^/]+)\/updates$/,
      handle: async (request, response, [id]) => {
        const body = await readJsonBody(request);
        reply(response, 201, await change((data, at) => updateIncident(data, id!, body, at)));
      },
    },
    {
      method: 'POST',
      path: '/admin/maintenances',
      handle: async (request, response) => {
        const body = await readJsonBody(request);
        reply(response, 201, await change((data, at) => createMaintenance(data, body, at)));
      },
    },
    {
      method: 'POST',
      path: /^\/admin\/maintenances\/([^/]+)\/updates$/,
      handle: async (request, response, [id]) => {
        const body = await readJsonBody(request);
        reply(response, 201, await change((data, at) => updateMaintenance(data, id!, body, at)));
      },
    },
    {
      method: 'PUT',
      path: /^\/admin\/components\/([^/]+)$/,
      handle: async (request, response, [id]) => {
        const body = await readJsonBody(request);
        const result = await change((data, at) => putComponent(data, id!, body, at));
        reply(response, result.created ? 201 : 200, result.component);
      },
    },
    {
      method: 'DELETE',
      path: /^\/admin\/components\/([^/]+)$/,
      handle: async (request, response, [id]) => {
        request.resume();
        await change((data) => deleteComponent(data, id!));
        reply(response, 204);
      },
    },
    {
      method: 'PUT',
      path: '/admin/page',
      handle: async (request, response) => {
        const body = await readJsonBody(request);
        reply(response, 200, await change((data) => putPage(data, body)));
      },
    },
  ];
}
