// Not public API: what a web developer needs to fix a feed that fails — on the
// console once per feed, and inline with `debug`. Customers never see this text,
// and pages whose feeds answer never download it (it loads on the first failure).
import { FeedFormatError, FeedRequestError } from '../model/errors.js';
import type { FeedOptions } from '../feed/store.js';

export { debugStyles } from './debug-styles.js';

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
        : // An element without src (see FeedController): an example of one.
          / has no src: /.test(error.message)
          ? 'For example src="https://www.githubstatus.com".'
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

const missing = new WeakMap<Element, Set<string>>();

/**
 * A `component="…"` the feed does not list (a misspelt id or name): a warning for the
 * page's developer, once per element and name, with the names it could have meant.
 */
export function warnMissingComponent(
  host: Element,
  name: string,
  src: string,
  known: readonly string[],
): void {
  const names = missing.get(host) ?? new Set<string>();
  missing.set(host, names);
  if (names.has(name)) return;
  names.add(name);
  const list = known.slice(0, 20).join(', ') + (known.length > 20 ? ', …' : '');
  console.warn(
    `[status-widgets] <${host.localName}>: component="${name}" is not in the feed ${src} (its components: ${list || 'none'}). Set component to one of their ids or names.`,
  );
}
