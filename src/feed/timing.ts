// Pure timing rules of the feed store: how long to wait between polls and after
// failures, and what the feed's own headers ask for. All durations are in ms.

import { MIN_INTERVAL } from './types.js';

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

/**
 * The poll timer of one feed in one tab, and the rules for its next wait: one
 * interval (or the feed's own max-age) after a success, backoff after failures.
 */
export class PollTimer {
  /** When the next poll is due (ms since the epoch); undefined while none is planned. */
  at?: number;
  /** Failures in a row since the last success. */
  failures = 0;
  /** The feed's own max-age, when it asks for fewer polls than the interval (ms). */
  maxAge = 0;
  private _timer?: ReturnType<typeof setTimeout>;

  constructor(private readonly _poll: () => void) {}

  /** When data fetched at `fetchedAt` comes due, for this `interval` (ms). */
  dueAt(fetchedAt: number | undefined, interval: number): number {
    return (fetchedAt ?? 0) + Math.max(interval, this.maxAge);
  }

  /** The wait after a success: one interval, or the feed's max-age, spread ±10%. */
  succeeded(interval: number): number {
    this.failures = 0;
    return jittered(Math.max(interval, this.maxAge));
  }

  /** The wait after a failure: backoff, or longer when a busy feed says Retry-After. */
  failed(error: Error & { status?: number; response?: Response }, interval: number): number {
    this.failures += 1;
    const busy = error.status === 429 || error.status === 503;
    return Math.max(
      backoff(this.failures, interval, MIN_INTERVAL * SECOND),
      busy ? retryAfter(error.response?.headers) : 0,
    );
  }

  start(delay: number): void {
    this.cancel();
    this.at = Date.now() + delay;
    this._timer = setTimeout(() => {
      this.cancel();
      this._poll();
    }, delay);
  }

  cancel(): void {
    clearTimeout(this._timer);
    this._timer = undefined;
    this.at = undefined;
  }
}
