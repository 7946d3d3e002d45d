// Daily history from what a source recorded: the spans a component spent in each
// status (from a monitor's checks, or the reference server's log of changes), cut
// into calendar days. The readers and the server use it; the elements do not.
import {
  HISTORY_DAYS,
  dateInZone,
  daysFromSpans,
  shiftDate,
  startOfDay,
  type DayCut,
  type StatusSpan,
} from './days.js';
import type { ComponentDay, ComponentStatus } from './types.js';

const MINUTE = 60_000;

/**
 * Daily history of what a source covers, `from` to `to`, in calendar days of the
 * zone (UTC when absent): a day partly covered counts its covered part only; days
 * outside get no entry ("no data"). At most the newest 365 days. One sweep over the
 * spans for all the days: O((spans + days) log spans).
 */
export function historyFromSpans(
  spans: readonly StatusSpan[],
  from: number,
  to: number,
  timeZone = 'UTC',
): ComponentDay[] | undefined {
  if (!(to > from)) return undefined;
  const cuts: DayCut[] = [];
  const last = dateInZone(to, timeZone);
  let date = dateInZone(Math.max(from, to - (HISTORY_DAYS + 1) * 24 * 60 * MINUTE), timeZone);
  for (; date <= last; date = shiftDate(date, 1)) {
    const start = Math.max(from, startOfDay(date, timeZone));
    const end = Math.min(to, startOfDay(shiftDate(date, 1), timeZone));
    if (end > start) cuts.push({ date, from: start, to: end });
  }
  return daysFromSpans(spans, cuts.slice(-HISTORY_DAYS));
}

/** A check a monitor ran: when, and the status it found. */
export interface Check {
  at: number;
  status: ComponentStatus;
}

/**
 * Spans from a monitor's checks (in any order): each status holds until the next
 * check, the last one for one check interval (never past `now`). What they cover runs
 * from the first check to the end of the last span.
 */
export function spansFromChecks(
  checks: readonly Check[],
  now: number,
): { spans: StatusSpan[]; from: number; to: number } | undefined {
  const sorted = checks
    .filter((check) => Number.isFinite(check.at) && check.at <= now)
    .sort((a, b) => a.at - b.at);
  if (!sorted.length) return undefined;
  const first = sorted[0].at;
  const lastAt = sorted.at(-1)!.at;
  // The typical interval between checks; one minute when there is a single check.
  const interval = sorted.length > 1 ? (lastAt - first) / (sorted.length - 1) : MINUTE;
  const to = Math.min(now, lastAt + interval);
  const spans = sorted.map((check, i) => ({
    start: check.at,
    end: i + 1 < sorted.length ? sorted[i + 1].at : to,
    status: check.status,
  }));
  return { spans, from: first, to };
}
