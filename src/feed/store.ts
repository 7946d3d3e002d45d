import { resolveAdapter } from '../adapters/registry.js';
import type { FeedAdapter } from '../adapters/types.js';
import { FeedRequestError } from '../model/errors.js';
import type { StatusSnapshot } from '../model/types.js';
import { readCache, writeCache } from './cache.js';
import { canShareAcrossTabs, TabLink, type TabMessage } from './tabs.js';
import { backoff, jittered, maxAge, retryAfter, SECOND } from './timing.js';

export type FeedState = 'loading' | 'ready' | 'stale' | 'error';

/** `poll` (the default) or `sse`: listen to the feed's Server-Sent Events, polling when the stream breaks. */
export type FeedTransport = 'poll' | 'sse';

export interface FeedOptions {
  /** The feed or status page URL, absolute or relative to the page. */
  src: string;
  /** Adapter name; detected from the URL when absent. */
  adapter?: string;
  /** Seconds between polls (default 60, never below 10). */
  interval?: number;
  /** `sse` to be told of changes by the feed's event stream instead of polling. */
  transport?: FeedTransport;
}

export type FeedListener = (store: FeedStore) => void;

/** What the store needs from the outside world; tests replace parts of it. */
export interface FeedEnvironment {
  fetch: typeof globalThis.fetch;
  /** Share one poller between the tabs of the site (where Web Locks and BroadcastChannel exist). */
  shareAcrossTabs: boolean;
  /** Keep the last good snapshot in localStorage for the next page view. */
  persist: boolean;
}

export const DEFAULT_INTERVAL = 60;
export const MIN_INTERVAL = 10;
export const REQUEST_TIMEOUT_MS = 10_000;

type Stamp = { snapshot?: StatusSnapshot; state: FeedState; error?: Error; fetchedAt?: number };

/**
 * One shared poller per adapter+URL: every element that names the same feed
 * subscribes to the same store, so the page makes one request per poll, and across
 * the tabs of a site one tab polls for all. It runs only while it has subscribers,
 * and never while the page is hidden.
 */
export class FeedStore {
  /** The last good snapshot; kept through failures. */
  snapshot?: StatusSnapshot;
  state: FeedState = 'loading';
  /** The last failure, with a message a person can act on; cleared by a success. */
  error?: Error;
  /** When the snapshot was fetched (ms since the epoch). */
  fetchedAt?: number;
  /** True while the snapshot is the one kept from an earlier page view. */
  cached = false;
  /** When this tab polls next (ms since the epoch); undefined while it does not poll. */
  nextPollAt?: number;
  transport: FeedTransport = 'poll';
  /** The interval for subscribers that name none (seconds); `getFeed({ interval })` sets it. */
  defaultInterval?: number;

  private readonly _env: FeedEnvironment;
  private readonly _listeners = new Map<FeedListener, number | undefined>();
  private _timer?: ReturnType<typeof setTimeout>;
  private _inFlight?: AbortController;
  private _deadline?: ReturnType<typeof setTimeout>;
  private _failures = 0;
  /** The last body of each URL the adapter read, to skip work when nothing changed. */
  private _bodies = new Map<string, string>();
  private _json?: string;
  /** The feed's own max-age, when it asks for fewer polls than our interval (ms). */
  private _minDelay = 0;
  private _tab?: TabLink;
  private _stream?: EventSource;
  private _streamBroken = false;

  constructor(
    readonly url: URL,
    readonly adapter: FeedAdapter,
    env: Partial<FeedEnvironment> = {},
  ) {
    this._env = {
      fetch: (...args) => globalThis.fetch(...args),
      shareAcrossTabs: true,
      persist: true,
      ...env,
    };
  }

  /** Identifies the feed: in the page's registry, the Web Lock, the channel and the cache. */
  get key(): string {
    return `${this.adapter.name} ${this.url.href}`;
  }

  /** Seconds between polls: the shortest any subscriber asked for, floored. */
  get interval(): number {
    const fallback = this.defaultInterval ?? DEFAULT_INTERVAL;
    const asked = [...this._listeners.values()].map((value) => value ?? fallback);
    const interval = asked.length ? Math.min(...asked) : fallback;
    return Math.max(MIN_INTERVAL, Number.isFinite(interval) ? interval : DEFAULT_INTERVAL);
  }

