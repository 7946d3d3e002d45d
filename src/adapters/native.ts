// Our reference server's feed (`/feed.json`): the `StatusSnapshot` itself, plus
// `"version": 1` and optional `"links": { "events": "<SSE URL>" }`. Every item is
// still checked: a server of another version, or a bad item, must not break a page.
import { FeedFormatError } from '../model/errors.js';
import { clip, MAX_ITEMS, MAX_UPDATES } from '../model/bounds.js';
import { readComponentHistory } from '../model/history.js';
import { componentStatusToIndicator, deriveIndicator } from '../model/indicator.js';
import { isoDate, MAX_TEXT, safeUrl, wellFormed } from '../model/sanitize.js';
import { sortNewestFirst } from '../model/sort.js';
import {
  COMPONENT_STATUSES,
  IMPACTS,
  INCIDENT_STATUSES,
  INDICATORS,
  MAINTENANCE_STATUSES,
  NATIVE_VERSION,
  type ComponentUpdate,
  type Incident,
  type IncidentUpdate,
  type Indicator,
  type Maintenance,
  type SourceReport,
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
  openIndicator,
  rankOf,
  readItems,
  Warnings,
  withLeftOut,
  type Glance,
  type Json,
} from './read.js';
import { nativeRules } from './native-rules.js';
import type { FeedAdapter } from './types.js';

const NAME = nativeRules.name;
// The version lives in the model: the reference server writes what this reads.
export { NATIVE_VERSION };

// Text in this format is plain text by contract; it is only checked to be a string,
// cut to what a snapshot keeps (before trimming: a megabyte of blanks is no cheaper).
const text = (value: unknown): string =>
  typeof value === 'string' ? wellFormed(clip(value.slice(0, 2 * MAX_TEXT).trim(), MAX_TEXT)) : '';
const optionalText = (value: unknown): string | undefined => text(value) || undefined;

const glanceUpdate = (update: unknown): Glance => ({
  rank: isObject(update) ? rankOf(update['createdAt'], false) : -Infinity,
});

/** Open items first, then the newest; an open one adds its impact (maintenance: its own). */
function glanceItem(item: unknown): Glance {
  if (!isObject(item)) return { rank: -Infinity };
  const incident = oneOf(item['status'], INCIDENT_STATUSES);
  const open = incident
    ? incident !== 'resolved' && incident !== 'postmortem'
    : item['status'] === 'in_progress' || item['status'] === 'verifying';
  const indicator = !open
    ? undefined
    : incident
      ? openIndicator(oneOf(item['impact'], IMPACTS))
      : 'maintenance';
  return { rank: rankOf(item['createdAt'], open), indicator };
}

function readUpdates(item: Json, warnings: Warnings, what: string): IncidentUpdate[] {
  const { kept } = bounded(
    asArray(item['updates']),
    MAX_UPDATES,
    glanceUpdate,
    `${what} updates`,
    warnings,
  );
  const updates = readItems(kept, `${what} update`, warnings, (update) => {
    const id = asString(update['id']);
    const createdAt = isoDate(update['createdAt']);
    const status =
      oneOf(update['status'], INCIDENT_STATUSES) ?? oneOf(update['status'], MAINTENANCE_STATUSES);
    if (!id || !createdAt || !status) return 'it has no id, readable createdAt or known status';
    const read: IncidentUpdate = { id, status, body: text(update['body']), createdAt };
    const affected = readAffected(update['affected']);
    if (affected.length) read.affected = affected;
    return read;
  });
  return sortNewestFirst(updates);
}

/** An update's `affected`: the entries with an id and a known status, at most 500. */
function readAffected(value: unknown): ComponentUpdate[] {
  const affected: ComponentUpdate[] = [];
  for (const item of Array.isArray(value) ? value.slice(0, 500) : []) {
    const id = isObject(item) ? asString(item['id']) : undefined;
    const status = isObject(item) ? oneOf(item['status'], COMPONENT_STATUSES) : undefined;
    if (id && status) affected.push({ id, status });
  }
  return affected;
}

function readCommon(
  item: Json,
  warnings: Warnings,
  what: string,
): Omit<Incident, 'status'> | string {
  const id = asString(item['id']);
  const name = text(item['name']);
  if (!id || !name) return 'it has no id or name';
  const createdAt = isoDate(item['createdAt']);
  if (!createdAt) return 'it has no readable createdAt';
  const components = Array.isArray(item['components'])
    ? item['components'].map(asString).filter((value): value is string => value !== undefined)
    : [];
  return {
    id,
    name,
    impact: oneOf(item['impact'], IMPACTS) ?? 'minor',
    createdAt,
    updatedAt: isoDate(item['updatedAt']) ?? createdAt,
    resolvedAt: isoDate(item['resolvedAt']),
    url: safeUrl(item['url']),
    components,
    updates: readUpdates(item, warnings, what),
    nextUpdateAt: isoDate(item['nextUpdateAt']),
    postmortemUrl: safeUrl(item['postmortemUrl']),
  };
}

function glanceComponent(item: unknown): Indicator | undefined {
  const status = isObject(item) ? oneOf(item['status'], COMPONENT_STATUSES) : undefined;
  return status && status !== 'unknown' ? componentStatusToIndicator(status) : undefined;
}

function readComponent(item: Json, warnings: Warnings): StatusComponent | string {
  const id = asString(item['id']);
  const name = text(item['name']);
  if (!id || !name) return 'it has no id or name';
  const history = readComponentHistory(item['history'], (message) =>
    warnings.add(`${name}: ${message}`),
  );
  return {
    id,
    name,
    status: oneOf(item['status'], COMPONENT_STATUSES) ?? 'unknown',
    group: optionalText(item['group']),
    description: optionalText(item['description']),
    updatedAt: isoDate(item['updatedAt']),
    ...(history && { history }),
  };
}

