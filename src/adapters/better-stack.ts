// Better Stack status pages, read from `<page>/index.json`
// (betterstack.com/docs/uptime/status-pages/subscribing-to-status-updates/subscribing-to-api):
// a JSON:API document whose `data` is the `status_page` (`company_name`,
// `timezone`, `aggregate_state`: operational, degraded, downtime, maintenance)
// and whose `included` list holds its `status_page_section`s (`name`), its
// `status_page_resource`s (`public_name`, `explanation`, `status_page_section_id`,
// `status`: operational, degraded, downtime, maintenance, not_monitored) and its
// `status_report`s (`title`, `report_type`: manual, automatic, maintenance,
// `starts_at`, `ends_at`, `aggregate_state`, `affected_resources:
// [{ status_page_resource_id, status }]`, `relationships.status_updates`), with
// their `status_update`s (`message`, `published_at`). Each resource's
// `status_history` holds its last 90 days (`day` YYYY-MM-DD, `status` as above,
// `downtime_duration` and `maintenance_duration` in seconds), recorded by the monitor.
// Inferred, not documented: Better Stack reports have no stages, so an open report
// is "investigating" and one whose aggregate state is operational (or whose
// affected resources are all resolved) is resolved; a report's aggregate state
// gives its impact (downtime → major, any other → minor); a maintenance report's
// times say whether it is scheduled, in progress or completed; a day's uptime is
// its downtime over the whole day (today's too), and a not-monitored day is no data.
import { FeedFormatError } from '../model/errors.js';
import { MAX_ITEMS } from '../model/bounds.js';
import { readComponentHistory } from '../model/history.js';
import { componentStatusToIndicator, deriveIndicator } from '../model/indicator.js';
import { withTextPromise } from '../model/promise.js';
import { isoDate, plainText, safeUrl } from '../model/sanitize.js';
import { sortNewestFirst } from '../model/sort.js';
import type {
  ComponentDay,
  ComponentStatus,
  Incident,
  IncidentStatus,
  IncidentUpdate,
  Indicator,
  Maintenance,
  MaintenanceStatus,
  StatusComponent,
  StatusSnapshot,
} from '../model/types.js';
import {
  asArray,
  asString,
  bounded,
  fetchJson,
  firstComponents,
  isObject,
  rankOf,
  readItems,
  Warnings,
  withLeftOut,
  type Glance,
  type Json,
} from './read.js';
import { betterStackIndexUrl, betterStackRules } from './better-stack-rules.js';
import type { FeedAdapter } from './types.js';

const NAME = betterStackRules.name;

const RESOURCE_STATUS: Record<string, ComponentStatus> = {
  operational: 'operational',
  degraded: 'degraded_performance',
  downtime: 'major_outage',
  maintenance: 'under_maintenance',
  not_monitored: 'unknown',
};
const PAGE_STATE: Record<string, Indicator> = {
  operational: 'operational',
  degraded: 'minor',
  downtime: 'major',
  maintenance: 'maintenance',
};

/** An IANA zone ("Europe/Berlin"); a name no browser knows is left out. */
function ianaZone(value: unknown): string | undefined {
  const zone = asString(value);
  if (!zone) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return undefined;
  }
}

const attributesOf = (item: Json): Json => (isObject(item['attributes']) ? item['attributes'] : {});
const state = (value: unknown) => asString(value)?.toLowerCase();

const DAY_SECONDS = 24 * 60 * 60;

/** Seconds as whole minutes; any time at all is at least one. */
const minutes = (seconds: number) => (seconds > 0 ? Math.max(1, Math.round(seconds / 60)) : 0);

/**
 * One `status_history` day in the model's shape (the model's reader then checks it);
 * a day not monitored is left out: no data.
 */
function readHistoryDay(value: unknown): unknown {
  if (!isObject(value)) return value;
  const worst = RESOURCE_STATUS[state(value['status']) ?? ''];
  if (worst === 'unknown') return undefined;
  const seconds = (field: string) => {
    const number = value[field];
    return typeof number === 'number' && number > 0 ? Math.min(number, DAY_SECONDS) : 0;
  };
  const down = seconds('downtime_duration');
  const maintenance = seconds('maintenance_duration');
  const downtime: ComponentDay['downtime'] = {};
  if (down > 0) downtime.major_outage = minutes(down);
  if (maintenance > 0) downtime.under_maintenance = minutes(maintenance);
  return {
    date: value['day'],
    uptime: 100 * (1 - down / DAY_SECONDS),
    worst,
    ...(Object.keys(downtime).length && { downtime }),
  };
}

