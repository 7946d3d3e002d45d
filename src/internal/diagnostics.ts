// Not public API: what a web developer needs to fix a feed that fails — on the
// console once per feed, and inline with `debug`. Customers never see this text,
// and pages whose feeds answer never download it (it loads on the first failure).
import { FeedFormatError, FeedRequestError } from '../model/errors.js';
import type { FeedOptions } from '../feed/store.js';

/** The problem, then what to check, in one paragraph. */
export function diagnose(error: Error): string {
  const hint =
    error instanceof FeedRequestError
      ? error.status === 0
        ? 'No answer: check the URL, that the feed sends Access-Control-Allow-Origin (or read it through status-widgets-server --source), and the page’s connect-src.'
        : error.status < 500
          ? 'Check the URL in src.'
          : 'The widget retries with backoff and keeps its last good data.'
      : error instanceof FeedFormatError
        ? 'Check src, or set adapter="…" to the feed’s format.'
        : '';
  return hint ? `${error.message} ${hint}` : error.message;
}

const warned = new Set<string>();

/** Writes the diagnosis to the console once per feed (per element when it has no src). */
export function warnOnce(tag: string, options: Partial<FeedOptions>, error: Error): void {
  const key = options.src ? `${options.adapter}|${options.src}` : `${tag}|${error.message}`;
  if (warned.has(key)) return;
  warned.add(key);
  console.warn(`[status-widgets] <${tag}>: ${diagnose(error)}`);
}