function readIncident(item: Json, warnings: Warnings): Incident | string {
  const common = readCommon(item, warnings, 'incident');
  if (typeof common === 'string') return common;
  const status = oneOf(item['status'], INCIDENT_STATUSES);
  if (!status) return `its status ${JSON.stringify(item['status'])} is not an incident status`;
  return { ...common, status };
}

function readMaintenance(item: Json, warnings: Warnings): Maintenance | string {
  const common = readCommon(item, warnings, 'maintenance');
  if (typeof common === 'string') return common;
  const status = oneOf(item['status'], MAINTENANCE_STATUSES);
  if (!status) return `its status ${JSON.stringify(item['status'])} is not a maintenance status`;
  const scheduledFor = isoDate(item['scheduledFor']);
  if (!scheduledFor) return 'it has no readable scheduledFor';
  return {
    ...common,
    impact: oneOf(item['impact'], IMPACTS) ?? 'maintenance',
    status,
    scheduledFor,
    scheduledUntil: isoDate(item['scheduledUntil']),
  };
}

/** Reads a parsed native feed body; exported for the server's round-trip tests. */
export function readNativeFeed(body: unknown, url: string): StatusSnapshot {
  if (!isObject(body) || !('version' in body)) {
    throw new FeedFormatError(
      NAME,
      url,
      'the JSON has no "version" field, so it is not a native status feed. Check the URL, or set adapter="…" to the feed\'s real format.',
    );
  }
  if (body['version'] !== NATIVE_VERSION) {
    throw new FeedFormatError(
      NAME,
      url,
      `its version ${JSON.stringify(body['version'])} is not supported; this adapter reads version ${NATIVE_VERSION}. Update status-widgets, or serve version ${NATIVE_VERSION}.`,
    );
  }
  if (!isObject(body['page'])) {
    throw new FeedFormatError(NAME, url, 'the JSON has no "page" object.');
  }
  const warnings = new Warnings();
  const page = body['page'];
  // Bounded before reading: past the first components and the newest items, only
  // the state each adds is looked at (its history is never worked out).
  const first = firstComponents(asArray(body['components']), glanceComponent, warnings);
  const components = readItems(first.kept, 'component', warnings, (item) =>
    readComponent(item, warnings),
  );
  const live = bounded(asArray(body['incidents']), MAX_ITEMS, glanceItem, 'incidents', warnings);
  const incidents = sortNewestFirst(
    readItems(live.kept, 'incident', warnings, (item) => readIncident(item, warnings)),
  );
  const planned = bounded(
    asArray(body['maintenances']),
    MAX_ITEMS,
    glanceItem,
    'maintenances',
    warnings,
  );
  const maintenances = readItems(planned.kept, 'maintenance', warnings, (item) =>
    readMaintenance(item, warnings),
  );
  const reported = oneOf(body['indicator'], INDICATORS);
  const indicator = withLeftOut(
    deriveIndicator({ components, incidents, maintenances }, reported),
    first,
    live,
    planned,
  );
  const snapshot: StatusSnapshot = {
    page: {
      name: text(page['name']) || new URL(url).hostname,
      url: safeUrl(page['url']),
      subscribeUrl: safeUrl(page['subscribeUrl']),
      timeZone: optionalText(page['timeZone']),
    },
    indicator,
    // The source's own line only when it describes the indicator shown, so that the
    // words and the colour never disagree (docs/feeds.md, "The overall state").
    description: indicator === reported ? text(body['description']) : '',
    components,
    incidents,
    // The reference server's feed carries its resolved past; a relay says when not.
    pastIncidentsRead: body['pastIncidentsRead'] !== false,
    maintenances,
    updatedAt: isoDate(body['updatedAt']),
  };
  if (first.leftOut) snapshot.componentsLeftOut = first.leftOut;
  // Days in this format are recorded by the feed from the components' own changes.
  if (components.some((component) => component.history)) snapshot.historySource = 'recorded';
  const events = isObject(body['links']) ? safeUrl(body['links']['events'], url) : undefined;
  if (events) snapshot.links = { events };
  const sources = readSources(body['sources']);
  if (sources.length) snapshot.sources = sources;
  return warnings.attachTo(snapshot);
}

const SOURCE_STATES = ['ok', 'stale', 'error'] as const;

/** A relay's `sources`: entries without a URL or a known state are left out. */
function readSources(value: unknown): SourceReport[] {
  const sources: SourceReport[] = [];
  for (const item of Array.isArray(value) ? value : []) {
    if (!isObject(item)) continue;
    const url = safeUrl(item['url']);
    const state = oneOf(item['state'], SOURCE_STATES);
    if (!url || !state) continue;
    const source: SourceReport = { url, adapter: text(item['adapter']) || 'auto', state };
    const lastAnsweredAt = isoDate(item['lastAnsweredAt']);
    if (lastAnsweredAt) source.lastAnsweredAt = lastAnsweredAt;
    const problem = optionalText(item['problem']);
    if (problem) source.problem = problem;
    sources.push(source);
  }
  return sources;
}

export const nativeAdapter: FeedAdapter = {
  ...nativeRules,
  async load(source, fetch, signal) {
    return readNativeFeed(await fetchJson(NAME, source, fetch, signal), source.href);
  },
};

/** The reader, as ./registry.ts loads it on demand. */
export default nativeAdapter;
