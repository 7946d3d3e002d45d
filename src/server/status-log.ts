// Every component status change the server sees, with its time, and the daily uptime
// it serves from them. A log is a step function: each status holds from its record
// until the next one. What the server did not see (a change while it was down, a
// relayed source that stopped answering) it does not invent: the last status it
// recorded holds until it records another.
import { dateInZone, HISTORY_DAYS, shiftDate, startOfDay, type StatusSpan } from '../model/days.js';
import { historyFromSpans } from '../model/spans.js';
import type { ComponentDay, ComponentStatus, StatusComponent } from '../model/types.js';

/** One status change: the component was in `status` from `at` (ISO 8601, UTC). */
export interface StatusRecord {
  at: string;
  status: ComponentStatus;
}

/**
 * Component id → its status changes, oldest first. Ids are data (a relayed source's
 * may be `__proto__` or `toString`): read one with `recordsOf`, make one with `newLog`.
 */
export type StatusLog = Record<string, StatusRecord[]>;

/** An empty log with no prototype: any id, `__proto__` included, is only ever an own key. */
export function newLog(): StatusLog {
  return Object.create(null) as StatusLog;
}

/** The records logged for `id`: its own entry only, never an `Object.prototype` member. */
export function recordsOf(log: StatusLog | undefined, id: string): StatusRecord[] | undefined {
  return log && Object.hasOwn(log, id) ? log[id] : undefined;
}

const DAY_MS = 24 * 60 * 60_000;

/**
 * Status changes kept per component. Past it the oldest go first, so the history
 * starts later rather than being wrong: days before the first record are "no data".
 */
export const MAX_RECORDS_PER_COMPONENT = 2000;

/**
 * While some component has spent time in another status than operational today,
 * today's figures grow with the clock: the feed is worked out again this often.
 */
export const TODAY_REFRESH_MS = 5 * 60_000;

/**
 * Appends a record for each component whose status differs from its last record (a
 * new component gets its first), at `now`; drops the logs of components that are gone;
 * trims each log to the served window. `changed` says whether anything was recorded.
 */
export function recordStatuses(
  log: StatusLog | undefined,
  components: readonly Pick<StatusComponent, 'id' | 'status'>[],
  now: Date,
): { log: StatusLog; changed: boolean } {
  const next = newLog();
  let changed = false;
  for (const component of components) {
    const records = [...(recordsOf(log, component.id) ?? [])];
    const last = records.at(-1);
    if (last?.status !== component.status) {
      // A clock stepped back never puts a record before the one it follows.
      const at = last && Date.parse(last.at) > now.getTime() ? last.at : now.toISOString();
      records.push({ at, status: component.status });
      changed = true;
    }
    next[component.id] = trimRecords(records, now);
  }
  if (log && Object.keys(log).some((id) => !Object.hasOwn(next, id))) changed = true;
  return { log: next, changed };
}

/**
 * The records a year of days needs: those in the window, plus the last one before it
 * (it says what the window's first day began in); at most MAX_RECORDS_PER_COMPONENT.
 */
export function trimRecords(records: StatusRecord[], now: Date): StatusRecord[] {
  const windowStart = now.getTime() - (HISTORY_DAYS + 1) * DAY_MS;
  let first = 0;
  while (first + 1 < records.length && Date.parse(records[first + 1]!.at) <= windowStart) {
    first += 1;
  }
  return records.slice(Math.max(first, records.length - MAX_RECORDS_PER_COMPONENT));
}

const zones = new Map<string, boolean>();

/**
 * The zone the days are counted in: the page's, or UTC when it names none or one this
 * Node does not know (a hand-edited data file, a relayed source's own name for it).
 */
export function historyZone(timeZone: string | undefined): string {
  if (!timeZone) return 'Etc/UTC';
  let known = zones.get(timeZone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone });
      known = true;
    } catch {
      known = false;
    }
    zones.set(timeZone, known);
  }
  return known ? timeZone : 'Etc/UTC';
}

/** The spans the records make up to `now`: each status holds until the next record. */
function spansOf(records: readonly StatusRecord[], now: number): StatusSpan[] {
  const spans: StatusSpan[] = [];
  records.forEach((record, index) => {
    const start = Date.parse(record.at);
    const next = records[index + 1];
    const end = Math.min(now, next ? Date.parse(next.at) : now);
    if (start < end) spans.push({ start, end, status: record.status });
  });
  return spans;
}

/**
 * A component's daily history from its records, in the page's zone, up to `now`:
 * days before the first record have no entry ("no data"), today counts up to now, at
 * most the newest 365 days. Uptimes are rounded down (to 0.001), so a day with any
 * down time never reads 100.
 */
export function historyFromRecords(
  records: readonly StatusRecord[] | undefined,
  now: number,
  timeZone: string,
): ComponentDay[] | undefined {
  const first = records?.[0];
  if (!records || !first) return undefined;
  const days = historyFromSpans(spansOf(records, now), Date.parse(first.at), now, timeZone);
  return days?.map((day) =>
    day.uptime === undefined ? day : { ...day, uptime: Math.floor(day.uptime * 1000) / 1000 },
  );
}

/**
 * True when the records put the component in a status other than operational (or
 * unknown, which counts as neither up nor down) at any time after `from`. Read from the
 * newest back: a poll asks this, and only today's records matter.
 */
function notOperationalSince(records: readonly StatusRecord[], from: number): boolean {
  for (let index = records.length - 1; index >= 0; index -= 1) {
    const record = records[index]!;
    if (record.status !== 'operational' && record.status !== 'unknown') return true;
    // The last record before `from` says what the component was in when it began.
    if (Date.parse(record.at) <= from) return false;
  }
  return false;
}

/**
 * What the served history depends on besides the data: the calendar day in the zone,
 * and, while some component's today holds time in another status than operational
 * (its figures grow with the clock), the current TODAY_REFRESH_MS slot. Documents
 * rendered under one key stay right until the key changes.
 */
export function historyClock(
  log: StatusLog | undefined,
  now: number,
  timeZone: string,
): { key: string; changesInMs: number } {
  const today = dateInZone(now, timeZone);
  const untilTomorrow = startOfDay(shiftDate(today, 1), timeZone) - now;
  const todayStart = startOfDay(today, timeZone);
  const moving = Object.values(log ?? {}).some((records) =>
    notOperationalSince(records, todayStart),
  );
  if (!moving) return { key: today, changesInMs: untilTomorrow };
  const slot = Math.floor(now / TODAY_REFRESH_MS);
  return {
    key: `${today}@${slot}`,
    changesInMs: Math.min(untilTomorrow, (slot + 1) * TODAY_REFRESH_MS - now),
  };
}
