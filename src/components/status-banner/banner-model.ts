// Pure rules behind <status-banner>: what it shows (an active incident, components
// down with no incident, a resolution still being confirmed, a maintenance), whether the reader already
// dismissed it, and whether a critical update was already announced. No DOM, no
// clock of its own: "now" is passed in; what readers did is kept through
// internal/storage (local for dismissals, per browser session for announcements).
import {
  impactToIndicator,
  indicatorRank,
  isActiveIncident,
  isActiveMaintenance,
} from '../../model/indicator.js';
import { endedAt, lastUpdateAt, updateDue } from '../../model/overdue.js';
import type {
  ComponentStatus,
  Incident,
  Maintenance,
  StatusComponent,
  StatusSnapshot,
} from '../../model/types.js';
import { touches } from '../../model/filter.js';
import { readStored, store } from '../../internal/storage.js';

type Item = Incident | Maintenance;

const impactRank = (item: Item) => indicatorRank(impactToIndicator(item.impact));

export type BannerContent =
  | { kind: 'incidents'; incidents: Incident[] }
  | { kind: 'resolved'; incidents: Incident[] }
  | { kind: 'maintenance'; maintenance: Maintenance }
  | { kind: 'outage'; components: StatusComponent[] }
  | undefined;

export type Shown = NonNullable<BannerContent>;

// How bad a component's status is, among those that count as down (others: -1).
// Finer than the indicator (degraded < partial), so a dismissal notices the step.
const downRank = (status: ComponentStatus) =>
  ['degraded_performance', 'partial_outage', 'major_outage'].indexOf(status);

/** A component that is down: degraded, partly or wholly out (the badge's minor and major). */
const isDown = (c: StatusComponent) => downRank(c.status) >= 0;

/** When a resolved incident was resolved: its own time, else its last update's. */
export const resolvedAt = (incident: Incident): string => endedAt(incident);

/**
 * What the banner shows: the active incidents, worst impact first (then the most
 * recently updated); else the components that are down with no maintenance in
 * progress covering them (monitor feeds have no incidents at all), worst first;
 * else, while none of the watched components is down, incidents resolved within
 * the last `resolvedForMinutes`, newest first, so the loop is closed in words before
 * the banner goes; else a maintenance in progress; else the soonest scheduled one
 * starting within `noticeHours`; else nothing.
 */
export function bannerContent(
  snapshot: StatusSnapshot,
  now: number,
  noticeHours: number,
  ids?: Set<string>,
  resolvedForMinutes = 30,
): BannerContent {
  const mine = snapshot.incidents.filter((incident) => touches(incident, ids));
  const incidents = mine
    .filter(isActiveIncident)
    .sort(
      (a, b) =>
        impactRank(b) - impactRank(a) || Date.parse(lastUpdateAt(b)) - Date.parse(lastUpdateAt(a)),
    );
  if (incidents.length) return { kind: 'incidents', incidents };
  const maintenances = snapshot.maintenances.filter((m) => touches(m, ids));
  const covered = new Set(maintenances.filter(isActiveMaintenance).flatMap((m) => m.components));
  const down = snapshot.components.filter((c) => isDown(c) && (!ids || ids.has(c.id)));
  const outage = down
    .filter((c) => !covered.has(c.id))
    .sort((a, b) => downRank(b.status) - downRank(a.status));
  if (outage.length) return { kind: 'outage', components: outage };
  // "Resolved" never shows beside a component that is still down.
  const resolved = down.length
    ? []
    : mine
        .filter((incident) => {
          const since = now - Date.parse(resolvedAt(incident));
          return !isActiveIncident(incident) && since >= 0 && since <= resolvedForMinutes * 60_000;
        })
        .sort((a, b) => Date.parse(resolvedAt(b)) - Date.parse(resolvedAt(a)));
  if (resolved.length) return { kind: 'resolved', incidents: resolved };
  const running = maintenances.find((m) => m.status === 'in_progress' || m.status === 'verifying');
  if (running) return { kind: 'maintenance', maintenance: running };
  const soon = maintenances
    .filter(
      (m) =>
        m.status === 'scheduled' &&
        Date.parse(m.scheduledFor) - now <= noticeHours * 3_600_000 &&
        Date.parse(m.scheduledUntil ?? m.scheduledFor) >= now,
    )
    .sort((a, b) => Date.parse(a.scheduledFor) - Date.parse(b.scheduledFor))[0];
  return soon && { kind: 'maintenance', maintenance: soon };
}

/**
 * Since when the components are down, as the feed says it (each one's `updatedAt`,
 * the earliest); undefined unless every one of them says it.
 */
