import { replaying } from '../feed/fetcher.js';
import type { FeedAdapter, FormatRules } from './types.js';

/**
 * A built-in adapter whose reader is loaded when a page uses it: the stub holds the
 * format's rules (./<format>-rules.ts); the reader is a chunk of its own. `first`
 * names the URL the reader asks for first: that request goes out while the reader
 * loads, so loading it adds no round trip.
 */
export function lazy(
  rules: FormatRules,
  load: () => Promise<{ default: FeedAdapter }>,
  first?: (source: URL) => URL,
): FeedAdapter {
  return {
    ...rules,
    async load(source, fetch, signal, options) {
      if (first) {
        const url = first(source).href;
        const answer = fetch(url, { signal });
        answer.catch(() => undefined); // the reader reads (and reports) it
        fetch = replaying(fetch, answer, url);
      }
      return (await load()).default.load(source, fetch, signal, options);
    },
  };
}
