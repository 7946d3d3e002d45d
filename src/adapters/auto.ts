// Picks a feed's format: by the URL rules of the formats whose rules load here,
// else from its first response, without an extra request: the body fetched for
// detection is handed to the chosen adapter as the answer to its own first request
// for that URL.
import { replaying } from '../feed/fetcher.js';
import { FeedFormatError, FeedRequestError } from '../model/errors.js';
import { autoOnlyRules } from './auto-rules.js';
import { builtInBodyRule } from './body-rules.js';
import { isAbort } from './read.js';
import { statuspageSummaryUrl } from './statuspage-rules.js';
import type { FeedAdapter } from './types.js';

// The newer formats by name, for the registry's `adapter="<name>"` (one chunk with detection).
export { autoOnlyAdapter } from './auto-rules.js';

const NAME = 'auto';

/**
 * The URL detection reads. A bare page address (`https://status.example.com`) is
 * not a feed, and most hosted pages are Statuspage-compatible, so it is read at
 * `/api/v2/summary.json`; any other URL is read as given.
 */
export function probeUrl(source: URL): URL {
  return source.pathname === '/' && !source.search ? statuspageSummaryUrl(source) : source;
}

/** The parsed JSON of a body, or the text itself when it is not JSON (XML feeds). */
function parseForDetection(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * The candidates with their body rules: those of the built-in formats load here,
 * with detection, not with every page.
 */
function withRules(candidates: FeedAdapter[]): FeedAdapter[] {
  return candidates.map((adapter) => {
    if (adapter.matchesBody) return adapter;
    const newer = autoOnlyRules.get(adapter.name);
    if (newer) return newer;
    const matchesBody = builtInBodyRule(adapter.name);
    return matchesBody ? { ...adapter, matchesBody } : adapter;
  });
}

/**
 * An adapter that detects the format of each URL once and remembers it.
 * `candidates` lists the adapters to try, in order (the registry's): each one with
 * a body rule (`matchesBody`), as every built-in has once its rules are here. A
 * candidate's URL rule that matches decides without a request; else the URL is
 * read once and its body decides.
 */
export function createAutoAdapter(candidates: () => FeedAdapter[]): FeedAdapter {
  const chosen = new Map<string, FeedAdapter>();
  return {
    name: NAME,
    async load(source, fetch, signal, options) {
      const known = chosen.get(source.href);
      if (known) return known.load(source, fetch, signal, options);

      const all = withRules(candidates());
      const certain = all.find((adapter) => adapter.matchesUrl?.(source));
      if (certain) {
        chosen.set(source.href, certain);
        return certain.load(source, fetch, signal, options);
      }

      const url = probeUrl(source);
      const response = await fetch(url.href, { signal });
      if (!response.ok) {
        throw new FeedRequestError(
          url.href,
          response.status,
          `The feed at ${url.href} answered HTTP ${response.status}.` +
            (url === source
              ? ''
              : ` A page address is read as a Statuspage-compatible feed; for another format put the feed's own URL in src, or set adapter="…".`),
          response,
        );
      }
      const text = await response.text();
      const body = parseForDetection(text);
      const tried = all.filter((adapter) => adapter.matchesBody);
      const match = tried.find((adapter) => {
        try {
          return adapter.matchesBody!(body);
        } catch (error) {
          if (isAbort(error, signal)) throw error;
          return false; // a site's matcher that throws simply does not match
        }
      });
      if (!match) {
        const what =
          text.trim() === ''
            ? 'the response was empty'
            : /^\s*<(!doctype html|html)\b/i.test(text)
              ? 'it answered with an HTML page, not a feed'
              : 'its response matched none of the known formats';
        throw new FeedFormatError(
          NAME,
          url.href,
          `${what} (tried ${tried.map((adapter) => adapter.name).join(', ')}). Point src at the feed itself, or set adapter="…" to its format.`,
        );
      }
      chosen.set(source.href, match);
      // The body already read answers the chosen adapter's own request for it.
      return match.load(source, replaying(fetch, text, url.href, response), signal, options);
    },
  };
}