export function outageSince(components: readonly StatusComponent[]): number | undefined {
  const times = components.map((c) => Date.parse(c.updatedAt ?? ''));
  const since = Math.min(...times);
  return Number.isNaN(since) ? undefined : since;
}

/**
 * The next moment (from `now` on) at which the banner's words change by the clock
 * alone, with no news from the feed: a promised update falls due, a maintenance
 * comes into notice, starts, ends or overruns, a resolution has been confirmed long
 * enough. Infinity when there is none.
 */
export function nextChange(
  snapshot: StatusSnapshot,
  now: number,
  noticeHours: number,
  resolvedForMinutes = 30,
): number {
  const times: number[] = [];
  for (const incident of snapshot.incidents) {
    const due = updateDue(incident, now);
    times.push(due ? due.dueAt : Date.parse(resolvedAt(incident)) + resolvedForMinutes * 60_000);
  }
  for (const m of snapshot.maintenances) {
    const start = Date.parse(m.scheduledFor);
    times.push(start - noticeHours * 3_600_000, start, Date.parse(m.scheduledUntil ?? ''));
  }
  return times.reduce(
    (soonest, time) => (time >= now && time < soonest ? time : soonest),
    Infinity,
  );
}

/** The update text shortened to about `max` characters at a word boundary. */
export function shorten(text: string, max = 180): { text: string; cut: boolean } {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return { text: flat, cut: false };
  const head = flat.slice(0, max);
  const space = head.lastIndexOf(' ');
  let end = space > max * 0.6 ? space : max;
  // A link cut short would lead elsewhere: cut before it (a cut one stays text).
  const link = head.search(/https?:\/\/\S*$/i);
  if (end === max && link > 0) end = link;
  // A cut after a full stop reads "dashboard…", not "dashboard.…".
  const kept = head.slice(0, end).replace(/[\s.,;:!?。，；：！？]+$/, '');
  return { text: `${kept}…`, cut: true };
}

// Dismissals are remembered per feed and item, with the update and impact they
// dismissed: a newer update or a worse impact brings the banner back. Components
// down without an incident are remembered together, each with its status: another
// component going down, or a worse status, brings it back.
const PREFIX = 'status-widgets:banner-dismissed:';

export const dismissalKey = (feed: string, item: Item) => `${PREFIX}${feed}#${item.id}`;
const outageKey = (feed: string) => `${PREFIX}${feed}#components`;
const currentUpdate = (item: Item) => item.updates[0]?.id ?? item.updatedAt;
const dismissalValue = (item: Item) => `${currentUpdate(item)}|${item.impact}`;

/** The incidents or the maintenance the banner shows (none for components alone). */
export const itemsOf = (content: Shown): Item[] =>
  content.kind === 'maintenance'
    ? [content.maintenance]
    : content.kind === 'outage'
      ? []
      : content.incidents;

/** True when the reader dismissed what is shown, as it is now or better. */
export function isDismissed(feed: string, content: Shown): boolean {
  if (content.kind === 'outage') {
    let was: Record<string, ComponentStatus> = {};
    try {
      was = JSON.parse(readStored('localStorage', outageKey(feed)) ?? '{}');
    } catch {
      // Not ours, or damaged: not dismissed.
    }
    return content.components.every((c) => downRank(was[c.id]) >= downRank(c.status));
  }
  return itemsOf(content).every((item) => {
    const [update, impact] = (readStored('localStorage', dismissalKey(feed, item)) ?? '').split(
      '|',
    );
    return (
      update === currentUpdate(item) &&
      indicatorRank(impactToIndicator(impact as Item['impact'])) >= impactRank(item)
    );
  });
}

/** Remembers that the reader dismissed what is shown, as it is now. */
export function dismiss(feed: string, content: Shown): void {
  if (content.kind === 'outage')
    store(
      'localStorage',
      outageKey(feed),
      JSON.stringify(Object.fromEntries(content.components.map((c) => [c.id, c.status]))),
    );
  for (const item of itemsOf(content))
    store('localStorage', dismissalKey(feed, item), dismissalValue(item));
}

/**
 * True the first time this browser session meets this update of this item: a
 * critical update interrupts (`role="alert"`) once, not on every page of the site.
 * Marks it as announced.
 */
export function firstAnnouncement(feed: string, item: Item): boolean {
  const key = `status-widgets:announced:${feed}#${item.id}|${currentUpdate(item)}`;
  if (readStored('sessionStorage', key)) return false;
  store('sessionStorage', key, '1');
  return true;
}
