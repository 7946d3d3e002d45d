// When the next word on an active incident is due, and whether it is late: the one
// rule the widgets and the reference server (GET /admin/overdue) both apply.
import { isActiveIncident } from './indicator.js';
import type { Incident, Maintenance } from './types.js';

/** Without a promise, an active incident owes an update this long after its last one. */
export const UPDATE_INTERVAL_MS = 60 * 60_000;

/** When the item last said something: its newest update, else its own update time. */
export function lastUpdateAt(item: Incident | Maintenance): string {
  return item.updates[0]?.createdAt ?? item.updatedAt;
}

/**
 * When an item ended: its own resolution time, else its newest update's (the one
 * that closed it), else its own update time. The one reading for every element and
 * the server.
 */
export function endedAt(item: Incident | Maintenance): string {
  return item.resolvedAt ?? lastUpdateAt(item);
}

export interface UpdateDue {
  /** Epoch milliseconds by which the next update is due. */
  dueAt: number;
  /** True when `dueAt` is the feed's own promise (`nextUpdateAt`), not the hourly rule. */
  promised: boolean;
  /** True when `dueAt` has passed with no update since. */
  overdue: boolean;
}

/**
 * When an active incident's next update is due: the feed's promise (`nextUpdateAt`)
 * when it was made after the last update, else an hour after the last update. A
 * promise made before the latest update was kept by it, so the hourly rule applies
 * again. A later promise ("next update within 2 hours") is the company's word and
 * is honoured: calling it late before then would be an alarm the feed cannot back.
 * Undefined for a resolved incident or one without a readable date.
 */
export function updateDue(incident: Incident, now: number): UpdateDue | undefined {
  if (!isActiveIncident(incident)) return undefined;
  const last = Date.parse(lastUpdateAt(incident));
  const next = incident.nextUpdateAt ? Date.parse(incident.nextUpdateAt) : NaN;
  const promised = next > last || (Number.isNaN(last) && !Number.isNaN(next));
  const dueAt = promised ? next : last + UPDATE_INTERVAL_MS;
  if (Number.isNaN(dueAt)) return undefined;
  return { dueAt, promised, overdue: now > dueAt };
}

/** True when an active incident's promised or hourly update has not come. */
export function isOverdue(incident: Incident, now: number): boolean {
  return updateDue(incident, now)?.overdue ?? false;
}

/** True when a maintenance still in progress has passed its planned end. */
export function isOverrunning(maintenance: Maintenance, now: number): boolean {
  const active = maintenance.status === 'in_progress' || maintenance.status === 'verifying';
  return active && !!maintenance.scheduledUntil && now > Date.parse(maintenance.scheduledUntil);
}
