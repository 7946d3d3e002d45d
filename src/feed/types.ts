// The feed store's options, states and limits, shared by the store and its collaborators.

/** Seconds between polls when no one asks for another interval, and the fewest allowed. */
export const DEFAULT_INTERVAL = 60;
export const MIN_INTERVAL = 10;

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
  /**
   * True for a subscriber that shows the resolved history (an incident list): the
   * feed reads it too from then on (Statuspage: incidents.json). Without it, a poll
   * is one request.
   */
  history?: boolean;
}

/**
 * What one subscriber asks of its feed. The store's settings are derived from the
 * subscribers present now: when one leaves, what only it asked for ends.
 */
export type FeedWants = Pick<FeedOptions, 'interval' | 'transport' | 'history'>;

/** What the store needs from the outside world; tests replace parts of it. */
export interface FeedEnvironment {
  fetch: typeof globalThis.fetch;
  /** Share one poller between the tabs of the site (where Web Locks and BroadcastChannel exist). */
  shareAcrossTabs: boolean;
  /** Keep the last good snapshot in localStorage for the next page view. */
  persist: boolean;
}
