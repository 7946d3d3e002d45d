// Pure timing rules of the feed store: how long to wait between polls and after
// failures, and what the feed's own headers ask for. All durations are in ms.

export const SECOND = 1000;
/** Failures never wait longer than this between retries. */
export const MAX_BACKOFF = 10 * 60 * SECOND;
/** A Retry-After beyond a day is a misconfiguration, not a plan. */
const MAX_RETRY_AFTER = 24 * 60 * 60 * SECOND;

/** `delay` ±10%, so that a site's visitors do not all poll the feed in the same second. */
export function jittered(delay: number, random = Math.random): number {
  return delay * (0.9 + 0.2 * random());
}

/**
 * The wait before retry number `failures` (1, 2, …): exponential backoff from one
 * interval with full jitter, capped at 10 minutes. Never below `floor`, so a
 * failing feed is not hit faster than its polling floor.
 */
export function backoff(failures: number, interval: number, floor: number, random = Math.random) {
  const ceiling = Math.min(MAX_BACKOFF, interval * 2 ** Math.max(0, failures - 1));
  return Math.max(floor, random() * ceiling);
}

/** `Cache-Control: max-age` of a response, or 0. */
export function maxAge(headers: Headers): number {
  const match = /(?:^|,)\s*max-age\s*=\s*"?(\d+)/i.exec(headers.get('cache-control') ?? '');
  return match ? Number(match[1]) * SECOND : 0;
}

/** `Retry-After` (seconds or an HTTP date) of a response, or 0 when absent or unreadable. */
export function retryAfter(headers: Headers | undefined, now = Date.now()): number {
  const value = headers?.get('retry-after')?.trim();
  if (!value) return 0;
  const delay = /^\d+$/.test(value) ? Number(value) * SECOND : Date.parse(value) - now;
  return Number.isFinite(delay) ? Math.min(MAX_RETRY_AFTER, Math.max(0, delay)) : 0;
}
