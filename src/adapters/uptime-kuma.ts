// Uptime Kuma public status pages, read from the two endpoints its own page uses
// (server/routers/status-page-router.js): `/api/status-page/<slug>` (config, the
// pinned incident, publicGroupList of monitors, maintenanceList) and
// `/api/status-page/heartbeat/<slug>` (heartbeatList: monitor id → beats, oldest
// first; uptimeList: `<monitor id>_24` → the 24-hour uptime, 0–1). Since 2.1 the
// page sends `incidents` (a list) where older versions sent one `incident`, and
// each maintenance its `status` (scheduled, under-maintenance, ended). Heartbeat
// status codes come from src/util.ts: 0 DOWN, 1 UP, 2 PENDING, 3 MAINTENANCE.
// Kuma stores times in UTC without a zone ("2024-01-02 03:04:05").
// Inferred, not documented: PENDING (a failed check being retried) is shown as
// degraded performance; the incident's style gives its impact (danger → major,
// warning → minor, any other → none); the page has no incident history. Each
// monitor's daily history (UTC days) comes from its beats: days older than the beats
// cover are no data. uptimeList holds a rolling 24-hour ratio that names no calendar
// day, so no day is made from it.
import { historyFromSpans, spansFromChecks } from '../model/spans.js';
import { FeedFormatError } from '../model/errors.js';
import { MAX_COMPONENTS, MAX_ITEMS } from '../model/bounds.js';
import { componentStatusToIndicator, deriveIndicator, worstIndicator } from '../model/indicator.js';
import { isoDate, plainText, safeUrl } from '../model/sanitize.js';
import { sortNewestFirst } from '../model/sort.js';
import type {
  ComponentDay,
  ComponentStatus,
  Impact,
  Incident,
  Indicator,
  Maintenance,
  MaintenanceStatus,
  StatusComponent,
  StatusSnapshot,
} from '../model/types.js';
import {
  asArray,
  asNumber,
  asString,
  bounded,
  fetchJson,
  isObject,
  openIndicator,
  rankOf,
  readItems,
  statusSince,
  Warnings,
  withLeftOut,
  type Json,
} from './read.js';
import type { FeedAdapter } from './types.js';
import { uptimeKumaRules } from './uptime-kuma-rules.js';

const NAME = uptimeKumaRules.name;

const PAGE_PATH = /^(.*?)\/(?:status|api\/status-page(?:\/heartbeat)?)\/([^/]+)\/?$/;

/** `…/status/<slug>` or either API URL → the base URL and the slug; undefined for any other URL. */
function uptimeKumaPage(source: URL): { base: URL; slug: string } | undefined {
  const match = PAGE_PATH.exec(source.pathname);
  if (!match) return undefined;
  try {
    return { base: new URL(`${match[1]}/`, source.origin), slug: decodeURIComponent(match[2]!) };
  } catch {
    return undefined; // a slug of broken percent-encoding names no page
  }
}

const HEARTBEAT_STATUS: Record<number, ComponentStatus> = {
  0: 'major_outage',
  1: 'operational',
  2: 'degraded_performance',
  3: 'under_maintenance',
};
const STYLE_IMPACT: Record<string, Impact> = { danger: 'major', warning: 'minor' };
const MAINTENANCE_STATUS: Record<string, MaintenanceStatus> = {
  scheduled: 'scheduled',
  'under-maintenance': 'in_progress',
  ended: 'completed',
};

/** The newest heartbeat of a monitor (beats come oldest first; empty buckets are 0). */
function latestBeat(beats: unknown): Json | undefined {
  const list = asArray(beats).filter(
    (beat): beat is Json => isObject(beat) && asNumber(beat['status']) !== undefined,
  );
  return list.at(-1);
}

/** A monitor's days from its beats, each status holding until the next beat. */
function beatHistory(beats: unknown, now: number): ComponentDay[] | undefined {
  const checks = asArray(beats).flatMap((beat) => {
    const status = isObject(beat) ? HEARTBEAT_STATUS[asNumber(beat['status']) ?? -1] : undefined;
    const at = isObject(beat) ? isoDate(beat['time']) : undefined;
    return status && at ? [{ at: Date.parse(at), status }] : [];
  });
  const covered = spansFromChecks(checks, now);
  return covered && historyFromSpans(covered.spans, covered.from, covered.to);
}

