// Pure rules behind <status-banner>: what it shows (an active incident, a
// resolution still being confirmed, a maintenance), whether the reader already
// dismissed it, and whether a critical update was already announced. No DOM, no
// clock of its own: "now" is passed in; what readers did is kept through
// internal/storage (local for dismissals, per browser session for announcements).
import { impactToIndicator, indicatorRank, isActiveIncident } from '../../model/indicator.js';
import { lastUpdateAt } from '../../model/overdue.js';
import type { Incident, Maintenance, StatusSnapshot } from '../../model/types.js';
import { touches } from '../../internal/filter.js';
import { readStored, store } from '../../internal/storage.js';

type Item = Incident | Maintenance;

const impactRank = (item: Item) => indicatorRank(impactToIndicator(item.impact));

export type BannerContent =
  | { kind: 'incidents'; incidents: Incident[] }
  | { kind: 'resolved'; incidents: Incident[] }
  | { kind: 'maintenance'; maintenance: Maintenance }
  | undefined;

/** When a resolved incident was resolved: its own time, else its last update's. */
export const resolvedAt = (incident: Incident): string =>
  incident.resolvedAt ?? lastUpdateAt(incident);

/**
 * What the banner shows: the active incidents, worst impact first (then the most
 * recently updated); else incidents resolved within the last `resolvedForMinutes`,
 * newest first, so the loop is closed in words before the banner goes; else a
 * maintenance in progress; else the soonest scheduled one starting within
 * `noticeHours`; else nothing.
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
  const resolved = mine
    .filter((incident) => {
      const since = now - Date.parse(resolvedAt(incident));
      return !isActiveIncident(incident) && since >= 0 && since <= resolvedForMinutes * 60_000;
    })
    .sort((a, b) => Date.parse(resolvedAt(b)) - Date.parse(resolvedAt(a)));
  if (resolved.length) return { kind: 'resolved', incidents: resolved };
  const maintenances = snapshot.maintenances.filter((m) => touches(m, ids));
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

/** The update text shortened to about `max` characters at a word boundary. */
export function shorten(text: string, max = 180): { text: string; cut: boolean } {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return { text: flat, cut: false };
  const head = flat.slice(0, max);
  const space = head.lastIndexOf(' ');
  // A cut after a full stop reads "dashboard…", not "dashboard.…".
  const kept = head
    .slice(0, space > max * 0.6 ? space : max)
    .replace(/[\s.,;:!?。，；：！？]+$/, '');
  return { text: `${kept}…`, cut: true };
}

// Dismissals are remembered per feed and item, with the update and impact they
// dismissed: a newer update or a worse impact brings the banner back.
const PREFIX = 'status-widgets:banner-dismissed:';

export const dismissalKey = (feed: string, item: Item) => `${PREFIX}${feed}#${item.id}`;
const currentUpdate = (item: Item) => item.updates[0]?.id ?? item.updatedAt;
const dismissalValue = (item: Item) => `${currentUpdate(item)}|${item.impact}`;

/** True when every item was dismissed at its current update and no better impact. */
export function isDismissed(feed: string, items: readonly Item[]): boolean {
  return items.every((item) => {
    const [update, impact] = (readStored('localStorage', dismissalKey(feed, item)) ?? '').split(
      '|',
    );
    return (
      update === currentUpdate(item) &&
      indicatorRank(impactToIndicator(impact as Item['impact'])) >= impactRank(item)
    );
  });
}

/** Remembers that the reader dismissed these items as they are now. */
export function dismiss(feed: string, items: readonly Item[]): void {
  for (const item of items) store('localStorage', dismissalKey(feed, item), dismissalValue(item));
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