  /** Age of the data in ms, or undefined before the first snapshot. */
  get age(): number | undefined {
    return this.fetchedAt === undefined ? undefined : Date.now() - this.fetchedAt;
  }

  /** Adds a listener (called now and on every change); returns its unsubscribe function. */
  subscribe(listener: FeedListener, interval?: number): () => void {
    const first = this._listeners.size === 0;
    this._listeners.set(listener, interval);
    if (first) this._start();
    listener(this);
    return () => {
      if (!this._listeners.delete(listener)) return;
      if (this._listeners.size === 0) this._stop();
    };
  }

  /**
   * Loads now (aborting a load under way) and schedules the next poll. In a tab
   * that does not lead, asks the leading tab to load.
   */
  async refresh(): Promise<void> {
    if (this._tab && !this._tab.leading) return this._tab.post({ type: 'refresh' });
    return this._load();
  }

  /**
   * One load through the adapter. `pushed` is a feed document that arrived on the
   * event stream: it answers the adapter's first request instead of the network.
   */
  private async _load(pushed?: string): Promise<void> {
    clearTimeout(this._timer);
    this._inFlight?.abort();
    const request = new AbortController();
    this._inFlight = request;
    const href = this.url.href;
    clearTimeout(this._deadline);
    this._deadline = setTimeout(
      () =>
        request.abort(
          new FeedRequestError(
            href,
            0,
            `The feed at ${href} did not answer within ${REQUEST_TIMEOUT_MS / SECOND} seconds.`,
          ),
        ),
      REQUEST_TIMEOUT_MS,
    );
    const bodies = new Map<string, string>();
    const fromStream = pushed !== undefined;
    let askedDelay = 0;
    // The adapter may fetch several URLs per load; each goes out the same polite way.
    const fetchOnce: typeof globalThis.fetch = async (input) => {
      const target =
        typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      let response: Response;
      if (pushed === undefined) response = await this._get(target, request.signal);
      else {
        response = new Response(pushed);
        pushed = undefined;
      }
      askedDelay = Math.max(askedDelay, maxAge(response.headers));
      if (!response.ok) return response;
      let body: string;
      try {
        body = await response.text();
      } catch (error) {
        if (request.signal.aborted) throw request.signal.reason ?? error;
        // The runtime's own words here ("terminated", "network error") help no one.
        throw new FeedRequestError(
          target,
          response.status,
          `The feed at ${target} broke off its answer before the end (the connection was closed or reset).`,
        );
      }
      bodies.set(target, body);
      const { status, statusText, headers } = response;
      return new Response(body || null, { status, statusText, headers });
    };
    try {
      const snapshot = await this.adapter.load(this.url, fetchOnce, request.signal);
      if (this._inFlight !== request) return;
      // Byte-for-byte the same answers (a 304 revalidation, say): nothing to redraw.
      let same = bodies.size > 0;
      for (const [target, body] of bodies) {
        same &&= this._bodies.get(target) === body;
        this._bodies.set(target, body);
      }
      if (!fromStream) this._minDelay = askedDelay;
      this._succeed(same && !this.cached && this.snapshot ? this.snapshot : snapshot);
    } catch (error) {
      if (this._inFlight !== request) return;
      // A pushed document the adapter cannot read: ask the feed itself.
      if (fromStream) return this._load();
      // A timeout reads better as its own reason than as whatever the adapter made of it.
      const failure: unknown = request.signal.aborted ? request.signal.reason : error;
      this._fail(failure instanceof Error ? failure : new Error(String(failure)));
    } finally {
      if (this._inFlight === request) {
        clearTimeout(this._deadline);
        this._inFlight = undefined;
      }
    }
  }

  private async _get(target: string, signal: AbortSignal): Promise<Response> {
    try {
      // No headers of our own (a cross-origin GET stays a CORS simple request, no
      // preflight), never cookies, and revalidation so the server can answer 304.
      return await this._env.fetch(target, {
        method: 'GET',
        cache: 'no-cache',
        credentials: 'omit',
        signal,
      });
    } catch (error) {
      if (signal.aborted) throw signal.reason ?? error;
      throw new FeedRequestError(
        target,
        0,
        `The feed at ${target} could not be reached (offline, blocked, or not allowing cross-origin requests).`,
      );
    }
  }

