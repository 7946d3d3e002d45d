// The native feed: the model exactly as widgets use it, derived from the data file.
import { incidentUrl } from '../model/incident-url.js';
import { deriveIndicator, worstIndicator } from '../model/indicator.js';
import { sortNewestFirst } from '../model/sort.js';
import {
  NATIVE_VERSION,
  type Indicator,
  type SourceReport,
  type StatusSnapshot,
} from '../model/types.js';
import type { ServerData } from './data.js';
import { historyFromRecords, historyZone } from './status-log.js';

/** How many incidents and maintenances the feeds carry (newest first). */
export const HISTORY_LIMIT = 50;

/** Statuspage's own summary lines, so both formats say the same thing. */
export const DESCRIPTIONS: Record<Indicator, string> = {
  operational: 'All Systems Operational',
  minor: 'Minor Service Outage',
  major: 'Partial System Outage',
  critical: 'Major System Outage',
  maintenance: 'Service Under Maintenance',
  unknown: 'Status Unknown',
};

/** The incident's page on the status site: the same rule the Statuspage reader uses. */
export function itemUrl(data: ServerData, id: string): string | undefined {
  return incidentUrl(data.page.url, id);
}

/** The data a page is rendered from: a relay adds its sources and what they said. */
export interface PublishedData extends ServerData {
  sources?: SourceReport[];
  /** The indicators the answering sources reported themselves. */
  sourceIndicators?: Indicator[];
  /** False when a relayed source's resolved past was not read (Uptime Kuma, Gatus, …). */
  pastIncidentsRead?: boolean;
}

/**
 * The indicator the page's own parts cannot lower: a page that is only ours and
 * has nothing on it is operational (the server is the source and says so); a relay
 * is as bad as its sources say, and unknown while none has answered.
 */
function reportedIndicator(data: PublishedData): Indicator {
  if (!data.sources) return 'operational';
  const answered = data.sourceIndicators ?? [];
  return answered.length ? worstIndicator(answered) : 'unknown';
}

/**
 * The components with their daily history: a component's own (a relayed source's
 * that carries one), else the one its recorded status changes give, in `timeZone`.
 */
function withHistory(data: PublishedData, now: number, timeZone: string) {
  return data.components.map((component) => {
    const history =
      component.history ?? historyFromRecords(data.statusLog?.[component.id], now, timeZone);
    return history ? { ...component, history } : component;
  });
}

/** The snapshot every document is rendered from; daily history counted up to `now`. */
export function toSnapshot(data: PublishedData, now: number = Date.now()): StatusSnapshot {
  const incidents = sortNewestFirst(data.incidents)
    .slice(0, HISTORY_LIMIT)
    .map((incident) => ({ ...incident, url: incident.url ?? itemUrl(data, incident.id) }));
  const maintenances = sortNewestFirst(data.maintenances)
    .slice(0, HISTORY_LIMIT)
    .map((maintenance) => ({
      ...maintenance,
      url: maintenance.url ?? itemUrl(data, maintenance.id),
    }));
  const indicator = deriveIndicator(
    { components: data.components, incidents, maintenances },
    reportedIndicator(data),
  );
  // The server writes every date in UTC; a page that names no zone is in UTC.
  const timeZone = data.page.timeZone ?? 'Etc/UTC';
  const components = withHistory(data, now, historyZone(timeZone));
  return JSON.parse(
    JSON.stringify({
      page: { ...data.page, timeZone },
      indicator,
      description: DESCRIPTIONS[indicator],
      components,
      incidents,
      maintenances,
      updatedAt: data.updatedAt,
      sources: data.sources,
      ...(data.pastIncidentsRead === false && { pastIncidentsRead: false }),
    }),
  ) as StatusSnapshot;
}

/** /feed.json: the snapshot, a format version and where to listen for changes. */
export function toFeedJson(
  data: ServerData,
  eventsUrl: string | undefined,
  snapshot: StatusSnapshot = toSnapshot(data),
) {
  const feed: Record<string, unknown> = { version: NATIVE_VERSION, ...snapshot };
  if (eventsUrl) feed['links'] = { events: eventsUrl };
  return feed;
}