function glanceResource(item: Json): Indicator | undefined {
  const status = RESOURCE_STATUS[state(attributesOf(item)['status']) ?? ''];
  return status && status !== 'unknown' ? componentStatusToIndicator(status) : undefined;
}

/** A report's rank and state from its own fields (see readReport): open ones first. */
function glanceReport(item: Json, now: string): Glance {
  const attributes = attributesOf(item);
  if (state(attributes['report_type']) === 'maintenance') {
    const startsAt = isoDate(attributes['starts_at']);
    const endsAt = isoDate(attributes['ends_at']);
    const open = !!startsAt && startsAt <= now && !(endsAt && endsAt <= now);
    return { rank: rankOf(startsAt, open), indicator: open ? 'maintenance' : undefined };
  }
  const aggregate = state(attributes['aggregate_state']);
  const affected = asArray(attributes['affected_resources']).filter(isObject);
  const open = !(
    aggregate === 'operational' ||
    (affected.length > 0 && affected.every((resource) => state(resource['status']) === 'resolved'))
  );
  return {
    rank: rankOf(attributes['starts_at'], open),
    indicator: open ? (aggregate === 'downtime' ? 'major' : 'minor') : undefined,
  };
}

function readResource(
  item: Json,
  sections: Map<string, string>,
  warnings: Warnings,
): StatusComponent | string {
  const attributes = attributesOf(item);
  const id = asString(item['id']);
  const name = plainText(attributes['public_name']);
  if (!id || !name) return 'it has no id or public_name';
  const explanation = plainText(attributes['explanation']);
  const days = asArray(attributes['status_history'])
    .map(readHistoryDay)
    .filter((day) => day !== undefined);
  const history = readComponentHistory(days, (message) => warnings.add(`${name}: ${message}`));
  return {
    id,
    name,
    status: RESOURCE_STATUS[state(attributes['status']) ?? ''] ?? 'unknown',
    group: sections.get(asString(attributes['status_page_section_id']) ?? ''),
    description: explanation || undefined,
    ...(history && { history }),
  };
}

function readUpdates(
  report: Json,
  updatesById: Map<string, Json>,
  status: IncidentUpdate['status'],
): IncidentUpdate[] {
  const relationships = isObject(report['relationships']) ? report['relationships'] : {};
  const related = isObject(relationships['status_updates'])
    ? asArray(relationships['status_updates']['data'])
    : [];
  const updates: IncidentUpdate[] = [];
  for (const ref of related) {
    const id = isObject(ref) ? asString(ref['id']) : undefined;
    const update = id ? updatesById.get(id) : undefined;
    if (!id || !update) continue;
    const attributes = attributesOf(update);
    const createdAt = isoDate(attributes['published_at']) ?? isoDate(attributes['created_at']);
    if (createdAt) updates.push({ id, status, body: plainText(attributes['message']), createdAt });
  }
  return sortNewestFirst(updates);
}

function readReport(
  item: Json,
  updatesById: Map<string, Json>,
  now: string,
): Incident | Maintenance | string {
  const attributes = attributesOf(item);
  const id = asString(item['id']);
  const name = plainText(attributes['title']);
  if (!id || !name) return 'it has no id or title';
  const startsAt = isoDate(attributes['starts_at']);
  if (!startsAt) return 'it has no readable starts_at';
  const endsAt = isoDate(attributes['ends_at']);
  const aggregate = state(attributes['aggregate_state']);
  const affected = asArray(attributes['affected_resources']).filter(isObject);
  const components = affected
    .map((resource) => asString(resource['status_page_resource_id']))
    .filter((resourceId): resourceId is string => resourceId !== undefined);
  const common = { id, name, createdAt: startsAt, components };

  if (state(attributes['report_type']) === 'maintenance') {
    const status: MaintenanceStatus =
      endsAt && endsAt <= now ? 'completed' : startsAt > now ? 'scheduled' : 'in_progress';
    const updates = readUpdates(item, updatesById, status);
    return {
      ...common,
      status,
      impact: 'maintenance',
      updatedAt: updates[0]?.createdAt ?? startsAt,
      scheduledFor: startsAt,
      scheduledUntil: endsAt,
      updates,
    };
  }
  const resolved =
    aggregate === 'operational' ||
    (affected.length > 0 && affected.every((resource) => state(resource['status']) === 'resolved'));
  const status: IncidentStatus = resolved ? 'resolved' : 'investigating';
  const updates = readUpdates(item, updatesById, status);
  const updatedAt = updates[0]?.createdAt ?? startsAt;
  return withTextPromise({
    ...common,
    status,
    impact: aggregate === 'downtime' ? 'major' : 'minor',
    updatedAt,
    resolvedAt: resolved ? (endsAt ?? updatedAt) : undefined,
    updates,
  });
}

