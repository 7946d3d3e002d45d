// Atlassian Statuspage v2 public API (and pages compatible with it): summary.json
// for the live state (components and groups, unresolved incidents, scheduled
// maintenances, page url and time zone), incidents.json for resolved history (the
// last 50). Field names and enum values follow Statuspage's API documentation
// (https://metastatuspage.com/api/v2/ and developer.statuspage.io).
import { MAX_COMPONENTS, MAX_ITEMS, MAX_UPDATES } from '../model/bounds.js';
import { withTextPromise } from '../model/promise.js';
import { deriveIndicator } from '../model/indicator.js';
import { FeedFormatError } from '../model/errors.js';
import { incidentUrl } from '../model/incident-url.js';
import { isoDate, plainText, safeUrl } from '../model/sanitize.js';
import { sortNewestFirst } from '../model/sort.js';
import {
  COMPONENT_STATUSES,
  IMPACTS,
  INCIDENT_STATUSES,
  MAINTENANCE_STATUSES,
  type ComponentUpdate,
  type Impact,
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
import { statuspageHistoryUrl, statuspageRules, statuspageSummaryUrl } from './statuspage-rules.js';
import type { FeedAdapter } from './types.js';

const NAME = statuspageRules.name;

const STATUSPAGE_INDICATORS: Record<string, Indicator> = {
  none: 'operational',
  minor: 'minor',
  major: 'major',
  critical: 'critical',
  maintenance: 'maintenance',
  // Not Statuspage's own: the reference server's relay says it when a source is silent.
  unknown: 'unknown',
};

function glanceUpdate(update: unknown): Glance {
  return {
    rank: isObject(update)
      ? rankOf(update['display_at'] ?? update['created_at'], false)
      : -Infinity,
  };
}

function readUpdates(item: Json, warnings: Warnings, what: string): IncidentUpdate[] {
  const { kept } = bounded(
    asArray(item['incident_updates']),
    MAX_UPDATES,
    glanceUpdate,
    `${what} updates`,
    warnings,
  );
  const updates = readItems(kept, `${what} update`, warnings, (update) => {
    const id = asString(update['id']);
    const createdAt = isoDate(update['display_at']) ?? isoDate(update['created_at']);
    const status =
      oneOf(update['status'], INCIDENT_STATUSES) ?? oneOf(update['status'], MAINTENANCE_STATUSES);
    if (!id || !createdAt || !status) return 'it has no id, date or known status';
    const read: IncidentUpdate = { id, status, body: plainText(update['body']), createdAt };
    const affected = readUpdateAffected(update);
    if (affected.length) read.affected = affected;
    return read;
  });
  return sortNewestFirst(updates);
}

/** Components one update names, past which the rest are not read (no page names more). */
const MAX_UPDATE_COMPONENTS = 500;

/** The status an update gave each component it names (`affected_components`). */
function readUpdateAffected(update: Json): ComponentUpdate[] {
  const affected: ComponentUpdate[] = [];
  for (const item of asArray(update['affected_components']).slice(0, MAX_UPDATE_COMPONENTS)) {
    const id = isObject(item) ? asString(item['code']) : undefined;
    const status = isObject(item) ? oneOf(item['new_status'], COMPONENT_STATUSES) : undefined;
    if (id && status) affected.push({ id, status });
  }
  return affected;
}

function readAffected(item: Json): string[] {
  const ids = new Set<string>();
  for (const component of asArray(item['components'])) {
    const id = isObject(component) ? asString(component['id']) : undefined;
    if (id) ids.add(id);
  }
  return [...ids];
}

function readCommon(
  item: Json,
  warnings: Warnings,
  what: string,
  pageUrl: string | undefined,
): Omit<Incident, 'status' | 'impact'> | string {
  const id = asString(item['id']);
  const name = plainText(item['name']);
  if (!id || !name) return 'it has no id or name';
  const updates = readUpdates(item, warnings, what);
  const createdAt =
    isoDate(item['created_at']) ?? isoDate(item['started_at']) ?? updates.at(-1)?.createdAt;
  if (!createdAt) return 'it has no readable creation date';
  const url = safeUrl(item['shortlink']) ?? incidentUrl(pageUrl, id);
  const postmortemPublished = isoDate(item['postmortem_published_at']);
  return {
    id,
    name,
    createdAt,
    updatedAt: isoDate(item['updated_at']) ?? updates[0]?.createdAt ?? createdAt,
    resolvedAt: isoDate(item['resolved_at']),
    url,
    components: readAffected(item),
    updates,
    postmortemUrl: postmortemPublished ? url : undefined,
  };
}

/** An incident's rank and state, from two fields: open ones first, then the newest. */
function glanceIncident(item: unknown): Glance {
  if (!isObject(item)) return { rank: -Infinity };
  const status = oneOf(item['status'], INCIDENT_STATUSES);
  const open = status !== undefined && status !== 'resolved' && status !== 'postmortem';
  const indicator = open ? openIndicator(oneOf(item['impact'], IMPACTS)) : undefined;
  return { rank: rankOf(item['created_at'], open), indicator };
}

function glanceMaintenance(item: unknown): Glance {
  if (!isObject(item)) return { rank: -Infinity };
  const open = item['status'] === 'in_progress' || item['status'] === 'verifying';
  return {
    rank: rankOf(item['scheduled_for'], open),
    indicator: open ? 'maintenance' : undefined,
  };
}

function readIncident(item: Json, warnings: Warnings, pageUrl?: string): Incident | string {
  const common = readCommon(item, warnings, 'incident', pageUrl);
  if (typeof common === 'string') return common;
  const status = oneOf(item['status'], INCIDENT_STATUSES);
  if (!status)
    return `its status ${JSON.stringify(item['status'])} is not a Statuspage incident status`;
  // An unknown impact on a live incident is shown as minor, never as "none".
  const impact: Impact = oneOf(item['impact'], IMPACTS) ?? 'minor';
  return withTextPromise({ ...common, status, impact });
}

function readMaintenance(item: Json, warnings: Warnings, pageUrl?: string): Maintenance | string {
  const common = readCommon(item, warnings, 'maintenance', pageUrl);
  if (typeof common === 'string') return common;
  const status = oneOf(item['status'], MAINTENANCE_STATUSES);
  if (!status) return `its status ${JSON.stringify(item['status'])} is not a maintenance status`;
  const scheduledFor = isoDate(item['scheduled_for']) ?? common.createdAt;
  return {
    ...common,
    status,
    impact: oneOf(item['impact'], IMPACTS) ?? 'maintenance',
    scheduledFor,
    scheduledUntil: isoDate(item['scheduled_until']),
  };
}

/**
 * The components read, and the ones past MAX_COMPONENTS left as they came: not even
 * read, since a snapshot would not keep them.
 */
function readComponents(
  items: unknown,
  warnings: Warnings,
): { components: StatusComponent[]; rest: Json[] } {
  // Groups are containers: their children name them through group_id.
  const groups = new Map<string, unknown>();
  const leaves: unknown[] = [];
  for (const item of asArray(items)) {
    if (!isObject(item) || item['group'] !== true) leaves.push(item);
    else {
      const id = asString(item['id']);
      if (id) groups.set(id, item['name']);
    }
  }
  // Only the names of the groups of the components read are read.
  const groupNames = new Map<string, string>();
  const groupName = (id: string) => {
    if (!groupNames.has(id)) groupNames.set(id, plainText(groups.get(id)));
    return groupNames.get(id);
  };
  const components = readItems(leaves.slice(0, MAX_COMPONENTS), 'component', warnings, (item) => {
    const id = asString(item['id']);
    const name = plainText(item['name']);
    if (!id || !name) return 'it has no id or name';
    const groupId = asString(item['group_id']);
    const description = plainText(item['description']);
    return {
      id,
      name,
      status: oneOf(item['status'], COMPONENT_STATUSES) ?? 'unknown',
      group: groupId && groups.has(groupId) ? groupName(groupId) : undefined,
      description: description || undefined,
      updatedAt: isoDate(item['updated_at']),
    };
  });
  return { components, rest: leaves.slice(MAX_COMPONENTS).filter(isObject) };
}

/**
 * The page's own line only when it describes the indicator shown, so that the
 * words and the colour never disagree (docs/feeds.md, "The overall state"): ours is
 * the worst of everything active, so it can differ from the page's, and a page can
 * pair "Service Under Maintenance" with a minor indicator while an incident is open.
 */
function describing(indicator: Indicator, reported: Indicator | undefined, line: string): string {
  const speaksOfMaintenance = /maintenance/i.test(line);
  return indicator === reported && speaksOfMaintenance === (indicator === 'maintenance')
    ? line
    : '';
}

/** Reads a parsed summary.json body; exported for the server's round-trip tests. */
export function readStatuspageSummary(body: unknown, url: string): StatusSnapshot {
  if (!isObject(body) || !isObject(body['page'])) {
    throw new FeedFormatError(
      NAME,
      url,
      'the JSON has no "page" object, so it is not a Statuspage summary.json. Check the URL, or set adapter="…" to the feed\'s real format.',
    );
  }
  const warnings = new Warnings();
  const page = body['page'];
  const pageUrl = safeUrl(page['url'])?.replace(/\/+$/, '');
  const status = isObject(body['status']) ? body['status'] : {};
  const { components, rest } = readComponents(body['components'], warnings);
  const live = bounded(
    asArray(body['incidents']),
    MAX_ITEMS,
    glanceIncident,
    'incidents',
    warnings,
  );
  const incidents = sortNewestFirst(
    readItems(live.kept, 'incident', warnings, (item) => readIncident(item, warnings, pageUrl)),
  );
  const planned = bounded(
    asArray(body['scheduled_maintenances']),
    MAX_ITEMS,
    glanceMaintenance,
    'maintenances',
    warnings,
  );
  const maintenances = readItems(planned.kept, 'maintenance', warnings, (item) =>
    readMaintenance(item, warnings, pageUrl),
  );
  const reported = STATUSPAGE_INDICATORS[asString(status['indicator']) ?? ''];
  // The components not read still count for the overall state: only `status` is
  // read of them (an unknown one counts for nothing, as when read).
  const all = [...components, ...(rest as Array<Pick<StatusComponent, 'status'>>)];
  const indicator = withLeftOut(
    deriveIndicator({ components: all, incidents, maintenances }, reported),
    live,
    planned,
  );
  const snapshot: StatusSnapshot = {
    page: {
      name: plainText(page['name']) || new URL(url).hostname,
      url: pageUrl,
      timeZone: asString(page['time_zone']),
    },
    indicator,
    description: describing(indicator, reported, plainText(status['description'])),
    components,
    incidents,
    maintenances,
    updatedAt: isoDate(page['updated_at']),
  };
  if (rest.length) {
    snapshot.componentsLeftOut = rest.length;
    warnings.add(`Read the first ${MAX_COMPONENTS} of ${MAX_COMPONENTS + rest.length} components.`);
  }
  return warnings.attachTo(snapshot);
}

/** Reads a parsed incidents.json body: the page's last 50 incidents, resolved ones included. */
export function readStatuspageIncidents(
  body: unknown,
  url: string,
  warnings: Warnings,
  pageUrl?: string,
): Incident[] {
  if (!isObject(body) || !Array.isArray(body['incidents'])) {
    throw new FeedFormatError(NAME, url, 'the JSON has no "incidents" list.');
  }
  const { kept } = bounded(
    asArray(body['incidents']),
    MAX_ITEMS,
    glanceIncident,
    'past incidents',
    warnings,
  );
  return readItems(kept, 'past incident', warnings, (item) =>
    readIncident(item, warnings, pageUrl),
  );
}

// The resolved history's merging is a chunk of its own: only a page that shows the
// history (an incident list) loads it, and asks for incidents.json.
let history: typeof import('./statuspage-history.js') | undefined;

export const statuspageAdapter: FeedAdapter = {
  ...statuspageRules,
  async load(source, fetch, signal, options) {
    const url = statuspageSummaryUrl(source);
    const snapshot = fetchJson(NAME, url, fetch, signal).then((body) =>
      readStatuspageSummary(body, url.href),
    );
    if (options?.history === false) return snapshot;
    // The first load asks for the history alongside the summary (and the chunk), so
    // that a first paint waits for one round trip, not two.
    const pending = history ? undefined : fetchJson(NAME, statuspageHistoryUrl(url), fetch, signal);
    pending?.catch(() => undefined); // read (and reported) with the history
    snapshot.catch(() => undefined); // thrown below, once the chunk is here
    history ??= await import('./statuspage-history.js');
    return history.withHistory(url, snapshot, readStatuspageIncidents, fetch, signal, pending);
  },
};

/** The reader, as ./registry.ts loads it on demand. */
export default statuspageAdapter;
