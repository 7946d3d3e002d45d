// Calendar days in a time zone, and one day's figures from what a component was in
// (status spans): the one computation behind every history a reader measures
// (./spans.ts) and every history derived from incidents. Pure functions over plain data.
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

// Day starts already worked out, by zone and date: a server cuts the same year of
// days for every component of a page on every request.
const dayStarts = new Map<string, number>();

/** When a calendar day begins in a time zone (its first instant, DST included). */
export function startOfDay(date: string, timeZone?: string): number {
  const key = `${timeZone ?? ''} ${date}`;
  let start = dayStarts.get(key);
  if (start === undefined) {
    if (dayStarts.size >= 4096) dayStarts.clear();
    start = findStartOfDay(date, timeZone);
    dayStarts.set(key, start);
  }
  return start;
}

function findStartOfDay(date: string, timeZone?: string): number {
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

/** Statuses by rank, lowest first: `RANKED[STATUS_RANK[s]] === s`. */
const RANKED = (Object.keys(STATUS_RANK) as ComponentStatus[]).sort(
  (a, b) => STATUS_RANK[a] - STATUS_RANK[b],
);

/** The part of a calendar day a history covers: its date, and from `from` to `to`. */
export interface DayCut {
  date: string;
  from: number;
  to: number;
}

/**
 * Each day's figures (see `dayFromMinutes`) from one sweep over the spans: their starts
 * and ends are sorted once and walked with the days, counting the spans open in each
 * status, so the work is O((spans + days) log spans) however many spans a day holds (a
 * flapping monitor, 50,000 checks in a day). `days` run oldest first and do not overlap.
 */
export function daysFromSpans(
  spans: readonly StatusSpan[],
  days: readonly DayCut[],
): ComponentDay[] {
  // [when, rank, +1 opens | -1 closes | 0 only cuts]: a span that covers no time
  // still cuts the day there, as it always has, so every figure stays the same.
  const events: [number, number, number][] = [];
  for (const { start, end, status } of spans) {
    const rank = STATUS_RANK[status] ?? 0;
    const open = start < end ? 1 : 0;
    if (start === start) events.push([start, rank, open]);
    if (end === end) events.push([end, rank, -open]);
  }
  events.sort((a, b) => a[0] - b[0]);
  const open = RANKED.map(() => 0);
  let next = 0;
  const passTo = (at: number) => {
    for (; next < events.length && events[next][0] <= at; next++)
      open[events[next][1]] += events[next][2];
  };
  return days.map(({ date, from, to }) => {
    const minutes: StatusMinutes = {};
    passTo(from);
    for (let at = from; at < to; passTo(at)) {
      const until = next < events.length ? Math.min(events[next][0], to) : to;
      // The worst status a span says; a known one wins over "unknown"; none: operational.
      let rank = open.length - 1;
      while (rank >= 0 && !open[rank]) rank--;
      const status = rank < 0 ? 'operational' : RANKED[rank];
      if (until > at && status !== 'operational')
        minutes[status] = (minutes[status] ?? 0) + (until - at) / MINUTE;
      at = until;
    }
    return dayFromMinutes(date, minutes, from, to);
  });
}

/**
 * One day from the minutes it spent in each status other than operational over its
 * covered part, `from` to `to` (where spans overlap, the worse one counts; where none
 * covers, operational): the worst status, and the uptime over the covered time. Time
 * in an unknown state is neither up nor down: the uptime is over the rest, and a day
 * known for none of its time has none (never 100 %).
 */
function dayFromMinutes(
  date: string,
  downtime: StatusMinutes,
  from: number,
  to: number,
): ComponentDay {
  let worst: ComponentStatus = 'operational';
  let down = 0;
  let known = (to - from) / MINUTE;
  for (const [status, spent] of Object.entries(downtime) as [ComponentStatus, number][]) {
    if (status === 'unknown') known -= spent;
    else worst = worseStatus(worst, status);
    if (isDown(status)) down += spent;
    downtime[status] = Math.round(spent);
  }
  const details = Object.keys(downtime).length ? { downtime } : {};
  if (known < 1e-6) return { date, worst: 'unknown', ...details };
  return { date, uptime: 100 * (1 - down / known), worst, ...details };
}
