// Calendar days in a time zone, and daily history from what a component was in over
// time (status spans): the one computation behind every history a reader measures and
// every history derived from incidents. Pure functions over plain data.
import type { ComponentDay, ComponentStatus, StatusMinutes } from './types.js';

/** The most days of history a feed may carry (and a reader keeps): one year. */
export const HISTORY_DAYS = 365;

const MINUTE = 60_000;

// Formatters cost far more to build than to use: one per time zone.
const formatters = new Map<string, Intl.DateTimeFormat>();
function wallClock(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(key, format);
  }
  return format;
}

/** The wall-clock time at `ms` in the zone, read as if it were UTC. */
function wallTime(ms: number, timeZone?: string): number {
  const part: Record<string, number> = {};
  for (const { type, value } of wallClock(timeZone).formatToParts(ms)) part[type] = Number(value);
  return Date.UTC(part.year, part.month - 1, part.day, part.hour, part.minute, part.second);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const fromUtc = (date: Date) =>
  `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;

/** The calendar day (`YYYY-MM-DD`) of an instant in a time zone (the viewer's when absent). */
export function dateInZone(at: number | string, timeZone?: string): string {
  const ms = typeof at === 'number' ? at : Date.parse(at);
  return fromUtc(new Date(wallTime(ms, timeZone)));
}

/** The day `days` after (or before, when negative) a `YYYY-MM-DD` date. */
export function shiftDate(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return fromUtc(new Date(Date.UTC(year, month - 1, day + days)));
}

/** When a calendar day begins in a time zone (its first instant, DST included). */
export function startOfDay(date: string, timeZone?: string): number {
  const [year, month, day] = date.split('-').map(Number);
  const wall = Date.UTC(year, month - 1, day);
  let start = wall;
  // The zone's offset at the guess moves the guess; twice settles it across a DST change.
  for (let i = 0; i < 2; i++) start = wall - (wallTime(start, timeZone) - start);
  return start;
}

// Worst first; what ranks highest in a moment is what the component was in.
const STATUS_RANK: Record<ComponentStatus, number> = {
  unknown: 0,
  operational: 1,
  under_maintenance: 2,
  degraded_performance: 3,
  partial_outage: 4,
  major_outage: 5,
};

/** The worse of two statuses. */
export function worseStatus(a: ComponentStatus, b: ComponentStatus): ComponentStatus {
  return STATUS_RANK[b] > STATUS_RANK[a] ? b : a;
}

/** Partial and major outages count as down time; degraded and maintenance as up. */
export const isDown = (status: ComponentStatus): boolean =>
  status === 'partial_outage' || status === 'major_outage';

/** A status a component was in from `start` to `end` (ms since the epoch). */
export interface StatusSpan {
  start: number;
  end: number;
  status: ComponentStatus;
}

/** Minutes in each status between `from` and `to`, the worst span winning where they overlap. */
function minutesIn(spans: readonly StatusSpan[], from: number, to: number): StatusMinutes {
  const cuts = new Set([from, to]);
  for (const { start, end } of spans) {
    if (start > from && start < to) cuts.add(start);
    if (end > from && end < to) cuts.add(end);
  }
  const edges = [...cuts].sort((a, b) => a - b);
  const minutes: StatusMinutes = {};
  for (let i = 0; i < edges.length - 1; i++) {
    let status: ComponentStatus = 'operational';
    for (const span of spans)
      if (span.start <= edges[i] && span.end >= edges[i + 1])
        status = worseStatus(status, span.status);
    if (status !== 'operational')
      minutes[status] = (minutes[status] ?? 0) + (edges[i + 1] - edges[i]) / MINUTE;
  }
  return minutes;
}

/**
 * One day from the spans over its covered part, `from` to `to`: the minutes in each
 * status other than operational (where spans overlap, the worse one counts; where none
 * covers, operational), the worst status, and the uptime over the covered time.
 */
export function dayFromSpans(
  date: string,
  spans: readonly StatusSpan[],
  from: number,
  to: number,
): ComponentDay {
  const downtime = minutesIn(spans, from, to);
  let worst: ComponentStatus = 'operational';
  let down = 0;
  for (const [status, spent] of Object.entries(downtime) as [ComponentStatus, number][]) {
    worst = worseStatus(worst, status);
    if (isDown(status)) down += spent;
    downtime[status] = Math.round(spent);
  }
  const uptime = 100 * (1 - (down * MINUTE) / (to - from));
  return { date, uptime, worst, ...(Object.keys(downtime).length && { downtime }) };
}

/**
 * Daily history of what a source covers, `from` to `to`, in calendar days of the
 * zone (UTC when absent): a day partly covered counts its covered part only; days
 * outside get no entry ("no data"). At most the newest 365 days.
 */
export function historyFromSpans(
  spans: readonly StatusSpan[],
  from: number,
  to: number,
  timeZone = 'UTC',
): ComponentDay[] | undefined {
  if (!(to > from)) return undefined;
  const days: ComponentDay[] = [];
  const last = dateInZone(to, timeZone);
  let date = dateInZone(Math.max(from, to - (HISTORY_DAYS + 1) * 24 * 60 * MINUTE), timeZone);
  for (; date <= last; date = shiftDate(date, 1)) {
    const start = Math.max(from, startOfDay(date, timeZone));
    const end = Math.min(to, startOfDay(shiftDate(date, 1), timeZone));
    if (end > start) days.push(dayFromSpans(date, spans, start, end));
  }
  return days.slice(-HISTORY_DAYS);
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
