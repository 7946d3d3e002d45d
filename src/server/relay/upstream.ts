// The relay's HTTP client towards one source: what the adapters get as `fetch`.
// Polite (conditional requests, one timeout per request, Retry-After remembered),
// bounded (redirects, body size) and kept to the source: every request and every
// redirect hop goes to the configured source's own origin, over http or https,
// without credentials, and is checked where it connects, after DNS, so a name that
// turns into an address of the relay's own network (DNS rebinding) is refused too.
import { lookup as dnsLookup } from 'node:dns/promises';
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { addressKind, type AddressKind } from './address.js';

export interface UpstreamLimits {
  /** Milliseconds one request may take, headers and body. */
  timeoutMs: number;
  /** Largest body read, in bytes. */
  maxBytes: number;
  /** Redirects followed before giving up. */
  maxRedirects: number;
}

export const DEFAULT_LIMITS: UpstreamLimits = {
  timeoutMs: 10_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
};

const USER_AGENT = 'status-widgets-server relay (+https://github.com/status-widgets)';

interface Cached {
  etag?: string;
  lastModified?: string;
  body: string;
  contentType: string;
}

/** What the last poll's answers said about asking again. */
export interface UpstreamCounters {
  /** Requests sent upstream, in all. */
  requests: number;
  /** Of which answered 304 Not Modified. */
  notModified: number;
}

/** A host name's addresses, as `dns.lookup(name, { all: true })` gives them. */
export type Resolve = (hostname: string) => Promise<{ address: string; family: number }[]>;

/**
 * Why a request failed, for what the public feed may say: `refused`, the relay would
 * not go there (decided before connecting); `unreadable`, anything the network or the
 * source did; `loop`, the source is this server; `too-big` after a 2xx answer.
 */
export type UpstreamFailure = 'refused' | 'unreadable' | 'loop' | 'too-big';

const FAILURE_RANK: UpstreamFailure[] = ['too-big', 'unreadable', 'refused', 'loop'];

/** A request that failed; the message says why in words (for the server's log). */
export class UpstreamError extends Error {
  override readonly name = 'UpstreamError';
  constructor(
    message: string,
    readonly failure: UpstreamFailure = 'unreadable',
  ) {
    super(message);
  }
}

