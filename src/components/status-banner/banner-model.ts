// Pure rules behind <status-banner>: what it shows, when an update is overdue, and
// whether the reader already dismissed what it would show. No DOM, no clock of its
// own: "now" and the storage are passed in.
import { impactToIndicator, indicatorRank, isActiveIncident } from '../../model/indicator.js';
import { lastUpdateAt } from '../../model/overdue.js';
import type { Incident, Maintenance, StatusSnapshot } from '../../model/types.js';
import { touches } from '../../internal/filter.js';

type Item = Incident | Maintenance;

const impactRank = (item: Item) => indicatorRank(impactToIndicator(item.impact));

export type BannerContent =
  | { kind: 'incidents'; incidents: Incident[] }
  | { kind: 'maintenance'; maintenance: Maintenance }
  | undefined;

/**
 * What the banner shows: the active incidents, worst impact first (then the most
 * recently updated); else a maintenance in progress; else the soonest scheduled one
 * starting within `noticeHours`; else nothing.
 */
export function bannerContent(
  snapshot: StatusSnapshot,
  now: number,
  noticeHours: number,
  ids?: Set<string>,
): BannerContent {
  const incidents = snapshot.incidents
    .filter((incident) => isActiveIncident(incident) && touches(incident, ids))
    .sort(
      (a, b) =>
        impactRank(b) - impactRank(a) || Date.parse(lastUpdateAt(b)) - Date.parse(lastUpdateAt(a)),
    );
  if (incidents.length) return { kind: 'incidents', incidents };
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
  return { text: `${head.slice(0, space > max * 0.6 ? space : max).trimEnd()}…`, cut: true };
}

// Dismissals are remembered per feed and item, with the update and impact they
// dismissed: a newer update or a worse impact brings the banner back.
const PREFIX = 'status-widgets:banner-dismissed:';
// Where storage is blocked (privacy modes, sandboxed frames), remember for this page.
const memory = new Map<string, string>();

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

export const dismissalKey = (feed: string, item: Item) => `${PREFIX}${feed}#${item.id}`;
const dismissalValue = (item: Item) => `${item.updates[0]?.id ?? item.updatedAt}|${item.impact}`;

function read(key: string): string | undefined {
  try {
    return storage()?.getItem(key) ?? memory.get(key);
  } catch {
    return memory.get(key);
  }
}

/** True when every item was dismissed at its current update and no better impact. */
export function isDismissed(feed: string, items: readonly Item[]): boolean {
  return items.every((item) => {
    const [update, impact] = (read(dismissalKey(feed, item)) ?? '').split('|');
    const current = item.updates[0]?.id ?? item.updatedAt;
    return (
      update === current &&
      indicatorRank(impactToIndicator(impact as Item['impact'])) >= impactRank(item)
    );
  });
}

/** Remembers that the reader dismissed these items as they are now. */
export function dismiss(feed: string, items: readonly Item[]): void {
  for (const item of items) {
    const key = dismissalKey(feed, item);
    const value = dismissalValue(item);
    memory.set(key, value);
    try {
      storage()?.setItem(key, value);
    } catch {
      // Quota or privacy settings: the in-page memory above still holds it.
    }
  }
}
