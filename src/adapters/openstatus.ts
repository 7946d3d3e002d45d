// OpenStatus (https://github.com/openstatusHQ/openstatus). The page feed,
// `<page>/feed/json` (apps/status-page/…/feed/json/route.ts): `{ title,
// description, status, updatedAt, monitors: [{ id, name, description, status }],
// pageComponents: [{ id, name, description, monitorId, order, groupId }],
// pageComponentGroups: [{ id, name }], maintenances: [{ id, name, message, from,
// to, updatedAt, pageComponents }], statusReports: [{ id, title, updatedAt,
// status, pageComponents, statusReportUpdates: [{ id, status, message, date }] }]
// }`. Older feeds have `monitors` only, and reports and maintenances name monitor
// ids. The page's and monitors' `status` is success, degraded, error or info
// (@openstatus/db); report statuses are investigating, identified, monitoring,
// resolved. For a badge alone, the public status API,
// `api.openstatus.dev/public/status/<slug>`, answers `{ status }`: operational,
// degraded_performance, partial_outage, major_outage, under_maintenance,
// unknown, or incident (an open report) (docs.openstatus.dev/packages/status-widget).
// Inferred, not documented: a component without a monitor follows the reports
// and maintenances that name it and is otherwise operational, and an open report
// is a minor incident (OpenStatus shows both as "degraded"), as OpenStatus's page
// does (docs.openstatus.dev/reference/maintenance); the status API's "incident"
// is minor.
import { FeedFormatError } from '../model/errors.js';
import { MAX_ITEMS } from '../model/bounds.js';
import { componentStatusToIndicator, deriveIndicator } from '../model/indicator.js';
import { withTextPromise } from '../model/promise.js';
import { isoDate, plainText } from '../model/sanitize.js';
import { sortNewestFirst } from '../model/sort.js';
import {
  INCIDENT_STATUSES,
  type ComponentStatus,
  type Incident,
  type IncidentUpdate,
  type Indicator,
  type Maintenance,
  type StatusComponent,
  type StatusSnapshot,
} from '../model/types.js';
import {
  asArray,
  asString,
  bounded,
  fetchJson,
  firstComponents,
  isObject,
  oneOf,
  rankOf,
  readItems,
  Warnings,
  withLeftOut,
  type Glance,
  type Json,
} from './read.js';
import { openStatusApiSlug, openStatusFeedUrl, openStatusRules } from './openstatus-rules.js';
import type { FeedAdapter } from './types.js';

const NAME = openStatusRules.name;

const MONITOR_STATUS: Record<string, ComponentStatus> = {
  success: 'operational',
  degraded: 'degraded_performance',
  error: 'major_outage',
  info: 'under_maintenance',
};
const PAGE_STATUS: Record<string, Indicator> = {
  success: 'operational',
  degraded: 'minor',
  error: 'major',
  info: 'maintenance',
};
const API_STATUS: Record<string, Indicator> = {
  operational: 'operational',
  degraded_performance: 'minor',
  partial_outage: 'minor',
  major_outage: 'major',
  under_maintenance: 'maintenance',
  unknown: 'unknown',
  incident: 'minor',
};

const ids = (value: unknown) =>
  asArray(value)
    .map(asString)
    .filter((id): id is string => id !== undefined);

function glanceReport(item: unknown): Glance {
  if (!isObject(item)) return { rank: -Infinity };
  const status = oneOf(item['status'], INCIDENT_STATUSES);
  const open = status !== undefined && status !== 'resolved' && status !== 'postmortem';
  return { rank: rankOf(item['updatedAt'], open), indicator: open ? 'minor' : undefined };
}

function glanceMaintenance(item: unknown, now: string): Glance {
  if (!isObject(item)) return { rank: -Infinity };
  const from = isoDate(item['from']);
  const to = isoDate(item['to']);
  const open = !!from && from <= now && !(to && to <= now);
  return { rank: rankOf(from, open), indicator: open ? 'maintenance' : undefined };
}

