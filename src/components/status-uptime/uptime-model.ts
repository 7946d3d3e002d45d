// Pure rules behind <status-uptime>: the window of days in a time zone, one bar per
// day (a day without data stays "no data", never operational), the window's uptime
// over the days with data only, and a history derived from the incidents a feed
// lists when its components carry no recorded one.
import {
  componentStatusToIndicator,
  isActiveIncident,
  isActiveMaintenance,
} from '../../model/indicator.js';
import { endedAt } from '../../model/overdue.js';
import {
  dateInZone,
  daysFromSpans,
  isDown,
  shiftDate,
  startOfDay,
  worseStatus,
  type DayCut,
  type StatusSpan,
} from '../../model/days.js';
import type {
  ComponentDay,
  ComponentStatus,
  Impact,
  Incident,
  Indicator,
  StatusComponent,
  StatusSnapshot,
} from '../../model/types.js';

export { dateInZone, shiftDate, startOfDay };

/** One bar of the strip: a date and what is known about it (nothing: no data). */
export interface DayBar {
  /** `YYYY-MM-DD` in the strip's time zone. */
  date: string;
  day?: ComponentDay;
}

/** The window's figure: mean daily uptime over the days that have one, and how many. */
export interface WindowUptime {
  uptime?: number;
  days: number;
}

/** The last `days` calendar days up to `now`'s, oldest first. */
export function windowDates(days: number, now: number, timeZone?: string): string[] {
  const today = dateInZone(now, timeZone);
  return Array.from({ length: days }, (_, i) => shiftDate(today, i - days + 1));
}

/** One bar per date; a date the history does not hold has no `day` (no data). */
export function dayBars(
  history: readonly ComponentDay[] | undefined,
  dates: readonly string[],
): DayBar[] {
  const byDate = new Map(history?.map((day) => [day.date, day]));
  return dates.map((date) => ({ date, day: byDate.get(date) }));
}

/**
 * The mean of the daily uptimes over the days that have one, and how many: a day
 * without data is left out, never counted as 100 %.
 */
export function windowUptime(bars: readonly DayBar[]): WindowUptime {
  const known = bars.flatMap(({ day }) => (day?.uptime === undefined ? [] : [day.uptime]));
  if (!known.length) return { days: 0 };
  return { uptime: known.reduce((sum, u) => sum + u, 0) / known.length, days: known.length };
}

/**
 * The colour of a day: its worst status; without one, operational at 100 % and a
 * minor outage below; undefined for a day without data.
 */
export function dayIndicator(day: ComponentDay | undefined): Indicator | undefined {
  if (!day) return undefined;
  if (day.worst) return componentStatusToIndicator(day.worst);
  if (day.uptime === undefined) return 'unknown';
  return day.uptime === 100 ? 'operational' : 'minor';
}

/**
 * An uptime with at most two decimals, rounded down: 99.999 % is "99.99", so a day
 * with any downtime never reads as 100 %.
 */
export function floorUptime(uptime: number): number {
  return Math.floor(uptime * 100 + 1e-9) / 100;
}

// What an incident's impact says about the components it affects.
const IMPACT_STATUS: Partial<Record<Impact, ComponentStatus>> = {
  minor: 'degraded_performance',
  major: 'partial_outage',
  critical: 'major_outage',
  maintenance: 'under_maintenance',
};

const MINUTE = 60_000;

/**
 * A component's current status up to now, and since when it has been in it (its
 * `updatedAt`; without one, or when that lies after it, when the feed was read). A
 * status other than operational counts for at least the last minute: a component
 * down now is never drawn as a good day, however recently the feed was read.
 */
function presentSpan({ status, updatedAt }: StatusComponent, now: number, readAt: number) {
  const changed = Date.parse(updatedAt!);
  const since = changed <= readAt ? changed : readAt;
  return {
    since,
    start: status === 'operational' ? since : Math.min(since, now - MINUTE),
    end: now,
    status,
  };
}

type AddSpan = (id: string, start: number, end: number, status: ComponentStatus) => void;

/**
 * The spans one incident (or maintenance), `start` to `end`, puts components in: the
 * status each update gave a component (`affected`), from that update (the first one
 * from the item's start) to the next update that names it or the item's end; for a
 * component no update gives a status, `fallback` (what the impact implies) all along.
 */
function itemSpans(
  { components, updates }: Pick<Incident, 'components' | 'updates'>,
  start: number,
  end: number,
  fallback: ComponentStatus | undefined,
  add: AddSpan,
): void {
  const said = new Map<string, [number, ComponentStatus][]>();
  // Updates come newest first: read oldest first.
  for (let i = updates.length; i--;) {
    const at = i === updates.length - 1 ? start : Math.max(Date.parse(updates[i].createdAt), start);
    for (const { id, status } of updates[i].affected ?? [])
      (said.get(id) ?? said.set(id, []).get(id)!).push([at, status]);
  }
  for (const id of components) if (fallback && !said.has(id)) add(id, start, end, fallback);
  said.forEach((list, id) =>
    list.forEach(([at, status], k) => add(id, at, Math.min(end, list[k + 1]?.[0] ?? end), status)),
  );
}

/**
 * Each component's spans: what the incidents and maintenances say, and its current
 * status since it changed. What an active item says gives way, from then on, to the
 * component's own status: the feed says what the item does to it now. Resolved items
 * stand; where spans overlap, the worse status counts.
 */
