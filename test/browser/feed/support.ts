// Support for the feed store tests: a recorded Statuspage feed behind a fake fetch
// that records every request, and a way to let pending work run without waiting.
import { statuspageAdapter } from '../../../src/adapters/statuspage.js';
import { FeedStore, type FeedEnvironment } from '../../../src/feed/store.js';
import { fixture, uniqueFeedUrl } from '../helpers/feeds.js';

export const SUMMARY = 'statuspage/github-summary-major-2020-04-02.json';

export type Answer = (url: string, init: RequestInit) => Response | Promise<Response>;

export interface FakeFeed {
  url: string;
  /** Every request: its URL and options. */
  calls: Array<{ url: string; init: RequestInit }>;
  /** How summary.json is answered; change it to change the feed. incidents.json is a 404. */
  answer: Answer;
  fetch: typeof globalThis.fetch;
  /** Requests for the live state (one per poll). */
  polls(): number;
}

/** The recorded GitHub summary as text, optionally edited. */
export async function summaryText(edit?: (summary: Record<string, unknown>) => void) {
  const summary = await fixture(SUMMARY);
  edit?.(summary);
  return JSON.stringify(summary);
}

export async function fakeFeed(url = uniqueFeedUrl()): Promise<FakeFeed> {
  const body = await summaryText();
  const feed: FakeFeed = {
    url,
    calls: [],
    answer: () => new Response(body, { headers: { 'content-type': 'application/json' } }),
    fetch: async (input, init = {}) => {
      const target = String(input);
      feed.calls.push({ url: target, init });
      if (!target.endsWith('/summary.json')) return new Response('Not found', { status: 404 });
      return feed.answer(target, init);
    },
    polls: () => feed.calls.filter((call) => call.url.endsWith('/summary.json')).length,
  };
  return feed;
}

/** A store for one tab alone (no Web Locks), so fake timers drive it completely. */
export function storeFor(feed: FakeFeed, env: Partial<FeedEnvironment> = {}): FeedStore {
  return new FeedStore(new URL(feed.url), statuspageAdapter, {
    fetch: feed.fetch,
    shareAcrossTabs: false,
    persist: false,
    ...env,
  });
}

/** One turn of the event loop (a task, not a timer: fake timers do not touch it). */
function turn(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/** Lets pending promises and tasks run until `done()` holds; fails if it never does. */
export async function until(done: () => boolean, what: string): Promise<void> {
  for (let turns = 0; turns < 1000; turns++) {
    if (done()) return;
    await turn();
  }
  throw new Error(`Never happened: ${what}`);
}

/** Lets pending promises and tasks run (a load in progress finishes). */
export async function settle(): Promise<void> {
  for (let turns = 0; turns < 20; turns++) await turn();
}

/**
 * Makes `document.visibilityState` say `state` and tells the page. The tests say
 * "visible" first: the runner opens several pages at once, and all but one of
 * them are hidden, where the store rightly makes no request.
 */
export function setVisibility(state: DocumentVisibilityState): void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}

/** Back to the browser's own visibility. */
export function restoreVisibility(): void {
  delete (document as { visibilityState?: unknown }).visibilityState;
}

/** One page view that loads the feed once with storage on, then leaves. */
export async function visit(feed: FakeFeed): Promise<FeedStore> {
  const store = storeFor(feed, { persist: true });
  const unsubscribe = store.subscribe(() => {});
  await until(() => store.state === 'ready', 'the load');
  unsubscribe();
  return store;
}

/** The snapshot as it comes back from storage (JSON drops undefined fields). */
export function stored<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