function readReport(item: Json, usesComponents: boolean, warnings: Warnings): Incident | string {
  const id = asString(item['id']);
  const name = plainText(item['title']);
  if (!id || !name) return 'it has no id or title';
  const status = oneOf(item['status'], INCIDENT_STATUSES);
  if (!status) return `its status ${JSON.stringify(item['status'])} is not a report status`;
  const updates = sortNewestFirst(
    readItems<IncidentUpdate>(item['statusReportUpdates'], 'report update', warnings, (update) => {
      const updateId = asString(update['id']);
      const createdAt = isoDate(update['date']);
      const updateStatus = oneOf(update['status'], INCIDENT_STATUSES);
      if (!updateId || !createdAt || !updateStatus) return 'it has no id, date or known status';
      return { id: updateId, status: updateStatus, body: plainText(update['message']), createdAt };
    }),
  );
  const updatedAt = isoDate(item['updatedAt']) ?? updates[0]?.createdAt;
  const createdAt = updates.at(-1)?.createdAt ?? updatedAt;
  if (!createdAt || !updatedAt) return 'it has no readable date';
  return withTextPromise({
    id,
    name,
    status,
    impact: 'minor',
    createdAt,
    updatedAt,
    resolvedAt: status === 'resolved' ? (updates[0]?.createdAt ?? updatedAt) : undefined,
    components: ids(item[usesComponents ? 'pageComponents' : 'monitors']),
    updates,
  });
}

function readMaintenance(item: Json, usesComponents: boolean, now: string): Maintenance | string {
  const id = asString(item['id']);
  const name = plainText(item['name']);
  if (!id || !name) return 'it has no id or name';
  const scheduledFor = isoDate(item['from']);
  if (!scheduledFor) return 'it has no readable "from"';
  const scheduledUntil = isoDate(item['to']);
  const status =
    scheduledUntil && scheduledUntil <= now
      ? 'completed'
      : scheduledFor > now
        ? 'scheduled'
        : 'in_progress';
  const updatedAt = isoDate(item['updatedAt']) ?? scheduledFor;
  const body = plainText(item['message']);
  return {
    id: `maintenance-${id}`,
    name,
    status,
    impact: 'maintenance',
    createdAt: updatedAt < scheduledFor ? updatedAt : scheduledFor,
    updatedAt,
    scheduledFor,
    scheduledUntil,
    components: ids(item[usesComponents ? 'pageComponents' : 'monitors']),
    updates: body ? [{ id: `maintenance-${id}-message`, status, body, createdAt: updatedAt }] : [],
  };
}