function readIncident(incident: Json, pageUrl: string): Incident | string {
  const id = asString(incident['id']);
  const name = plainText(incident['title']);
  if (!id || !name) return 'it has no id or title';
  const createdAt = isoDate(incident['createdDate']);
  if (!createdAt) return 'it has no readable createdDate';
  const updatedAt = isoDate(incident['lastUpdatedDate']) ?? createdAt;
  const body = plainText(incident['content']);
  return {
    id,
    name,
    // A pinned incident is one the page is showing now; Kuma gives it no status.
    status: 'investigating',
    impact: STYLE_IMPACT[asString(incident['style']) ?? ''] ?? 'none',
    createdAt,
    updatedAt,
    url: pageUrl,
    components: [],
    updates: body
      ? [{ id: `${id}-content`, status: 'investigating', body, createdAt: updatedAt }]
      : [],
  };
}

function readMaintenance(item: Json, now: string): Maintenance | string {
  const id = asString(item['id']);
  const name = plainText(item['title']);
  if (!id || !name) return 'it has no id or title';
  // The page lists only maintenance that is under way now (getMaintenanceList).
  const status = MAINTENANCE_STATUS[asString(item['status']) ?? ''] ?? 'in_progress';
  const slot = asArray(item['timeslotList']).find(isObject);
  const scheduledFor = isoDate(slot?.['startDate']) ?? now;
  const body = plainText(item['description']);
  return {
    id: `maintenance-${id}`,
    name,
    status,
    impact: 'maintenance',
    createdAt: scheduledFor,
    updatedAt: scheduledFor,
    scheduledFor,
    scheduledUntil: isoDate(slot?.['endDate']),
    components: [],
    updates: body
      ? [{ id: `maintenance-${id}-description`, status, body, createdAt: scheduledFor }]
      : [],
  };
}