  private _start(): void {
    if (this._env.persist && !this.snapshot) {
      const kept = readCache(this.key);
      // Younger than an interval, the kept snapshot is as good as a fresh poll.
      if (kept) {
        const fresh = Date.now() - kept.fetchedAt < this.interval * SECOND;
        this._json = JSON.stringify(kept.snapshot);
        this._set({ ...kept, state: fresh ? 'ready' : 'stale' }, true);
      }
    }
    globalThis.document?.addEventListener('visibilitychange', this._onVisibility);
    globalThis.addEventListener?.('online', this._onOnline);
    if (this._env.shareAcrossTabs && canShareAcrossTabs()) {
      // This tab polls once it holds the lock (see resume()).
      this._tab = new TabLink(`status-widgets:v1:${this.key}`, this._onTabMessage, () =>
        this._resume(),
      );
      this._tab.post({ type: 'hello' });
      if (!hidden()) this._tab.requestLead();
    } else {
      this._resume();
    }
  }

  private _stop(): void {
    globalThis.document?.removeEventListener('visibilitychange', this._onVisibility);
    globalThis.removeEventListener?.('online', this._onOnline);
    this._pause();
    this._tab?.close();
    this._tab = undefined;
    this._streamBroken = false;
  }

  /** Stops polling here: timers cleared, the request under way aborted, the stream closed. */
  private _pause(): void {
    this._cancelPoll();
    this._inFlight?.abort();
    this._inFlight = undefined;
    clearTimeout(this._deadline);
    this._stream?.close();
    this._stream = undefined;
  }

  private _cancelPoll(): void {
    clearTimeout(this._timer);
    this._timer = undefined;
    this.nextPollAt = undefined;
  }

  /**
   * Starts polling in this tab (it leads, or polls alone): at once when the data is
   * older than an interval, else when it comes due.
   */
  private _resume(): void {
    if (hidden() || (this._tab && !this._tab.leading)) return;
    const due = (this.fetchedAt ?? 0) + Math.max(this.interval * SECOND, this._minDelay);
    if (this._failures > 0 || this.state === 'loading' || Date.now() >= due) void this.refresh();
    else this._schedule(due - Date.now());
    this._openStream();
  }

  private _schedule(delay: number): void {
    this._cancelPoll();
    // Nobody is listening, another tab leads, or the event stream tells us of changes.
    if (!this._listeners.size || (this._tab && !this._tab.leading)) return;
    if (this._stream && this._failures === 0) return;
    this.nextPollAt = Date.now() + delay;
    this._timer = setTimeout(() => {
      this._timer = undefined;
      this.nextPollAt = undefined;
      // Hidden: skip; becoming visible polls (see onVisibility).
      if (!hidden()) void this.refresh();
    }, delay);
  }

  private _succeed(snapshot: StatusSnapshot): void {
    const fetchedAt = Date.now();
    this._failures = 0;
    if (snapshot !== this.snapshot) {
      const json = JSON.stringify(snapshot);
      // Same content as what is shown (say, the kept copy): keep the shown object.
      if (json === this._json && this.snapshot) snapshot = this.snapshot;
      this._json = json;
    }
    this._set({ snapshot, state: 'ready', fetchedAt });
    if (this._env.persist && this._json) writeCache(this.key, this._json, fetchedAt);
    this._tab?.post({ type: 'result', snapshot, state: 'ready', fetchedAt });
    this._schedule(jittered(Math.max(this.interval * SECOND, this._minDelay)));
    this._openStream();
  }

  private _fail(error: Error): void {
    this._failures += 1;
    const state = this.snapshot ? 'stale' : 'error';
    this._set({ snapshot: this.snapshot, state, error, fetchedAt: this.fetchedAt }, this.cached);
    this._tab?.post({
      type: 'result',
      snapshot: this.snapshot,
      state,
      error: this.error?.message,
      fetchedAt: this.fetchedAt,
    });
    const busy =
      error instanceof FeedRequestError && (error.status === 429 || error.status === 503);
    const interval = this.interval * SECOND;
    this._schedule(
      Math.max(
        backoff(this._failures, interval, MIN_INTERVAL * SECOND),
        busy ? retryAfter(error.response?.headers) : 0,
      ),
    );
  }

