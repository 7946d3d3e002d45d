// Pure rules behind <status-uptime>: the window of days in a time zone, one bar per
// day (a day without data stays "no data", never operational), the window's uptime
// over the days with data only, and a history derived from the incidents a feed
// lists when its components carry no recorded one.
import {
  componentStatusToIndicator,
  isActiveIncident,
  isActiveMaintenance,
} from '../../model/indicator.js';
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
const IMPACT_STATUS = {
  minor: 'degraded_performance',
  major: 'partial_outage',
  critical: 'major_outage',
  maintenance: 'under_maintenance',
} as const;

const MINUTE = 60_000;

/**
 * Since when a component has been in its current status: its `updatedAt`, else (or
 * when that lies after it) when the feed was read.
 */
function statusSince(component: StatusComponent, readAt: number): number {
  const changed = component.updatedAt ? Date.parse(component.updatedAt) : NaN;
  return changed <= readAt ? changed : readAt;
}

/**
 * The span of a component's current status, up to now. A status other than
 * operational counts for at least the last minute: a component down now is never
 * drawn as a good day, however recently the feed was read.
 */
function presentSpan(component: StatusComponent, now: number, readAt: number): StatusSpan {
  const since = statusSince(component, readAt);
  const { status } = component;
  return {
    start: status === 'operational' ? since : Math.min(since, now - MINUTE),
    end: now,
    status,
  };
}

type Item = Pick<Incident, 'components' | 'updates'>;

/**
 * The spans one incident (or maintenance), `start` to `end`, puts components in: the
 * status each update gave a component (`affected`), from that update (the first one
 * from the item's start) to the next update that names it or the item's end; for a
 * component no update gives a status, `fallback` (what the impact implies) all along.
 */
function itemSpans(
  item: Item,
  start: number,
  end: number,
  fallback: ComponentStatus | undefined,
  add: (id: string, span: StatusSpan) => void,
): void {
  const stated = new Map<string, { at: number; status: ComponentStatus }[]>();
  const updates = item.updates
    .map((update) => ({ update, at: Date.parse(update.createdAt) }))
    .sort((a, b) => a.at - b.at);
  updates.forEach(({ update, at }, index) => {
    for (const { id, status } of update.affected ?? []) {
      const said = stated.get(id) ?? [];
      said.push({ at: index ? Math.max(at, start) : start, status });
      stated.set(id, said);
    }
  });
  for (const id of new Set([...item.components, ...stated.keys()])) {
    const said = stated.get(id);
    if (!said) {
      if (fallback) add(id, { start, end, status: fallback });
      continue;
    }
    said.forEach(({ at, status }, k) =>
      add(id, { start: at, end: Math.min(end, said[k + 1]?.at ?? end), status }),
    );
  }
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
  const spans = new Map<string, StatusSpan[]>();
  const since = new Map<string, number>();
  for (const component of components) {
    spans.set(component.id, [presentSpan(component, now, readAt)]);
    since.set(component.id, statusSince(component, readAt));
  }
  const adder = (active: boolean) => (id: string, span: StatusSpan) => {
    const own = spans.get(id);
    if (!own) return;
    const end = active ? Math.min(span.end, since.get(id)!) : span.end;
    if (end > span.start) own.push({ ...span, end });
  };
  for (const incident of snapshot.incidents) {
    const active = isActiveIncident(incident);
    const end = active ? now : Date.parse(incident.resolvedAt ?? incident.updatedAt);
    const fallback = incident.impact === 'none' ? undefined : IMPACT_STATUS[incident.impact];
    itemSpans(incident, Date.parse(incident.createdAt), end, fallback, adder(active));
  }
  for (const maintenance of snapshot.maintenances) {
    if (maintenance.status === 'scheduled') continue;
    const active = isActiveMaintenance(maintenance);
    const end = active
      ? now
      : Date.parse(maintenance.resolvedAt ?? maintenance.scheduledUntil ?? maintenance.updatedAt);
    const start = Date.parse(maintenance.scheduledFor);
    itemSpans(maintenance, start, end, 'under_maintenance', adder(active));
  }
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
  const minutes = (now - since) / MINUTE;
  const recorded = history?.find((day) => day.date === today);
  const day: ComponentDay = recorded
    ? { ...recorded, worst: worseStatus(recorded.worst ?? 'operational', status) }
    : { date: today, worst: status, uptime: 100 };
  day.downtime = {
    ...recorded?.downtime,
    [status]: Math.max(recorded?.downtime?.[status] ?? 0, Math.round(minutes)),
  };
  if (isDown(status)) {
    const left = recorded ? 100 * (1 - (now - since) / (now - todayStart)) : 0;
    day.uptime = Math.min(recorded?.uptime ?? 100, left);
  }
  return recorded
    ? history!.map((known) => (known === recorded ? day : known))
    : [...(history ?? []), day];
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
    const end = isActiveIncident(incident)
      ? now
      : Date.parse(incident.resolvedAt ?? incident.updatedAt);
    return start < to && end >= from;
  });
}