/** Reads a parsed `/feed/json` body. */
export function readOpenStatusFeed(
  body: unknown,
  url: string,
  now = new Date().toISOString(),
): StatusSnapshot {
  if (!openStatusRules.matchesBody(body) || !isObject(body)) {
    throw new FeedFormatError(
      NAME,
      url,
      'the JSON has no "statusReports", "maintenances" and components, so it is not an OpenStatus page feed. Check the URL (https://<slug>.openstatus.dev/feed/json), or set adapter="…" to the feed\'s real format.',
    );
  }
  const warnings = new Warnings();
  const usesComponents = Array.isArray(body['pageComponents']);
  const monitorStatus = new Map<string, ComponentStatus>();
  for (const monitor of asArray(body['monitors'])) {
    const id = isObject(monitor) ? asString(monitor['id']) : undefined;
    if (id && isObject(monitor))
      monitorStatus.set(id, MONITOR_STATUS[asString(monitor['status']) ?? ''] ?? 'unknown');
  }
  const groups = new Map<string, string>();
  for (const group of asArray(body['pageComponentGroups'])) {
    const id = isObject(group) ? asString(group['id']) : undefined;
    if (id && isObject(group)) groups.set(id, plainText(group['name']));
  }
  // Bounded before reading: past the first components and the newest items, only the
  // state each adds is looked at.
  const reports = bounded(
    asArray(body['statusReports']),
    MAX_ITEMS,
    glanceReport,
    'status reports',
    warnings,
  );
  const incidents = readItems(reports.kept, 'status report', warnings, (item) =>
    readReport(item, usesComponents, warnings),
  );
  const planned = bounded(
    asArray(body['maintenances']),
    MAX_ITEMS,
    (item) => glanceMaintenance(item, now),
    'maintenances',
    warnings,
  );
  const maintenances = readItems(planned.kept, 'maintenance', warnings, (item) =>
    readMaintenance(item, usesComponents, now),
  );
  // A component without a monitor shows what names it: an open report, else a
  // maintenance under way, else nothing wrong.
  const reported = new Set(
    incidents.filter((incident) => incident.status !== 'resolved').flatMap((i) => i.components),
  );
  const maintained = new Set(
    maintenances.filter((m) => m.status === 'in_progress').flatMap((m) => m.components),
  );
  const staticStatus = (id: string): ComponentStatus =>
    reported.has(id)
      ? 'degraded_performance'
      : maintained.has(id)
        ? 'under_maintenance'
        : 'operational';

  const first = firstComponents(
    asArray(usesComponents ? body['pageComponents'] : body['monitors']),
    (item) => {
      if (!isObject(item)) return undefined;
      const monitorId = asString(item[usesComponents ? 'monitorId' : 'id']);
      const status = monitorId ? monitorStatus.get(monitorId) : undefined;
      return status && componentStatusToIndicator(status);
    },
    warnings,
  );
  const components = readItems<StatusComponent>(
    first.kept,
    usesComponents ? 'page component' : 'monitor',
    warnings,
    (item) => {
      const id = asString(item['id']);
      const name = plainText(item['name']);
      if (!id || !name) return 'it has no id or name';
      const monitorId = usesComponents ? asString(item['monitorId']) : id;
      const description = plainText(item['description']);
      return {
        id,
        name,
        status: (monitorId && monitorStatus.get(monitorId)) || staticStatus(id),
        group: groups.get(asString(item['groupId']) ?? '') || undefined,
        description: description || undefined,
      };
    },
  );
  const snapshot: StatusSnapshot = {
    page: {
      name: plainText(body['title']) || new URL(url).hostname,
      url: new URL('..', url).href,
    },
    indicator: withLeftOut(
      deriveIndicator(
        { components, incidents, maintenances },
        PAGE_STATUS[asString(body['status']) ?? ''],
      ),
      first,
      reports,
      planned,
    ),
    description: '',
    components,
    incidents: sortNewestFirst(incidents),
    pastIncidentsRead: true, // resolved status reports included
    maintenances: sortNewestFirst(maintenances),
    updatedAt: isoDate(body['updatedAt']),
  };
  if (first.leftOut) snapshot.componentsLeftOut = first.leftOut;
  return warnings.attachTo(snapshot);
}

/** Reads the public status API's `{ status }`: the page's state, with nothing else. */
export function readOpenStatusApi(body: unknown, url: string, slug: string): StatusSnapshot {
  const status = isObject(body) ? asString(body['status']) : undefined;
  const indicator = API_STATUS[status ?? ''];
  if (!indicator) {
    throw new FeedFormatError(
      NAME,
      url,
      `the JSON has no known "status" (${JSON.stringify(status ?? null)}), so it is not OpenStatus's public status API. Check the slug in the URL.`,
    );
  }
  return {
    page: { name: slug, url: `https://${encodeURIComponent(slug)}.openstatus.dev/` },
    indicator,
    description: '',
    components: [],
    incidents: [],
    maintenances: [],
  };
}

export const openStatusAdapter: FeedAdapter = {
  ...openStatusRules,
  async load(source, fetch, signal) {
    const slug = openStatusApiSlug(source);
    if (slug) {
      const url = new URL(source.href);
      url.search = url.hash = '';
      return readOpenStatusApi(await fetchJson(NAME, url, fetch, signal), url.href, slug);
    }
    const url = openStatusFeedUrl(source);
    return readOpenStatusFeed(await fetchJson(NAME, url, fetch, signal), url.href);
  },
};

/** The reader, as ./auto-rules.ts loads it on demand. */
export default openStatusAdapter;