  /** Takes a new state and tells the listeners, only when something they show changed. */
  private _set(next: Stamp, cached = false): void {
    // The same failure again is not news: keep the error object, so no new event fires.
    const error =
      next.error && next.error.message === this.error?.message ? this.error : next.error;
    const changed =
      next.snapshot !== this.snapshot ||
      next.state !== this.state ||
      error !== this.error ||
      cached !== this.cached;
    this.snapshot = next.snapshot;
    this.state = next.state;
    this.error = error;
    this.fetchedAt = next.fetchedAt;
    this.cached = cached;
    if (changed) for (const listener of this._listeners.keys()) listener(this);
  }

  private readonly _onTabMessage = (message: TabMessage): void => {
    if (message.type === 'result') {
      if (this._tab?.leading) return;
      let { snapshot } = message;
      const json = snapshot && JSON.stringify(snapshot);
      if (json === this._json) snapshot = this.snapshot;
      this._json = json;
      const error = message.error === undefined ? undefined : new Error(message.error);
      this._set({ ...message, snapshot, error });
    } else if (this._tab?.leading) {
      if (message.type === 'refresh') void this.refresh();
      else if (this.state !== 'loading' && !this.cached) {
        const { snapshot, state, fetchedAt } = this;
        this._tab.post({ type: 'result', snapshot, state, error: this.error?.message, fetchedAt });
      }
    }
  };

  private readonly _onVisibility = (): void => {
    if (hidden()) {
      // A hidden tab neither polls nor leads: a visible tab takes over.
      this._pause();
      this._tab?.stepDown();
    } else if (this._tab) {
      this._tab.requestLead();
    } else {
      this._resume();
    }
  };

  private readonly _onOnline = (): void => {
    if (!hidden() && (!this._tab || this._tab.leading)) void this.refresh();
  };

  /** The feed's event stream: the `links.events` a native feed advertises, or `events` next to the feed when `transport` is `sse`. */
  private _eventsUrl(): URL | undefined {
    const advertised = this.snapshot?.links?.events;
    try {
      if (advertised) return new URL(advertised, this.url);
      if (this.transport === 'sse') return new URL('events', this.url);
    } catch {
      // A malformed advertised link: poll instead.
    }
    return undefined;
  }

  private _openStream(): void {
    if (this._stream || this._streamBroken || typeof EventSource !== 'function') return;
    if (hidden() || (this._tab && !this._tab.leading) || !this._listeners.size) return;
    const url = this._eventsUrl();
    if (!url || !/^https?:$/.test(url.protocol)) return;
    const stream = new EventSource(url.href);
    this._stream = stream;
    // Open: the stream tells us of changes, so the poll timer is not needed.
    stream.onopen = () => {
      if (this._failures === 0) this._cancelPoll();
    };
    // Every event means the feed changed. An event that carries the feed document
    // (our reference server's do) is read as is; otherwise load the feed (a cheap
    // revalidation at worst).
    stream.onmessage = (event: MessageEvent<unknown>) =>
      void this._load(typeof event.data === 'string' && event.data ? event.data : undefined);
    stream.onerror = () => {
      // The stream broke: poll for the rest of this run.
      stream.close();
      if (this._stream !== stream) return;
      this._stream = undefined;
      this._streamBroken = true;
      this._resume();
    };
  }
}

function hidden(): boolean {
  return globalThis.document?.visibilityState === 'hidden';
}

const stores = new Map<string, FeedStore>();

/** The page's shared store for this feed (created on first use). */
export function getFeed(options: FeedOptions): FeedStore {
  const url = new URL(options.src, globalThis.location?.href);
  const adapter = resolveAdapter(url, options.adapter);
  const key = `${adapter.name} ${url.href}`;
  let store = stores.get(key);
  if (!store) {
    store = new FeedStore(url, adapter);
    stores.set(key, store);
  }
  if (options.interval !== undefined && Number.isFinite(options.interval)) {
    // Shared: the most frequent wish wins (still never below the floor).
    store.defaultInterval = Math.min(store.defaultInterval ?? Infinity, options.interval);
  }
  if (options.transport === 'sse') store.transport = 'sse';
  return store;
}
