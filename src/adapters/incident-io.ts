// incident.io status pages, read from their widget API, `<page>/api/v1/summary`
// (docs.incident.io/status-pages/widget-api): `{ page_title, page_url,
// ongoing_incidents, in_progress_maintenances, scheduled_maintenances }`. Every
// event has `id, name, url, last_update_at, last_update_message,
// affected_components: [{ id, name, group_name? }]`; an incident adds `status`
// (investigating, identified, monitoring) and `current_worst_impact`
// (degraded_performance, partial_outage, full_outage — not `major_outage`); a
// maintenance in progress adds `started_at, scheduled_end_at`, a scheduled one
// `starts_at, ends_at`. The widget API lists only what is ongoing or planned, and
// no component that nothing affects.
// Inferred, not documented: an incident's worst impact gives its impact
// (degraded performance → minor, partial outage → major, full outage → critical)
// and, unless an affected component states its own `current_status`, that
// component's status; the last update is the only update we know, and its time
// stands for the incident's start; a page with nothing listed is operational.
import { FeedFormatError } from '../model/errors.js';
import { MAX_COMPONENTS, MAX_ITEMS } from '../model/bounds.js';
import { withTextPromise } from '../model/promise.js';
import { deriveIndicator } from '../model/indicator.js';
import { isoDate, plainText, safeUrl } from '../model/sanitize.js';
import { sortNewestFirst } from '../model/sort.js';
import {
  COMPONENT_STATUSES,
  INCIDENT_STATUSES,
  type ComponentStatus,
  type Impact,
  type Incident,
  type IncidentUpdate,
  type Maintenance,
  type MaintenanceStatus,
  type StatusComponent,
  type StatusSnapshot,
} from '../model/types.js';
import {
  asArray,
  asString,
  bounded,
  fetchJson,
  isObject,
  oneOf,
  openIndicator,
  rankOf,
  readItems,
  Warnings,
  withLeftOut,
  type Glance,
  type Json,
} from './read.js';
import { incidentIoRules, incidentIoSummaryUrl } from './incident-io-rules.js';
import type { FeedAdapter } from './types.js';

const NAME = incidentIoRules.name;

const IMPACT: Record<string, Impact> = {
  degraded_performance: 'minor',
  partial_outage: 'major',
  full_outage: 'critical',
};
const COMPONENT_STATUS_OF_IMPACT: Record<string, ComponentStatus> = {
  degraded_performance: 'degraded_performance',
  partial_outage: 'partial_outage',
  full_outage: 'major_outage',
};
const MAINTENANCE_STATUS: Record<string, MaintenanceStatus> = {
  maintenance_in_progress: 'in_progress',
  maintenance_scheduled: 'scheduled',
};
// Worst last: a component affected by several events shows the worst of them.
const SEVERITY: ComponentStatus[] = [
  'unknown',
  'operational',
  'under_maintenance',
  'degraded_performance',
  'partial_outage',
  'major_outage',
];

/** The components the events name, each with the worst status they give it. */
class Affected {
  readonly byId = new Map<string, StatusComponent>();
  /** Components named past MAX_COMPONENTS: counted, not kept (the events still count). */
  leftOut = new Set<string>();

  add(event: Json, status: ComponentStatus): string[] {
    const ids: string[] = [];
    for (const item of asArray(event['affected_components'])) {
      if (!isObject(item)) continue;
      const id = asString(item['id']);
      if (id && !this.byId.has(id) && this.byId.size >= MAX_COMPONENTS) {
        this.leftOut.add(id);
        continue;
      }
      const name = plainText(item['name']);
      if (!id || !name) continue;
      ids.push(id);
      const stated =
        item['current_status'] === 'full_outage'
          ? 'major_outage'
          : oneOf(item['current_status'], COMPONENT_STATUSES);
      const next = stated ?? status;
      const known = this.byId.get(id);
      if (known && SEVERITY.indexOf(known.status) >= SEVERITY.indexOf(next)) continue;
      this.byId.set(id, {
        id,
        name,
        status: next,
        group: plainText(item['group_name']) || undefined,
      });
    }
    return ids;
  }
}

function lastUpdate(event: Json, id: string, status: IncidentUpdate['status']): IncidentUpdate[] {
  const body = plainText(event['last_update_message']);
  const at = isoDate(event['last_update_at']);
  return body && at ? [{ id: `${id}-last-update`, status, body, createdAt: at }] : [];
}

function glanceIncident(event: unknown): Glance {
  if (!isObject(event)) return { rank: -Infinity };
  const open = oneOf(event['status'], INCIDENT_STATUSES) !== undefined;
  const indicator = open
    ? openIndicator(IMPACT[asString(event['current_worst_impact']) ?? ''])
    : undefined;
  return { rank: rankOf(event['last_update_at'], open), indicator };
}

function glanceMaintenance(event: unknown): Glance {
  if (!isObject(event)) return { rank: -Infinity };
  const open = MAINTENANCE_STATUS[asString(event['status']) ?? ''] === 'in_progress';
  return {
    rank: rankOf(event['started_at'] ?? event['starts_at'], open),
    indicator: open ? 'maintenance' : undefined,
  };
}

