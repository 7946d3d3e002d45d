// Instatus public pages: `/summary.json` ({ page: { name, url, status: UP |
// HASISSUES | UNDERMAINTENANCE }, activeIncidents: [{ id, name, started, status,
// impact, url, updatedAt }], activeMaintenances: [{ id, name, start, status:
// NOTSTARTEDYET | INPROGRESS | COMPLETED, duration, url, updatedAt }] }) and
// `/v2/components.json` ({ components: [{ id, name, description, status, group }] }).
// Instatus documents these endpoints only briefly: the field names and enum values
// here are inferred from its public pages' responses as other clients read them,
// and `duration` is read as minutes.
import { FeedFormatError } from '../model/errors.js';
import { MAX_ITEMS } from '../model/bounds.js';
import { componentStatusToIndicator, deriveIndicator, worstIndicator } from '../model/indicator.js';
import { isoDate, plainText, safeUrl } from '../model/sanitize.js';
import { sortNewestFirst } from '../model/sort.js';
import type {
  ComponentStatus,
  Impact,
  Incident,
  IncidentStatus,
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
  firstComponents,
  isAbort,
  isObject,
  openIndicator,
  rankOf,
  readItems,
  reason,
  Warnings,
  withLeftOut,
  type Glance,
  type Json,
} from './read.js';
import { instatusBase, instatusRules } from './instatus-rules.js';
import type { FeedAdapter } from './types.js';

const NAME = instatusRules.name;

// HASISSUES names no degree, so it is no headline to follow: it only rules out
// "operational" (see the overall state, below).
const PAGE_STATUS: Record<string, Indicator> = {
  UP: 'operational',
  UNDERMAINTENANCE: 'maintenance',
};
const COMPONENT_STATUS: Record<string, ComponentStatus> = {
  OPERATIONAL: 'operational',
  UNDERMAINTENANCE: 'under_maintenance',
  DEGRADEDPERFORMANCE: 'degraded_performance',
  PARTIALOUTAGE: 'partial_outage',
  MINOROUTAGE: 'partial_outage',
  MAJOROUTAGE: 'major_outage',
};
const IMPACT: Record<string, Impact> = {
  OPERATIONAL: 'none',
  NONE: 'none',
  DEGRADEDPERFORMANCE: 'minor',
  MINOR: 'minor',
  MINOROUTAGE: 'minor',
  PARTIALOUTAGE: 'minor',
  MAJOR: 'major',
  MAJOROUTAGE: 'major',
  UNDERMAINTENANCE: 'maintenance',
};
const INCIDENT_STATUS: Record<string, IncidentStatus> = {
  INVESTIGATING: 'investigating',
  IDENTIFIED: 'identified',
  MONITORING: 'monitoring',
  RESOLVED: 'resolved',
};
const MAINTENANCE_STATUS: Record<string, MaintenanceStatus> = {
  NOTSTARTEDYET: 'scheduled',
  INPROGRESS: 'in_progress',
  COMPLETED: 'completed',
};

const upper = (value: unknown) => (asString(value) ?? '').toUpperCase();

function glanceIncident(item: unknown): Glance {
  if (!isObject(item)) return { rank: -Infinity };
  const status = INCIDENT_STATUS[upper(item['status'])];
  const open = status !== undefined && status !== 'resolved';
  return {
    rank: rankOf(item['started'], open),
    indicator: open ? openIndicator(IMPACT[upper(item['impact'])] ?? 'minor') : undefined,
  };
}

function glanceMaintenance(item: unknown): Glance {
  const open = isObject(item) && MAINTENANCE_STATUS[upper(item['status'])] === 'in_progress';
  return {
    rank: isObject(item) ? rankOf(item['start'], open) : -Infinity,
    indicator: open ? 'maintenance' : undefined,
  };
}

function glanceComponent(item: unknown): Indicator | undefined {
  const status = isObject(item) ? COMPONENT_STATUS[upper(item['status'])] : undefined;
  return status && componentStatusToIndicator(status);
}

function readIncident(item: Json): Incident | string {
  const id = asString(item['id']);
  const name = plainText(item['name']);
  if (!id || !name) return 'it has no id or name';
  const status = INCIDENT_STATUS[upper(item['status'])];
  if (!status)
    return `its status ${JSON.stringify(item['status'])} is not an Instatus incident status`;
  const createdAt = isoDate(item['started']);
  if (!createdAt) return 'it has no readable start date';
  return {
    id,
    name,
    status,
    impact: IMPACT[upper(item['impact'])] ?? 'minor',
    createdAt,
    updatedAt: isoDate(item['updatedAt']) ?? createdAt,
    url: safeUrl(item['url']),
    components: [],
    updates: [],
  };
}

