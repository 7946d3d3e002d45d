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
  dayFromSpans,
  shiftDate,
  startOfDay,
  type StatusSpan,
} from '../../model/days.js';
import type {
  ComponentDay,
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

function spansOf(
  snapshot: StatusSnapshot,
  now: number,
): (StatusSpan & { components: readonly string[] })[] {
  const spans: (StatusSpan & { components: readonly string[] })[] = [];
  for (const incident of snapshot.incidents) {
    if (incident.impact === 'none') continue;
    const end = isActiveIncident(incident)
      ? now
      : Date.parse(incident.resolvedAt ?? incident.updatedAt);
    const status = IMPACT_STATUS[incident.impact];
    const start = Date.parse(incident.createdAt);
    spans.push({ start, end, status, components: incident.components });
  }
  for (const maintenance of snapshot.maintenances) {
    if (maintenance.status === 'scheduled') continue;
    const end = isActiveMaintenance(maintenance)
      ? now
      : Date.parse(maintenance.resolvedAt ?? maintenance.scheduledUntil ?? maintenance.updatedAt);
    const start = Date.parse(maintenance.scheduledFor);
    spans.push({ start, end, status: 'under_maintenance', components: maintenance.components });
  }
  return spans.filter((span) => span.end > span.start);
}

/**
 * Daily history rebuilt from the incidents (and maintenances) a snapshot lists, for
 * the `dates` given (in `timeZone`): each incident puts the components it affects in
 * the status its impact implies (minor: degraded, major: partial outage, critical:
 * major outage) from its start to its resolution. What the list covers begins with
 * its oldest item: days before it, and days after `now`, have no entry (no data).
 * Undefined when the snapshot holds no resolved incident, so no past at all.
 */
export function deriveHistory(
  snapshot: StatusSnapshot,
  dates: readonly string[],
  now: number,
  timeZone?: string,
  components: readonly StatusComponent[] = snapshot.components,
): Map<string, ComponentDay[]> | undefined {
  if (!snapshot.incidents.some((incident) => !isActiveIncident(incident))) return undefined;
  const covered = Math.min(...snapshot.incidents.map((incident) => Date.parse(incident.createdAt)));
  const spans = spansOf(snapshot, now);
  // Each day's covered span: from its start (or the list's oldest item) to its end (or now).
  const bounds = dates.map((date) => ({
    date,
    from: Math.max(startOfDay(date, timeZone), covered),
    to: Math.min(startOfDay(shiftDate(date, 1), timeZone), now),
  }));
  const history = new Map<string, ComponentDay[]>();
  for (const component of components) {
    const own = spans.filter((span) => span.components.includes(component.id));
    const days: ComponentDay[] = [];
    for (const { date, from, to } of bounds) {
      if (to <= from) continue;
      days.push(dayFromSpans(date, own, from, to));
    }
    history.set(component.id, days);
  }
  return history;
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
