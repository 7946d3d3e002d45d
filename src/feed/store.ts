import { resolveAdapter } from '../adapters/registry.js';
import type { FeedAdapter } from '../adapters/types.js';
import type { StatusSnapshot } from '../model/types.js';

export type FeedState = 'loading' | 'ready' | 'stale' | 'error';

export interface FeedOptions {
  /** The feed or status page URL, absolute or relative to the page. */
  src: string;
  /** Adapter name; detected from the URL when absent. */
  adapter?: string;
  /** Seconds between polls (default 60, never below 10). */
  interval?: number;
}

export type FeedListener = (store: FeedStore) => void;

export const DEFAULT_INTERVAL = 60;
export const MIN_INTERVAL = 10;
export const REQUEST_TIMEOUT_MS = 10_000;

/**
 * One shared poller per adapter+URL: every element that names the same feed
 * subscribes to the same store, so the page makes one request per poll. It runs
 * only while it has subscribers.
 */
export class FeedStore {
  snapshot?: StatusSnapshot;
  state: FeedState = 'loading';
  error?: Error;
  /** When the last good snapshot arrived (ms since the epoch). */
  fetchedAt?: number;

  private readonly listeners = new Map<FeedListener, number>();
  private timer?: ReturnType<typeof setTimeout>;
  private inFlight?: AbortController;

  constructor(
    readonly url: URL,
    readonly adapter: FeedAdapter,
    private readonly fetchImpl: typeof globalThis.fetch = (...args) => globalThis.fetch(...args),
  ) {}

  /** Seconds between polls: the shortest any subscriber asked for, floored. */
  get interval(): number {
    const asked = [...this.listeners.values()];
    return Math.max(MIN_INTERVAL, asked.length ? Math.min(...asked) : DEFAULT_INTERVAL);
  }

  /** Age of the data in ms, or undefined before the first good snapshot. */
  get age(): number | undefined {
    return this.fetchedAt === undefined ? undefined : Date.now() - this.fetchedAt;
  }

  subscribe(listener: FeedListener, interval = DEFAULT_INTERVAL): () => void {
    const first = this.listeners.size === 0;
    this.listeners.set(listener, Number.isFinite(interval) ? interval : DEFAULT_INTERVAL);
    if (first) void this.refresh();
    else listener(this);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  /** Loads now (aborting a load under way) and schedules the next poll. */
  async refresh(): Promise<void> {
    clearTimeout(this.timer);
    this.inFlight?.abort();
    const controller = new AbortController();
    this.inFlight = controller;
    const timeout = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
    try {
      const snapshot = await this.adapter.load(this.url, this.politeFetch, controller.signal);
      if (controller.signal.aborted) return;
      this.snapshot = snapshot;
      this.state = 'ready';
      this.error = undefined;
      this.fetchedAt = Date.now();
    } catch (error) {
      if (this.inFlight !== controller) return; // superseded by a newer load
      this.error = error instanceof Error ? error : new Error(String(error));
      // Keep the last good snapshot on screen; only say "error" when there is none.
      this.state = this.snapshot ? 'stale' : 'error';
    } finally {
      clearTimeout(timeout);
      if (this.inFlight === controller) this.inFlight = undefined;
    }
    this.notify();
    this.schedule();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    if (this.listeners.size === 0) return;
    this.timer = setTimeout(() => void this.refresh(), this.interval * 1000);
  }

  private stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.inFlight?.abort();
    this.inFlight = undefined;
  }

  private notify(): void {
    for (const listener of this.listeners.keys()) listener(this);
  }

  // No custom headers (a cross-origin GET stays a CORS simple request), no cookies,
  // and revalidation through the HTTP cache so the server can answer 304.
  private readonly politeFetch: typeof globalThis.fetch = (input, init) =>
    this.fetchImpl(input, { ...init, method: 'GET', cache: 'no-cache', credentials: 'omit' });
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
  return store;
}
