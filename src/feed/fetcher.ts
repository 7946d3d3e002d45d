// Fetching for the feed store: each load goes through the adapter with a polite
// fetch (plain GETs, a timeout), remembers the bodies it read to tell an unchanged
// feed, and can answer the adapter's first request with a body pushed by the
// event stream.
import type { FeedAdapter } from '../adapters/types.js';
import { FeedRequestError } from '../model/errors.js';
import type { StatusSnapshot } from '../model/types.js';
import { maxAge, SECOND } from './timing.js';

type Fetch = typeof globalThis.fetch;

export const REQUEST_TIMEOUT_MS = 10_000;

/** The URL a fetch call asks for, whatever form `input` takes. */
export function requestUrl(input: Parameters<Fetch>[0]): string {
  if (typeof input === 'string') return input;
  return input instanceof URL ? input.href : input.url;
}

/**
 * A fetch whose first call for `url` (for any URL when none is given) is answered
 * with `answer` instead of a new request: a body already read (`init` gives its
 * status and headers; a `Response` will do), or a response under way.
 */
export function replaying(
  fetch: Fetch,
  answer: string | Promise<Response>,
  url?: string,
  init?: ResponseInit,
): Fetch {
  let replayed = false;
  return (input, options) => {
    if (replayed || (url !== undefined && requestUrl(input) !== url)) return fetch(input, options);
    replayed = true;
    return typeof answer === 'string' ? Promise.resolve(new Response(answer, init)) : answer;
  };
}

export interface LoadRequest {
  /** A feed document pushed by the event stream: it answers the adapter's first request. */
  pushed?: string;
  /** Ask the adapter for the resolved history too (`LoadOptions.history`). */
  history?: boolean;
  /**
   * Answer each URL the last load read with the body it read then, and ask only
   * for the rest: to add the history to what is shown without asking for it all again.
   */
  reuse?: boolean;
}

export interface Loaded {
  snapshot: StatusSnapshot;
  /** True when every body read equals what the previous load read (a 304, say). */
  unchanged: boolean;
  /** The longest `Cache-Control: max-age` among the answers (ms). */
  maxAge: number;
}

/** Loads one feed through its adapter, one load at a time. */
export class FeedFetcher {
  private _inFlight?: AbortController;
  private _deadline?: ReturnType<typeof setTimeout>;
  /** The last body of each URL the adapter read. */
  private readonly _bodies = new Map<string, string>();

  constructor(private readonly _fetch: Fetch) {}

  /** True while a load is under way. */
  get busy(): boolean {
    return this._inFlight !== undefined;
  }

  /** Cancels the load under way, if any: its promise resolves to undefined. */
  abort(): void {
    this._inFlight?.abort();
    this._inFlight = undefined;
    clearTimeout(this._deadline);
  }

  /**
   * One load (cancelling the one under way). Resolves to undefined when another
   * load or `abort()` superseded it; rejects with the reason a load failed, a
   * timeout included.
   */
  async load(
    url: URL,
    adapter: FeedAdapter,
    request: LoadRequest = {},
  ): Promise<Loaded | undefined> {
    this.abort();
    const controller = new AbortController();
    const { signal } = controller;
    this._inFlight = controller;
    this._deadline = setTimeout(
      () =>
        controller.abort(
          new FeedRequestError(
            url.href,
            0,
            `The feed at ${url.href} did not answer within ${REQUEST_TIMEOUT_MS / SECOND} seconds.`,
          ),
        ),
      REQUEST_TIMEOUT_MS,
    );
    const bodies = new Map<string, string>();
    let askedDelay = 0;
    let answer = this._get;
    if (request.reuse) {
      for (const [target, body] of this._bodies) answer = replaying(answer, body, target);
    }
    if (request.pushed !== undefined) answer = replaying(answer, request.pushed);
    // The adapter may fetch several URLs per load; each goes out the same polite way.
    const fetchOnce: Fetch = async (input) => {
      const target = requestUrl(input);
      const response = await answer(target, { signal });
      askedDelay = Math.max(askedDelay, maxAge(response.headers));
      if (!response.ok) return response;
      let body: string;
      try {
        body = await response.text();
      } catch (error) {
        if (signal.aborted) throw signal.reason ?? error;
        // The runtime's own words here ("terminated", "network error") help no one.
        throw new FeedRequestError(
          target,
          response.status,
          `The feed at ${target} broke off its answer before the end (the connection was closed or reset).`,
        );
      }
      bodies.set(target, body);
      // A whole Response again, so an adapter may read it any way (text, json, stream).
      return new Response(body || null, response);
    };
    try {
      const snapshot = await adapter.load(url, fetchOnce, signal, { history: request.history });
      if (this._inFlight !== controller) return undefined;
      let unchanged = bodies.size > 0;
      for (const [target, body] of bodies) {
        unchanged &&= this._bodies.get(target) === body;
        this._bodies.set(target, body);
      }
      return { snapshot, unchanged, maxAge: askedDelay };
    } catch (error) {
      if (this._inFlight !== controller) return undefined;
      // A timeout reads better as its own reason than as whatever the adapter made of it.
      const failure: unknown = signal.aborted ? signal.reason : error;
      throw failure instanceof Error ? failure : new Error(String(failure));
    } finally {
      if (this._inFlight === controller) {
        clearTimeout(this._deadline);
        this._inFlight = undefined;
      }
    }
  }

  private readonly _get = async (target: Parameters<Fetch>[0], init?: RequestInit) => {
    const { signal } = init!;
    try {
      // No headers of our own (a cross-origin GET stays a CORS simple request, no
      // preflight), no cookies to another origin, and revalidation so the server can
      // answer 304. `same-origin` is also how `<link rel="preload" as="fetch"
      // crossorigin>` asks: the browser hands a preloaded feed only to a request made
      // the same way (docs/usage.md).
      return await this._fetch(target, {
        method: 'GET',
        cache: 'no-cache',
        credentials: 'same-origin',
        signal,
      });
    } catch (error) {
      if (signal?.aborted) throw signal.reason ?? error;
      const url = requestUrl(target);
      throw new FeedRequestError(
        url,
        0,
        `The feed at ${url} could not be reached (offline, blocked, or not allowing cross-origin requests).`,
      );
    }
  };
}
