// The relay's HTTP client towards one source: what the adapters get as `fetch`.
// Polite (conditional requests, one timeout per request, Retry-After remembered)
// and bounded (redirects, body size), and every failure said in words.

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

/** A request that failed; the message says why in words. */
export class UpstreamError extends Error {
  override readonly name = 'UpstreamError';
}

function retryAfterMs(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function describe(error: unknown, url: string, limits: UpstreamLimits): string {
  if (error instanceof UpstreamError) return error.message;
  const name = (error as Error | undefined)?.name;
  if (name === 'TimeoutError') return `${url} did not answer within ${limits.timeoutMs / 1000} s.`;
  const cause = (error as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  const code = cause?.code ?? cause?.message ?? (error as Error | undefined)?.message;
  return `${url} cannot be reached (${code ?? 'no answer'}).`;
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

  constructor(
    private readonly limits: UpstreamLimits = DEFAULT_LIMITS,
    private readonly now: () => number = Date.now,
    /** Names this relay in each request's `Via`, so its own server can tell a loop. */
    private readonly via?: string,
  ) {}

  /** The `fetch` handed to the adapters. */
  readonly fetch: typeof globalThis.fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const signals = [AbortSignal.timeout(this.limits.timeoutMs)];
    if (init?.signal) signals.push(init.signal);
    const signal = AbortSignal.any(signals);
    try {
      return await this.get(url, signal);
    } catch (error) {
      if (init?.signal?.aborted) throw error;
      throw new UpstreamError(describe(error, url, this.limits));
    }
  };

  private async get(url: string, signal: AbortSignal): Promise<Response> {
    const cached = this.cache.get(url);
    let location = url;
    for (let redirects = 0; ; redirects += 1) {
      const headers: Record<string, string> = {
        accept: 'application/json, application/atom+xml, application/rss+xml, */*;q=0.5',
        'user-agent': USER_AGENT,
      };
      if (this.via) headers['via'] = this.via;
      if (cached && location === url) {
        if (cached.etag) headers['if-none-match'] = cached.etag;
        if (cached.lastModified) headers['if-modified-since'] = cached.lastModified;
      }
      this.counters.requests += 1;
      const response = await fetch(location, { headers, signal, redirect: 'manual' });
      if (response.status >= 300 && response.status < 400 && response.status !== 304) {
        await response.body?.cancel();
        const next = response.headers.get('location');
        if (!next) throw new UpstreamError(`${location} redirected without saying where to.`);
        if (redirects >= this.limits.maxRedirects) {
          throw new UpstreamError(
            `${url} redirected more than ${this.limits.maxRedirects} times; give the relay the address it ends at.`,
          );
        }
        location = new URL(next, location).href;
        continue;
      }
      if (response.status === 508) {
        await response.body?.cancel();
        throw new UpstreamError(
          `${location} is this server itself (it answered 508 Loop Detected): a relay cannot read its own feeds. Give the source's own address.`,
        );
      }
      if (response.status === 304 && cached) {
        await response.body?.cancel();
        this.counters.notModified += 1;
        return new Response(cached.body, {
          status: 200,
          headers: { 'content-type': cached.contentType },
        });
      }
      if (response.status === 429 || response.status === 503) {
        const wait = retryAfterMs(response.headers.get('retry-after'), this.now());
        if (wait !== undefined) this.retryAfterMs = Math.max(this.retryAfterMs ?? 0, wait);
      }
      const body = await this.readBody(response, url);
      const contentType = response.headers.get('content-type') ?? 'application/octet-stream';
      if (response.ok && location === url) {
        const etag = response.headers.get('etag') ?? undefined;
        const lastModified = response.headers.get('last-modified') ?? undefined;
        if (etag || lastModified) this.cache.set(url, { etag, lastModified, body, contentType });
        else this.cache.delete(url);
      }
      return new Response(body, {
        status: response.status,
        statusText: response.statusText,
        headers: { 'content-type': contentType },
      });
    }
  }

  /** The body as text, refused past `maxBytes` (announced or counted). */
  private async readBody(response: Response, url: string): Promise<string> {
    const tooBig = () =>
      new UpstreamError(
        `${url} answered more than ${Math.round(this.limits.maxBytes / 1024)} KiB; that is not a status feed the relay reads.`,
      );
    const announced = Number(response.headers.get('content-length'));
    if (announced > this.limits.maxBytes) {
      await response.body?.cancel();
      throw tooBig();
    }
    if (!response.body) return '';
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > this.limits.maxBytes) {
        await reader.cancel();
        throw tooBig();
      }
      chunks.push(value);
    }
    return Buffer.concat(chunks).toString('utf8');
  }
}