function componentSpans(
  snapshot: StatusSnapshot,
  components: readonly StatusComponent[],
  now: number,
  readAt: number,
): Map<string, StatusSpan[]> {
  // Each component's own spans, its current status first.
  const spans = new Map<string, [ReturnType<typeof presentSpan>, ...StatusSpan[]]>();
  for (const component of components)
    spans.set(component.id, [presentSpan(component, now, readAt)]);
  const each = (
    item: Pick<Incident, 'components' | 'updates'>,
    active: boolean,
    start: number,
    ended: string,
    fallback: ComponentStatus | undefined,
  ) =>
    itemSpans(item, start, active ? now : Date.parse(ended), fallback, (id, from, to, status) => {
      const own = spans.get(id);
      if (own && active) to = Math.min(to, own[0].since);
      if (own && to > from) own.push({ start: from, end: to, status });
    });
  for (const incident of snapshot.incidents)
    each(
      incident,
      isActiveIncident(incident),
      Date.parse(incident.createdAt),
      endedAt(incident),
      IMPACT_STATUS[incident.impact],
    );
  for (const maintenance of snapshot.maintenances)
    if (maintenance.status !== 'scheduled')
      each(
        maintenance,
        isActiveMaintenance(maintenance),
        Date.parse(maintenance.scheduledFor),
        maintenance.resolvedAt ?? maintenance.scheduledUntil ?? maintenance.updatedAt,
        'under_maintenance',
      );
  return spans;
}

/**
 * Daily history rebuilt from the incidents (and maintenances) a snapshot lists, for
 * the `dates` given (in `timeZone`), and from each component's current status:
 * - the component is in its current status since it changed (its `updatedAt`, else
 *   since the feed was read, `readAt`), so one down now is never a good day today;
 * - each incident puts a component in the status an update gave it (`affected`), else
 *   in what the incident's impact implies (minor: degraded, major: partial outage,
 *   critical: major outage), from its start to its resolution (see `componentSpans`).
 * What the list covers begins with its oldest item: days before it, and days after
 * `now`, have no entry (no data). Undefined when the snapshot holds no resolved
 * incident, so no past at all.
 */
export function deriveHistory(
  snapshot: StatusSnapshot,
  dates: readonly string[],
  now: number,
  timeZone?: string,
  components: readonly StatusComponent[] = snapshot.components,
  readAt = now,
): Map<string, ComponentDay[]> | undefined {
  if (!snapshot.incidents.some((incident) => !isActiveIncident(incident))) return undefined;
  let covered = Infinity;
  for (const incident of snapshot.incidents)
    covered = Math.min(covered, Date.parse(incident.createdAt) || Infinity);
  // Each day's covered span: from its start (or the list's oldest item) to its end (or now).
  const cuts: DayCut[] = [];
  for (const date of dates) {
    const from = Math.max(startOfDay(date, timeZone), covered);
    const to = Math.min(startOfDay(shiftDate(date, 1), timeZone), now);
    if (to > from) cuts.push({ date, from, to });
  }
  const history = new Map<string, ComponentDay[]>();
  for (const [id, spans] of componentSpans(snapshot, components, now, readAt))
    history.set(id, daysFromSpans(spans, cuts));
  return history;
}

/**
 * A recorded history with the component's current status folded into `today` (the
 * last date of the window, beginning at `todayStart`): a record says what it measured
 * up to when the feed was written, so a status other than operational now makes the
 * day no better than that status since it changed (its time in it counted as at least
 * that since-then, its uptime at most what that leaves of the day so far); a day the
 * record lacks is made from the current status alone. Operational and unknown now
 * leave the record as it is.
 */
export function withPresent(
  history: readonly ComponentDay[] | undefined,
  component: StatusComponent,
  today: string,
  todayStart: number,
  now: number,
  readAt = now,
): readonly ComponentDay[] | undefined {
  const { status } = component;
  if (status === 'operational' || status === 'unknown' || !(now > todayStart)) return history;
  const since = Math.max(presentSpan(component, now, readAt).start, todayStart);
  const recorded = history?.find((day) => day.date === today);
  const downtime = { ...recorded?.downtime };
  downtime[status] = Math.max(downtime[status] ?? 0, Math.round((now - since) / MINUTE));
  const worst = worseStatus(recorded?.worst ?? status, status);
  const day: ComponentDay = { ...(recorded ?? { uptime: 100 }), date: today, worst, downtime };
  if (isDown(status))
    day.uptime = Math.min(
      day.uptime ?? 100,
      recorded ? 100 * (1 - (now - since) / (now - todayStart)) : 0,
    );
  return [...(history ?? []).filter((known) => known !== recorded), day];
}

/** The incidents of a component that were open during a day, for the day's details. */
export function incidentsOnDay(
  incidents: readonly Incident[],
  componentId: string,
  date: string,
  now: number,
  timeZone?: string,
): Incident[] {
  const from = startOfDay(date, timeZone);
  const to = startOfDay(shiftDate(date, 1), timeZone);
  return incidents.filter((incident) => {
    if (!incident.components.includes(componentId)) return false;
    const start = Date.parse(incident.createdAt);
    const end = isActiveIncident(incident) ? now : Date.parse(endedAt(incident));
    return start < to && end >= from;
  });
}
