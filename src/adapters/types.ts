import type { StatusSnapshot } from '../model/types.js';

export interface LoadOptions {
  /**
   * Read the resolved history too where the format keeps it in a request of its
   * own (Statuspage's incidents.json); true unless false. The feed store asks for
   * it only while an element that shows the history subscribes.
   */
  history?: boolean;
}

/**
 * Turns one provider's public responses into the normalized `StatusSnapshot`.
 * The fetch function is passed in so that the feed store controls timeouts,
 * caching and credentials, and tests can pass a fake.
 */
export interface FeedAdapter {
  /** The name used in `adapter="…"` and `getAdapter()`. */
  readonly name: string;
  load(
    source: URL,
    fetch: typeof globalThis.fetch,
    signal?: AbortSignal,
    options?: LoadOptions,
  ): Promise<StatusSnapshot>;
  /** True when this URL certainly belongs to this adapter (used by auto-detection). */
  matchesUrl?(source: URL): boolean;
  /** True when a parsed response body has this adapter's shape (used by auto-detection). */
  matchesBody?(body: unknown): boolean;
}

/**
 * What the page knows about a built-in format before its reader loads: its name
 * and URL rule. Each format keeps them, with its base-URL helper, in a small
 * `<format>-rules.ts` that every page loads; the reader is a chunk of its own, and
 * the body rules load with detection (./body-rules.ts, ./auto-rules.ts).
 */
export type FormatRules = Pick<FeedAdapter, 'name' | 'matchesUrl' | 'matchesBody'>;