function retryAfterMs(value: string | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function describe(error: unknown, url: string, limits: UpstreamLimits, timedOut: boolean): string {
  if (error instanceof UpstreamError) return error.message;
  if (timedOut) return `${url} did not answer within ${limits.timeoutMs / 1000} s.`;
  const code = (error as { code?: string } | undefined)?.code;
  return `${url} cannot be reached (${code ?? (error as Error | undefined)?.message ?? 'no answer'}).`;
}

const port = (url: URL) => url.port || (url.protocol === 'https:' ? '443' : '80');

/** A name's addresses from the system's resolver, every family, as the system orders them. */
const systemResolve: Resolve = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

export interface UpstreamOptions {
  limits?: UpstreamLimits;
  now?: () => number;
  /** Names this relay in each request's `Via`, so its own server can tell a loop. */
  via?: string;
  /** How host names are resolved (tests give their own names). */
  resolve?: Resolve;
}

/**
 * One source's client. Remembers each URL's validators and body, so an unchanged
 * resource costs the source a 304 and the adapter still reads the whole body.
 */
export class Upstream {
  private readonly cache = new Map<string, Cached>();
  readonly counters: UpstreamCounters = { requests: 0, notModified: 0 };
  /** Set when an answer asked the relay to wait (429/503 with Retry-After). */
  retryAfterMs: number | undefined;
  /**
   * The most telling failure since `beginPoll` (an error status counts as
   * `unreadable`): undefined while every answer was a 2xx, so that a reader's
   * complaint is about the feed itself.
   */
  trouble: UpstreamFailure | undefined;
  private readonly limits: UpstreamLimits;
  private readonly now: () => number;
  private readonly via: string | undefined;
  private readonly resolve: Resolve;
  /**
   * The kinds of address the source's own host has (learnt at its first resolution):
   * those, and public ones, are the only ones the relay connects to for it.
   */
  private allowed: Set<AddressKind> | undefined;
  // No connection is kept between requests: each one is checked where it connects,
  // so an address that changed since (DNS rebinding) is never reached on an old one.
  private readonly agents = {
    'http:': new HttpAgent({ keepAlive: false }),
    'https:': new HttpsAgent({ keepAlive: false }),
  };

  constructor(
    /** The configured source: the one origin this client asks. */
    private readonly source: URL,
    options: UpstreamOptions = {},
  ) {
    this.limits = options.limits ?? DEFAULT_LIMITS;
    this.now = options.now ?? Date.now;
    this.via = options.via;
    this.resolve = options.resolve ?? systemResolve;
  }

  /** The `fetch` handed to the adapters. */
  readonly fetch: typeof globalThis.fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const timeout = AbortSignal.timeout(this.limits.timeoutMs);
    const signals = [timeout];
    if (init?.signal) signals.push(init.signal);
    const signal = AbortSignal.any(signals);
    try {
      return await this.get(url, signal);
    } catch (error) {
      if (init?.signal?.aborted) throw error;
      const failure =
        error instanceof UpstreamError
          ? error
          : new UpstreamError(describe(error, url, this.limits, timeout.aborted));
      this.note(failure.failure);
      throw failure;
    }
  };

  /** Forgets what the last poll's answers said. */
  beginPoll(): void {
    this.retryAfterMs = undefined;
    this.trouble = undefined;
  }

  private note(failure: UpstreamFailure): void {
    const rank = (f: UpstreamFailure | undefined) => (f ? FAILURE_RANK.indexOf(f) : -1);
    if (rank(failure) > rank(this.trouble)) this.trouble = failure;
  }

  /** Ends the connections still open (a request under way). */
  close(): void {
    this.agents['http:'].destroy();
    this.agents['https:'].destroy();
  }

  /** Refuses a hop the relay must not take: why, in words, or undefined when it may. */
  private refusal(target: URL): string | undefined {
    if (target.protocol !== 'http:' && target.protocol !== 'https:')
      return `it is ${target.protocol} and the relay reads http and https only`;
    if (target.username || target.password) return 'it carries credentials';
    const source = this.source;
    const sameOrigin = target.protocol === source.protocol && port(target) === port(source);
    // http → https on its default port is the same source, made safer.
    const upgrade = source.protocol === 'http:' && target.protocol === 'https:' && !target.port;
    if (target.hostname !== source.hostname || !(sameOrigin || upgrade))
      return `it is not the source's own origin (${source.origin}); give the relay the address it ends at with --source`;
    return undefined;
  }

  /** The address kinds the source's host has; resolved once, when first asked. */
  private async allowedKinds(): Promise<Set<AddressKind>> {
    if (this.allowed) return this.allowed;
    const host = this.source.hostname.replace(/^\[|\]$/g, '');
    const addresses = isIP(host) ? [host] : (await this.resolve(host)).map((a) => a.address);
    this.allowed = new Set(['public', ...addresses.map(addressKind)]);
    return this.allowed;
  }

  /** Refuses an address of a kind the source's own host does not have. */
  private checkAddress(host: string, address: string, allowed: Set<AddressKind>): void {
    const kind = addressKind(address);
    if (!allowed.has(kind)) {
      throw new UpstreamError(
        `${host} resolves to ${address}, a ${kind} address, and the source's own host is not one; the relay does not connect there.`,
        'refused',
      );
    }
  }

  /** A `lookup` for the connection: the source's resolver, each address checked. */
  private lookup(allowed: Set<AddressKind>): LookupFunction {
    return (hostname, options, callback) => {
      this.resolve(hostname).then(
        (addresses) => {
          try {
            if (!addresses.length) throw new UpstreamError(`${hostname} has no address.`);
            for (const { address } of addresses) this.checkAddress(hostname, address, allowed);
          } catch (error) {
            callback(error as NodeJS.ErrnoException, '', 0);
            return;
          }
          const wanted = addresses.filter((a) => !options.family || a.family === options.family);
          const list = wanted.length ? wanted : addresses;
          if (options.all) (callback as (e: null, a: typeof list) => void)(null, list);
          else callback(null, list[0]!.address, list[0]!.family);
        },
        (error: NodeJS.ErrnoException) => callback(error, '', 0),
      );
    };
  }

  /** One request, no redirect followed: the answer with its body still to read. */
  private async send(
    target: URL,
    headers: Record<string, string>,
    signal: AbortSignal,
  ): Promise<IncomingMessage> {
    const refusal = this.refusal(target);
    if (refusal) throw new UpstreamError(`${target.href} was not asked: ${refusal}.`, 'refused');
    const allowed = await this.allowedKinds();
    const host = target.hostname.replace(/^\[|\]$/g, '');
    // An address in the URL is never looked up: it is checked as it is.
    if (isIP(host)) this.checkAddress(host, host, allowed);
    const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const outgoing = request(
        {
          protocol: target.protocol,
          hostname: host,
          port: target.port || undefined,
          path: `${target.pathname}${target.search}`,
          method: 'GET',
          headers,
          agent: this.agents[target.protocol as 'http:' | 'https:'],
          lookup: this.lookup(allowed),
          signal,
        },
        resolve,
      );
      // The lookup's refusal reaches here too, as the request's error.
      outgoing.on('error', reject);
      outgoing.end();
    });
  }

  private async get(url: string, signal: AbortSignal): Promise<Response> {
    const cached = this.cache.get(url);
    let location: URL;
    try {
      location = new URL(url);
    } catch {
      throw new UpstreamError(`${url} is not a URL.`, 'refused');
    }
    for (let redirects = 0; ; redirects += 1) {
      const headers: Record<string, string> = {
        accept: 'application/json, application/atom+xml, application/rss+xml, */*;q=0.5',
        'accept-encoding': 'gzip, deflate, br',
        'user-agent': USER_AGENT,
      };
      if (this.via) headers['via'] = this.via;
      if (cached && location.href === url) {
        if (cached.etag) headers['if-none-match'] = cached.etag;
        if (cached.lastModified) headers['if-modified-since'] = cached.lastModified;
      }
      this.counters.requests += 1;
      const response = await this.send(location, headers, signal);
      const status = response.statusCode ?? 0;
      const header = (name: string) => {
        const value = response.headers[name];
        return Array.isArray(value) ? value[0] : value;
      };
      if (status >= 300 && status < 400 && status !== 304) {
        response.destroy();
        const next = header('location');
        if (!next) throw new UpstreamError(`${location.href} redirected without saying where to.`);
        if (redirects >= this.limits.maxRedirects) {
          throw new UpstreamError(
            `${url} redirected more than ${this.limits.maxRedirects} times; give the relay the address it ends at.`,
          );
        }
        let target: URL;
        try {
          target = new URL(next, location);
        } catch {
          throw new UpstreamError(`${location.href} redirected to "${next}", which is not a URL.`);
        }
        const refusal = this.refusal(target);
        if (refusal) {
          throw new UpstreamError(
            `${location.href} redirected to ${target.protocol === 'data:' ? 'a data: URL' : target.href}, which the relay does not follow: ${refusal}.`,
            'refused',
          );
        }
        location = target;
        continue;
      }
      if (status === 508) {
        response.destroy();
        throw new UpstreamError(
          `${location.href} is this server itself (it answered 508 Loop Detected): a relay cannot read its own feeds. Give the source's own address.`,
          'loop',
        );
      }
      if (status === 304 && cached) {
        response.destroy();
        this.counters.notModified += 1;
        return new Response(cached.body, {
          status: 200,
          headers: { 'content-type': cached.contentType },
        });
      }
      const ok = status >= 200 && status < 300;
      if (!ok) this.note('unreadable');
      if (status === 429 || status === 503) {
        const wait = retryAfterMs(header('retry-after'), this.now());
        if (wait !== undefined) this.retryAfterMs = Math.max(this.retryAfterMs ?? 0, wait);
      }
      const body = await this.readBody(response, url, ok);
      const contentType = header('content-type') ?? 'application/octet-stream';
      if (ok && location.href === url) {
        const etag = header('etag');
        const lastModified = header('last-modified');
        if (etag || lastModified) this.cache.set(url, { etag, lastModified, body, contentType });
        else this.cache.delete(url);
      }
      // A status the Fetch API cannot carry (e.g. 1xx, 6xx) is the error it is.
      const shown = status >= 200 && status <= 599 ? status : 502;
      return new Response(status === 204 || status === 205 ? null : body, {
        status: shown,
        statusText: response.statusMessage ?? '',
        headers: { 'content-type': contentType },
      });
    }
  }

  /** The body as text, decoded, refused past `maxBytes` (announced or counted). */
  private async readBody(response: IncomingMessage, url: string, ok: boolean): Promise<string> {
    const tooBig = () =>
      new UpstreamError(
        `${url} answered more than ${Math.round(this.limits.maxBytes / 1024)} KiB; that is not a status feed the relay reads.`,
        ok ? 'too-big' : 'unreadable',
      );
    const announced = Number(response.headers['content-length']);
    if (announced > this.limits.maxBytes) {
      response.destroy();
      throw tooBig();
    }
    const encoding = String(response.headers['content-encoding'] ?? '')
      .trim()
      .toLowerCase();
    const decoder =
      encoding === 'gzip' || encoding === 'x-gzip'
        ? createGunzip()
        : encoding === 'deflate'
          ? createInflate()
          : encoding === 'br'
            ? createBrotliDecompress()
            : undefined;
    const stream: Readable = decoder ? pipeline(response, decoder, () => undefined) : response;
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of stream) {
      size += (chunk as Buffer).byteLength;
      // Counted after decoding: a small compressed body cannot unpack into gigabytes.
      if (size > this.limits.maxBytes) {
        stream.destroy();
        response.destroy();
        throw tooBig();
      }
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
  }
}