function readMaintenance(item: Json): Maintenance | string {
  const id = asString(item['id']);
  const name = plainText(item['name']);
  if (!id || !name) return 'it has no id or name';
  const status = MAINTENANCE_STATUS[upper(item['status'])];
  if (!status)
    return `its status ${JSON.stringify(item['status'])} is not an Instatus maintenance status`;
  const scheduledFor = isoDate(item['start']);
  if (!scheduledFor) return 'it has no readable start date';
  const minutes = asNumber(item['duration']);
  return {
    id,
    name,
    status,
    impact: 'maintenance',
    createdAt: scheduledFor,
    updatedAt: isoDate(item['updatedAt']) ?? scheduledFor,
    scheduledFor,
    scheduledUntil:
      // A hostile duration (1e308 minutes) ends past any real date: no end, no crash.
      minutes !== undefined && minutes > 0
        ? isoDate(Date.parse(scheduledFor) + minutes * 60_000)
        : undefined,
    url: safeUrl(item['url']),
    components: [],
    updates: [],
  };
}

function readComponent(item: Json): StatusComponent | string {
  const id = asString(item['id']);
  const name = plainText(item['name']);
  if (!id || !name) return 'it has no id or name';
  const description = plainText(item['description']);
  const group = isObject(item['group']) ? plainText(item['group']['name']) : '';
  return {
    id,
    name,
    status: COMPONENT_STATUS[upper(item['status'])] ?? 'unknown',
    group: group || undefined,
    description: description || undefined,
  };
}

/** The page's own state where it names one; "has issues" is at least minor. */
function overall(parts: Parameters<typeof deriveIndicator>[0], status: string): Indicator {
  return status === 'HASISSUES'
    ? worstIndicator([deriveIndicator(parts), 'minor'])
    : deriveIndicator(parts, PAGE_STATUS[status]);
}

export function readInstatusSummary(
  summary: unknown,
  components: unknown,
  url: string,
  warnings = new Warnings(),
): StatusSnapshot {
  if (!isObject(summary) || !isObject(summary['page'])) {
    throw new FeedFormatError(
      NAME,
      url,
      'the JSON has no "page" object, so it is not an Instatus summary.json. Check the URL, or set adapter="…" to the feed\'s real format.',
    );
  }
  const page = summary['page'];
  // Bounded before reading: past the first components and the newest items, only the
  // state each adds is looked at.
  const live = bounded(
    asArray(summary['activeIncidents']),
    MAX_ITEMS,
    glanceIncident,
    'incidents',
    warnings,
  );
  const incidents = sortNewestFirst(readItems(live.kept, 'incident', warnings, readIncident));
  const planned = bounded(
    asArray(summary['activeMaintenances']),
    MAX_ITEMS,
    glanceMaintenance,
    'maintenances',
    warnings,
  );
  const maintenances = readItems(planned.kept, 'maintenance', warnings, readMaintenance);
  const first = firstComponents(
    asArray(isObject(components) ? components['components'] : components),
    glanceComponent,
    warnings,
  );
  const componentList = readItems(first.kept, 'component', warnings, readComponent);
  const snapshot: StatusSnapshot = {
    page: {
      name: plainText(page['name']) || new URL(url).hostname,
      url: safeUrl(page['url']) ?? instatusBase(new URL(url)).href,
    },
    indicator: withLeftOut(
      overall({ components: componentList, incidents, maintenances }, upper(page['status'])),
      first,
      live,
      planned,
    ),
    description: '',
    components: componentList,
    incidents,
    maintenances,
  };
  if (first.leftOut) snapshot.componentsLeftOut = first.leftOut;
  return warnings.attachTo(snapshot);
}

export const instatusAdapter: FeedAdapter = {
  ...instatusRules,
  async load(source, fetch, signal) {
    const base = instatusBase(source);
    const summaryUrl = new URL('summary.json', base);
    const componentsUrl = new URL('v2/components.json', base);
    const warnings = new Warnings();
    const [summary, components] = await Promise.all([
      fetchJson(NAME, summaryUrl, fetch, signal),
      // Components are a second endpoint: without them the live state still stands.
      fetchJson(NAME, componentsUrl, fetch, signal).catch((error: unknown) => {
        if (isAbort(error, signal)) throw error;
        warnings.add(`Components were not loaded from ${componentsUrl.href}: ${reason(error)}`);
        return [];
      }),
    ]);
    return readInstatusSummary(summary, components, summaryUrl.href, warnings);
  },
};

/** The reader, as ./registry.ts loads it on demand. */
export default instatusAdapter;
