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
import { historyFromRecords, historyZone, recordsOf } from './status-log.js';

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
  /**
   * The sources whose status is not known (never answered, or silent past the bound),
   * each with the time since when: the page is then never better than `unknown`.
   */
  unknown?: { name: string; since: string }[];
  /** Components the sources had past the bound, not listed (counted in their indicators). */
  componentsLeftOut?: number;
  /** False when a relayed source's resolved past was not read (Uptime Kuma, Gatus, …). */
  pastIncidentsRead?: boolean;
}

/** "Status Unknown since 2026-11-29T14:40:00Z": the page's line while a source's status is not known. */
export function unknownLine(data: PublishedData): string | undefined {
  const since = data.unknown?.map((source) => source.since).sort()[0];
  return since && `${DESCRIPTIONS.unknown} since ${since.replace(/\.\d+Z$/, 'Z')}`;
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
      component.history ??
      historyFromRecords(recordsOf(data.statusLog, component.id), now, timeZone);
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
  const derived = deriveIndicator(
    { components: data.components, incidents, maintenances },
    reportedIndicator(data),
  );
  // Part of the page is not known: it is never better than unknown (an outage elsewhere
  // still shows; all operational, or a maintenance, would claim what is not known).
  const indicator =
    data.unknown && (derived === 'operational' || derived === 'maintenance') ? 'unknown' : derived;
  // The server writes every date in UTC; a page that names no zone is in UTC.
  const timeZone = data.page.timeZone ?? 'Etc/UTC';
  const components = withHistory(data, now, historyZone(timeZone));
  return JSON.parse(
    JSON.stringify({
      page: { ...data.page, timeZone },
      indicator,
      description: (indicator === 'unknown' && unknownLine(data)) || DESCRIPTIONS[indicator],
      components,
      componentsLeftOut: data.componentsLeftOut,
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