/** Reads a parsed `index.json` body. */
export function readBetterStackIndex(
  body: unknown,
  url: string,
  now = new Date().toISOString(),
): StatusSnapshot {
  if (!betterStackRules.matchesBody(body) || !isObject(body) || !isObject(body['data'])) {
    throw new FeedFormatError(
      NAME,
      url,
      'the JSON has no "data" of type "status_page", so it is not a Better Stack index.json. Check the URL, or set adapter="…" to the feed\'s real format.',
    );
  }
  const page = attributesOf(body['data']);
  const warnings = new Warnings();
  const byType = new Map<string, Json[]>();
  for (const item of asArray(body['included'])) {
    const type = isObject(item) ? asString(item['type']) : undefined;
    if (!type || !isObject(item)) continue;
    // One list per type, added to in place: a copy per item is quadratic.
    const list = byType.get(type);
    if (list) list.push(item);
    else byType.set(type, [item]);
  }
  const sections = new Map<string, string>();
  for (const section of byType.get('status_page_section') ?? []) {
    const id = asString(section['id']);
    const sectionName = plainText(attributesOf(section)['name']);
    if (id && sectionName) sections.set(id, sectionName);
  }
  const updatesById = new Map<string, Json>();
  for (const update of byType.get('status_update') ?? []) {
    const id = asString(update['id']);
    if (id) updatesById.set(id, update);
  }
  // Bounded before reading: past the first resources and the newest reports, only the
  // state each adds is looked at (a resource's history is never worked out).
  const first = firstComponents(byType.get('status_page_resource') ?? [], glanceResource, warnings);
  const components = readItems(first.kept, 'resource', warnings, (item) =>
    readResource(item, sections, warnings),
  );
  const reports = bounded(
    byType.get('status_report') ?? [],
    MAX_ITEMS,
    (item) => glanceReport(item, now),
    'status reports',
    warnings,
  );
  const incidents: Incident[] = [];
  const maintenances: Maintenance[] = [];
  for (const read of readItems(reports.kept, 'status report', warnings, (item) =>
    readReport(item, updatesById, now),
  )) {
    if ('scheduledFor' in read) maintenances.push(read);
    else incidents.push(read);
  }
  const reported = PAGE_STATE[state(page['aggregate_state']) ?? ''];
  const snapshot: StatusSnapshot = {
    page: {
      name: plainText(page['company_name']) || new URL(url).hostname,
      url: safeUrl(new URL('./', url).href),
      timeZone: ianaZone(page['timezone']),
    },
    indicator: withLeftOut(
      deriveIndicator({ components, incidents, maintenances }, reported),
      first,
      reports,
    ),
    description: '',
    components,
    incidents: sortNewestFirst(incidents),
    maintenances: sortNewestFirst(maintenances),
    updatedAt: isoDate(page['updated_at']),
  };
  if (first.leftOut) snapshot.componentsLeftOut = first.leftOut;
  // Days the monitors measured, as Better Stack's own page shows them.
  if (components.some((component) => component.history)) snapshot.historySource = 'recorded';
  return warnings.attachTo(snapshot);
}

export const betterStackAdapter: FeedAdapter = {
  ...betterStackRules,
  async load(source, fetch, signal) {
    const url = betterStackIndexUrl(source);
    return readBetterStackIndex(await fetchJson(NAME, url, fetch, signal), url.href);
  },
};

/** The reader, as ./auto-rules.ts loads it on demand. */
export default betterStackAdapter;
