// Pure rules behind <status-incidents>: which incidents and maintenances it lists,
// in which order. "now" is passed in.
import { isActiveIncident } from '../../model/indicator.js';
import { endedAt } from '../../model/overdue.js';
import type { Incident, Maintenance, StatusSnapshot } from '../../model/types.js';
import { touches } from '../../model/filter.js';

const DAY_MS = 86_400_000;
const time = (iso: string | undefined) => (iso ? Date.parse(iso) : NaN);

export interface ListOptions {
  now: number;
  /** History window in days: resolved items older than this are left out. */
  days: number;
  /** At most this many incidents. */
  limit: number;
  /** Only items touching these component ids. */
  ids?: Set<string>;
}

/**
 * Active incidents (newest first), then resolved ones within the window, newest
 * first: the first `limit` of them, and how many more there are.
 */
export function listIncidents(
  snapshot: StatusSnapshot,
  options: ListOptions,
): { items: Incident[]; more: number } {
  const since = options.now - options.days * DAY_MS;
  const shown = snapshot.incidents.filter((incident) => touches(incident, options.ids));
  const newest = (a: Incident, b: Incident) => time(b.createdAt) - time(a.createdAt);
  const active = shown.filter(isActiveIncident).sort(newest);
  const resolved = shown
    .filter((incident) => !isActiveIncident(incident))
    .filter((incident) => time(endedAt(incident)) >= since)
    .sort(newest);
  const all = [...active, ...resolved];
  const limit = Math.max(0, options.limit);
  return { items: all.slice(0, limit), more: Math.max(0, all.length - limit) };
}

const MAINTENANCE_ORDER = { in_progress: 0, verifying: 0, scheduled: 1, completed: 2 };

/** In progress, then upcoming (soonest first), then completed within the window (newest first). */
export function listMaintenances(snapshot: StatusSnapshot, options: ListOptions): Maintenance[] {
  const since = options.now - options.days * DAY_MS;
  return snapshot.maintenances
    .filter((m) => touches(m, options.ids))
    .filter((m) => m.status !== 'completed' || time(m.scheduledUntil ?? m.updatedAt) >= since)
    .sort(
      (a, b) =>
        MAINTENANCE_ORDER[a.status] - MAINTENANCE_ORDER[b.status] ||
        (a.status === 'completed'
          ? time(b.scheduledFor) - time(a.scheduledFor)
          : time(a.scheduledFor) - time(b.scheduledFor)),
    );
}

/** How long it lasted, in ms: resolution (or the scheduled end) minus start. */
export function durationOf(item: Incident | Maintenance): number | undefined {
  const start = 'scheduledFor' in item ? time(item.scheduledFor) : time(item.createdAt);
  const end = 'scheduledFor' in item ? time(item.scheduledUntil) : time(item.resolvedAt);
  return end >= start ? end - start : undefined;
}
