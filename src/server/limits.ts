// One set of limits for the data file: the admin API refuses a write that would
// cross one (before anything is written), and start-up accepts everything up to
// them, so a file the server wrote always loads again.
import { RequestError } from './errors.js';

export const LIMITS = {
  /** Components on the page. */
  components: 10_000,
  /** Incidents, and separately maintenances, kept in the data file. */
  items: 100_000,
  /** Updates on one incident or maintenance. */
  updatesPerItem: 10_000,
  /** Components one incident or maintenance names. */
  affectedPerItem: 10_000,
  /** Message templates. */
  templates: 1000,
  /** Characters in one update's text as stored (a filled-in template may be longer than a typed body). */
  storedBody: 100_000,
} as const;

/**
 * Resolved incidents (and completed maintenances) kept in the data file; older ones
 * move to the archive file. The feeds show the newest 50, so any value from 50 up
 * changes nothing a reader sees.
 */
export const DEFAULT_RETENTION = 1000;
export const MIN_RETENTION = 50;

/** 409: the write would cross a limit; nothing was written. */
export function limitReached(what: string, limit: number, advice: string): RequestError {
  return new RequestError(
    409,
    'limit_reached',
    `${what} would pass the limit of ${limit.toLocaleString('en')}; nothing was changed. ${advice}`,
  );
}