export function readUptimeKuma(
  page: unknown,
  heartbeats: unknown,
  pageUrl: string,
  now = new Date().toISOString(),
): StatusSnapshot {
  if (!isObject(page) || !isObject(page['config']) || !Array.isArray(page['publicGroupList'])) {
    throw new FeedFormatError(
      NAME,
      pageUrl,
      'the JSON has no "config" and "publicGroupList", so it is not an Uptime Kuma status page. Check the slug in the URL, or set adapter="…" to the feed\'s real format.',
    );
  }
  const beatsById =
    isObject(heartbeats) && isObject(heartbeats['heartbeatList'])
      ? heartbeats['heartbeatList']
      : {};
  // `<monitor id>_24` → the share (0–1) of the last 24 hours the monitor was up.
  const uptimes =
    isObject(heartbeats) && isObject(heartbeats['uptimeList']) ? heartbeats['uptimeList'] : {};
  const warnings = new Warnings();
  let updatedAt: string | undefined;
  const components: StatusComponent[] = [];
  // Bounded before reading: past the first monitors only the newest beat of each is
  // looked at (its history is never worked out).
  let leftOut = 0;
  const leftOutStates: Indicator[] = [];
  for (const group of readItems(page['publicGroupList'], 'group', warnings, (group) => group)) {
    const groupName = plainText(group['name']) || undefined;
    const monitors = asArray(group['monitorList']);
    const room = Math.max(0, MAX_COMPONENTS - components.length);
    for (const monitor of monitors.slice(room)) {
      leftOut += 1;
      const id = isObject(monitor) ? asString(monitor['id']) : undefined;
      const status = id && HEARTBEAT_STATUS[asNumber(latestBeat(beatsById[id])?.['status']) ?? -1];
      if (status) leftOutStates.push(componentStatusToIndicator(status));
    }
    components.push(
      ...readItems(monitors.slice(0, room), 'monitor', warnings, (monitor) => {
        const id = asString(monitor['id']);
        const name = plainText(monitor['name']);
        if (!id || !name) return 'it has no id or name';
        const beat = latestBeat(beatsById[id]);
        const beatAt = isoDate(beat?.['time']);
        const since = statusSince(
          asArray(beatsById[id]).flatMap((check) => {
            if (!isObject(check)) return [];
            const at = isoDate(check['time']);
            return at ? [{ at, status: String(check['status']) }] : [];
          }),
        );
        if (beatAt && (!updatedAt || beatAt > updatedAt)) updatedAt = beatAt;
        const history = beatHistory(beatsById[id], Date.parse(now));
        const uptime = asNumber(uptimes[`${id}_24`]);
        return {
          id,
          name,
          status: HEARTBEAT_STATUS[asNumber(beat?.['status']) ?? -1] ?? 'unknown',
          group: groupName,
          ...(uptime !== undefined &&
            uptime >= 0 &&
            uptime <= 1 && { uptime24h: Math.round(uptime * 10000) / 100 }),
          updatedAt: since ?? beatAt,
          ...(history && { history }),
        };
      }),
    );
  }
  // Newer versions send `incidents` (a list); older ones a single `incident`.
  const pinned = Array.isArray(page['incidents'])
    ? page['incidents']
    : page['incident']
      ? [page['incident']]
      : [];
  // A pinned incident is open; a listed maintenance is under way unless it says otherwise.
  const live = bounded(
    pinned,
    MAX_ITEMS,
    (item) => ({
      rank: isObject(item) ? rankOf(item['createdDate'], true) : -Infinity,
      indicator: isObject(item)
        ? openIndicator(STYLE_IMPACT[asString(item['style']) ?? ''])
        : undefined,
    }),
    'incidents',
    warnings,
  );
  const incidents = sortNewestFirst(
    readItems(live.kept, 'incident', warnings, (item) => readIncident(item, pageUrl)),
  );
  const planned = bounded(
    asArray(page['maintenanceList']),
    MAX_ITEMS,
    (item) => {
      const open =
        isObject(item) &&
        (MAINTENANCE_STATUS[asString(item['status']) ?? ''] ?? 'in_progress') === 'in_progress';
      return { rank: open ? 1 : 0, indicator: open ? 'maintenance' : undefined };
    },
    'maintenances',
    warnings,
  );
  const maintenances = readItems(planned.kept, 'maintenance', warnings, (item) =>
    readMaintenance(item, now),
  );
  if (leftOut)
    warnings.add(`Read the first ${MAX_COMPONENTS} of ${MAX_COMPONENTS + leftOut} monitors.`);
  const config = page['config'];
  const snapshot: StatusSnapshot = {
    page: { name: plainText(config['title']) || new URL(pageUrl).hostname, url: safeUrl(pageUrl) },
    indicator: withLeftOut(
      worstIndicator([deriveIndicator({ components, incidents, maintenances }), ...leftOutStates]),
      live,
      planned,
    ),
    description: '',
    components,
    incidents,
    maintenances,
    updatedAt,
  };
  if (leftOut) snapshot.componentsLeftOut = leftOut;
  if (components.some((component) => component.history)) snapshot.historySource = 'recorded';
  return warnings.attachTo(snapshot);
}

export const uptimeKumaAdapter: FeedAdapter = {
  ...uptimeKumaRules,
  async load(source, fetch, signal) {
    const address = uptimeKumaPage(source);
    if (!address) {
      throw new FeedFormatError(
        NAME,
        source.href,
        'the URL names no status page. Use the page address, https://<host>/status/<slug>.',
      );
    }
    const { base, slug } = address;
    const slugPath = encodeURIComponent(slug);
    const pageApi = new URL(`api/status-page/${slugPath}`, base);
    const heartbeatApi = new URL(`api/status-page/heartbeat/${slugPath}`, base);
    const [page, heartbeats] = await Promise.all([
      fetchJson(NAME, pageApi, fetch, signal),
      fetchJson(NAME, heartbeatApi, fetch, signal),
    ]);
    const pageUrl = new URL(`status/${slugPath}`, base).href;
    try {
      return readUptimeKuma(page, heartbeats, pageUrl);
    } catch (error) {
      // Name the URL that was read, not the page address.
      if (error instanceof FeedFormatError)
        throw new FeedFormatError(NAME, pageApi.href, error.problem);
      throw error;
    }
  },
};

/** The reader, as ./registry.ts loads it on demand. */
export default uptimeKumaAdapter;
