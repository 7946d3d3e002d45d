// `--source [adapter=NAME,][interval=SECONDS,][name=LABEL,]URL`: which status source
// the relay reads, how, and how often. The options come first, each `key=value,`;
// everything after them is the URL, so a URL may hold commas of its own.
import { StartError } from '../errors.js';

export interface SourceSpec {
  url: URL;
  /** The adapter's name; undefined: detected as the widgets detect it. */
  adapter?: string;
  /** Seconds between polls. */
  intervalSeconds: number;
  /** How the page names the source's group; default: the source's own page name. */
  name?: string;
}

export const DEFAULT_INTERVAL_SECONDS = 30;
/** No source is asked more often than this, whatever the flag says. */
export const MIN_INTERVAL_SECONDS = 10;

const OPTION = /^(adapter|interval|name)=([^,]*),/;

/** Reads one `--source` value; a bad one is a StartError that says what to write instead. */
export function parseSourceSpec(text: string): SourceSpec {
  let rest = text.trim();
  const options: Record<string, string> = {};
  for (let match = OPTION.exec(rest); match; match = OPTION.exec(rest)) {
    options[match[1]!] = match[2]!.trim();
    rest = rest.slice(match[0].length).trim();
  }
  const usage = 'Write --source [adapter=NAME,][interval=SECONDS,][name=LABEL,]URL.';
  let url: URL;
  try {
    url = new URL(rest);
  } catch {
    throw new StartError(`--source "${text}": "${rest}" is not a URL. ${usage}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new StartError(
      `--source "${text}": the relay reads http and https URLs only, not ${url.protocol}. ${usage}`,
    );
  }
  if (url.username || url.password) {
    throw new StartError(
      `--source "${text}": the URL carries credentials; the relay republishes what it reads to everyone, so it reads public sources only.`,
    );
  }
  let intervalSeconds = DEFAULT_INTERVAL_SECONDS;
  if (options['interval'] !== undefined) {
    intervalSeconds = Number(options['interval']);
    if (!Number.isFinite(intervalSeconds) || intervalSeconds < MIN_INTERVAL_SECONDS) {
      throw new StartError(
        `--source "${text}": interval=${options['interval']} must be a number of seconds, at least ${MIN_INTERVAL_SECONDS}.`,
      );
    }
  }
  const spec: SourceSpec = { url, intervalSeconds };
  if (options['adapter']) spec.adapter = options['adapter'];
  if (options['name']) spec.name = options['name'];
  return spec;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '0.0.0.0', '[::]']);

/**
 * Refuses a source that is the relay itself (it would read its own output forever).
 * `listening` is the relay's own base URL.
 */
export function checkNotSelf(spec: SourceSpec, listening: URL): void {
  const port = (url: URL) => url.port || (url.protocol === 'https:' ? '443' : '80');
  const sameHost =
    spec.url.hostname === listening.hostname ||
    (LOOPBACK.has(spec.url.hostname) && LOOPBACK.has(listening.hostname)) ||
    (LOOPBACK.has(spec.url.hostname) && listening.hostname.startsWith('127.'));
  if (sameHost && port(spec.url) === port(listening)) {
    throw new StartError(
      `--source ${spec.url.href} points at this server itself (${listening.href}); a relay cannot read its own feeds. Give the source's own address.`,
    );
  }
}
