// Where a feed's event stream is, decided with every page's first script; the
// stream's own code (./stream.ts) loads only when there is one.
import type { StatusSnapshot } from '../model/types.js';

/**
 * The feed's event stream: the `links.events` a native feed advertises, or `events`
 * next to the feed when asked for (`transport: 'sse'`); undefined when there is none.
 */
export function eventsUrl(
  feedUrl: URL,
  snapshot: StatusSnapshot | undefined,
  asked: boolean,
): URL | undefined {
  const advertised = snapshot?.links?.events;
  try {
    const url = advertised ? new URL(advertised, feedUrl) : asked ? new URL('events', feedUrl) : 0;
    if (url && /^https?:$/.test(url.protocol)) return url;
  } catch {
    // A malformed advertised link: poll instead.
  }
  return undefined;
}