function readIncident(event: Json, affected: Affected): Incident | string {
  const id = asString(event['id']);
  const name = plainText(event['name']);
  if (!id || !name) return 'it has no id or name';
  const status = oneOf(event['status'], INCIDENT_STATUSES);
  if (!status) return `its status ${JSON.stringify(event['status'])} is not an incident status`;
  const at = isoDate(event['last_update_at']);
  if (!at) return 'it has no readable last_update_at';
  const worst = asString(event['current_worst_impact']) ?? '';
  return withTextPromise({
    id,
    name,
    status,
    // An unknown impact on a live incident is shown as minor, never as "none".
    impact: IMPACT[worst] ?? 'minor',
    createdAt: at,
    updatedAt: at,
    url: safeUrl(event['url']),
    components: affected.add(event, COMPONENT_STATUS_OF_IMPACT[worst] ?? 'degraded_performance'),
    updates: lastUpdate(event, id, status),
  });
}

function readMaintenance(event: Json, affected: Affected): Maintenance | string {
  const id = asString(event['id']);
  const name = plainText(event['name']);
  if (!id || !name) return 'it has no id or name';
  const status = MAINTENANCE_STATUS[asString(event['status']) ?? ''];
  if (!status) return `its status ${JSON.stringify(event['status'])} is not a maintenance status`;
  const scheduledFor = isoDate(event['started_at']) ?? isoDate(event['starts_at']);
  if (!scheduledFor) return 'it has no readable start';
  const updatedAt = isoDate(event['last_update_at']) ?? scheduledFor;
  return {
    id,
    name,
    status,
    impact: 'maintenance',
    createdAt: updatedAt < scheduledFor ? updatedAt : scheduledFor,
    updatedAt,
    scheduledFor,
    scheduledUntil: isoDate(event['scheduled_end_at']) ?? isoDate(event['ends_at']),
    url: safeUrl(event['url']),
    components: affected.add(event, status === 'in_progress' ? 'under_maintenance' : 'operational'),
    updates: lastUpdate(event, id, status),
  };
}

/** Reads a parsed widget API body. */
export function readIncidentIoSummary(body: unknown, url: string): StatusSnapshot {
  if (!isObject(body) || !Array.isArray(body['ongoing_incidents'])) {
    throw new FeedFormatError(
      NAME,
      url,
      'the JSON has no "ongoing_incidents" list, so it is not an incident.io widget API response. Check that the widget API is enabled on the page, or set adapter="…" to the feed\'s real format.',
    );
  }
  const warnings = new Warnings();
  for (const list of ['in_progress_maintenances', 'scheduled_maintenances']) {
    if (list in body && !Array.isArray(body[list]))
      warnings.add(`"${list}" is not a list, so its maintenances were not read.`);
  }
  const affected = new Affected();
  // Maintenance first: an incident on the same component then shows over it.
  // Bounded before reading: past the newest events only the state each adds is looked at.
  const inProgress = bounded(
    asArray(body['in_progress_maintenances']),
    MAX_ITEMS,
    glanceMaintenance,
    'maintenances in progress',
    warnings,
  );
  const scheduled = bounded(
    asArray(body['scheduled_maintenances']),
    MAX_ITEMS,
    glanceMaintenance,
    'scheduled maintenances',
    warnings,
  );
  const ongoing = bounded(
    asArray(body['ongoing_incidents']),
    MAX_ITEMS,
    glanceIncident,
    'incidents',
    warnings,
  );
  const maintenances = [
    ...readItems(inProgress.kept, 'maintenance in progress', warnings, (event) =>
      readMaintenance(event, affected),
    ),
    ...readItems(scheduled.kept, 'scheduled maintenance', warnings, (event) =>
      readMaintenance(event, affected),
    ),
  ];
  const incidents = readItems(ongoing.kept, 'incident', warnings, (event) =>
    readIncident(event, affected),
  );
  const components = [...affected.byId.values()];
  if (affected.leftOut.size)
    warnings.add(
      `Read the first ${MAX_COMPONENTS} of ${MAX_COMPONENTS + affected.leftOut.size} components.`,
    );
  const pageUrl = safeUrl(body['page_url']);
  const snapshot: StatusSnapshot = {
    page: { name: plainText(body['page_title']) || new URL(url).hostname, url: pageUrl },
    indicator: withLeftOut(
      deriveIndicator({ components, incidents, maintenances }, 'operational'),
      inProgress,
      scheduled,
      ongoing,
    ),
    description: '',
    components,
    incidents: sortNewestFirst(incidents),
    maintenances: sortNewestFirst(maintenances),
  };
  if (affected.leftOut.size) snapshot.componentsLeftOut = affected.leftOut.size;
  return warnings.attachTo(snapshot);
}

export const incidentIoAdapter: FeedAdapter = {
  ...incidentIoRules,
  async load(source, fetch, signal) {
    const url = incidentIoSummaryUrl(source);
    return readIncidentIoSummary(await fetchJson(NAME, url, fetch, signal), url.href);
  },
};

/** The reader, as ./auto-rules.ts loads it on demand. */
export default incidentIoAdapter;
