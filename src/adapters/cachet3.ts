// Cachet 3.x (https://github.com/cachethq/core), a JSON:API under `/api/`: each
// item is `{ id, type, attributes, relationships }`, related items (a component's
// group, an incident's components and updates) come in `included` when asked for
// with `?include=` (src/Http/Resources/*.php). Enums are `{ human, value }`
// objects, or a bare number in some versions; dates are `{ human, string }` with a
// zone-less string ("2024-03-04 10:00:00", read as UTC, as in Cachet 2).
// Component statuses (src/Enums/ComponentStatusEnum.php): 1 Operational,
// 2 Performance Issues, 3 Partial Outage, 4 Major Outage, 5 Unknown, 6 Under
// maintenance. Incidents (IncidentStatusEnum): 1 Investigating, 2 Identified,
// 3 Watching, 4 Fixed. Schedules (ScheduleStatusEnum): 0 Upcoming, 1 In progress,
// 2 Complete. `/api/status` gives the page's name and its own summary line.
// Inferred, not documented: an incident's impact is its worst affected
// component's (none stated when it names no component), as for Cachet 2; the
// system status strings of `/api/status` are read as SystemStatusEnum's case names.
import { FeedFormatError } from '../model/errors.js';
import { MAX_ITEMS } from '../model/bounds.js';
import { componentStatusToIndicator, deriveIndicator } from '../model/indicator.js';
import { pathSegment } from '../model/incident-url.js';
import { withTextPromise } from '../model/promise.js';
import { isoDate, plainText } from '../model/sanitize.js';
import { sortNewestFirst } from '../model/sort.js';
import type {
  ComponentStatus,
  Impact,
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
  asNumber,
  asString,
  bounded,
  fetchJson,
  firstComponents,
  isAbort,
  isObject,
  rankOf,
  readItems,
  reason,
  Warnings,
  withLeftOut,
  type Glance,
  type Json,
} from './read.js';
import { cachet3Base, cachet3Rules } from './cachet3-rules.js';
import type { FeedAdapter } from './types.js';

const NAME = cachet3Rules.name;

const COMPONENT_STATUS: Record<number, ComponentStatus> = {
  1: 'operational',
  2: 'degraded_performance',
  3: 'partial_outage',
  4: 'major_outage',
  5: 'unknown',
  6: 'under_maintenance',
};
const INCIDENT_STATUS: Record<number, IncidentStatus> = {
  1: 'investigating',
  2: 'identified',
  3: 'monitoring',
  4: 'resolved',
};
const SCHEDULE_STATUS: Record<number, MaintenanceStatus> = {
  0: 'scheduled',
  1: 'in_progress',
  2: 'completed',
};
const IMPACT_OF: Partial<Record<ComponentStatus, Impact>> = {
  degraded_performance: 'minor',
  partial_outage: 'minor',
  major_outage: 'major',
};
const SYSTEM_STATUS: Record<string, Indicator> = {
  operational: 'operational',
  partial_outage: 'minor',
  major_outage: 'major',
  under_maintenance: 'maintenance',
};

/** An enum's value: `{ human, value }` or the bare number. */
const enumValue = (value: unknown) => asNumber(isObject(value) ? value['value'] : value);

/** A date: `{ human, string }` or the bare string. */
const dateOf = (value: unknown) => isoDate(isObject(value) ? value['string'] : value);

/** JSON:API included items by "type:id". */
type Included = Map<string, Json>;

const key = (ref: unknown) =>
  isObject(ref) ? `${asString(ref['type']) ?? ''}:${asString(ref['id']) ?? ''}` : '';

function related(item: Json, name: string, included: Included): Json[] {
  const relationships = isObject(item['relationships']) ? item['relationships'] : {};
  const relation = relationships[name];
  const data = isObject(relation) ? relation['data'] : undefined;
  const refs = Array.isArray(data) ? data : data ? [data] : [];
  return refs.flatMap((ref) => {
    const found = included.get(key(ref));
    return found ? [found] : [];
  });
}

const attributesOf = (item: Json): Json => (isObject(item['attributes']) ? item['attributes'] : {});

const idOf = (item: Json) => asString(item['id']) ?? asString(attributesOf(item)['id']);

/** A JSON:API list: its `data` items and its `included` ones, or a FeedFormatError. */
function jsonApiList(body: unknown, url: string): { data: unknown[]; included: Included } {
  if (!isObject(body) || !Array.isArray(body['data'])) {
    throw new FeedFormatError(
      NAME,
      url,
      'the JSON has no "data" list, so it is not a Cachet 3 API response. Check the URL, or set adapter="…" to the feed\'s real format (adapter="cachet" for Cachet 2).',
    );
  }
  const included: Included = new Map();
  for (const item of asArray(body['included'])) if (isObject(item)) included.set(key(item), item);
  return { data: body['data'], included };
}

function readComponent(item: Json, included: Included): StatusComponent | string {
  const attributes = attributesOf(item);
  const id = idOf(item);
  const name = plainText(attributes['name']);
  if (!id || !name) return 'it has no id or name';
  const group = related(item, 'group', included)[0];
  const description = plainText(attributes['description']);
  return {
    id,
    name,
    status: statusOf(item),
    group: group ? plainText(attributesOf(group)['name']) || undefined : undefined,
    description: description || undefined,
    updatedAt: dateOf(attributes['updated']),
  };
}

function affected(item: Json, included: Included): string[] {
  const ids = new Set<string>();
  const single = asString(attributesOf(item)['component_id']);
  if (single && single !== '0') ids.add(single);
  for (const component of related(item, 'components', included)) {
    const id = idOf(component);
    if (id) ids.add(id);
  }
  return [...ids];
}

function readUpdates(
  item: Json,
  included: Included,
  fallback: IncidentStatus | MaintenanceStatus,
  createdAt: string,
  id: string,
  warnings: Warnings,
): IncidentUpdate[] {
  const updates = readItems<IncidentUpdate>(
    related(item, 'updates', included),
    'update',
    warnings,
    (update) => {
      const attributes = attributesOf(update);
      const updateId = idOf(update);
      const at = dateOf(attributes['created']);
      if (!updateId || !at) return 'it has no id or date';
      // A schedule's updates carry no status: they share the schedule's.
      const status = isObject(attributes['status'])
        ? INCIDENT_STATUS[enumValue(attributes['status']) ?? -1]
        : fallback;
      if (!status) return 'its status is not a Cachet incident status';
      return { id: updateId, status, body: plainText(attributes['message']), createdAt: at };
    },
  );
  const message = plainText(attributesOf(item)['message']);
  if (message) updates.push({ id: `${id}-message`, status: fallback, body: message, createdAt });
  return sortNewestFirst(updates);
}

/** Every component's status by id, the ones left unread too: what an incident's impact is taken from. */
type Statuses = Map<string, ComponentStatus>;

const statusOf = (item: Json): ComponentStatus =>
  COMPONENT_STATUS[enumValue(attributesOf(item)['status']) ?? -1] ?? 'unknown';

/** An incident's impact: its worst affected component's (see the note at the top). */
function impactOf(ids: string[], statuses: Statuses): Impact {
  if (ids.length === 0) return 'none';
  return ids.some((id) => IMPACT_OF[statuses.get(id) ?? 'unknown'] === 'major') ? 'major' : 'minor';
}

function glanceIncident(item: unknown, included: Included, statuses: Statuses): Glance {
  if (!isObject(item)) return { rank: -Infinity };
  const attributes = attributesOf(item);
  const status = INCIDENT_STATUS[enumValue(attributes['status']) ?? -1];
  const open = status !== undefined && status !== 'resolved';
  const impact = open ? impactOf(affected(item, included), statuses) : 'none';
  const date = attributes['occurred'] ?? attributes['created'];
  return {
    rank: rankOf(isObject(date) ? date['string'] : date, open),
    indicator: open ? (impact === 'major' ? 'major' : 'minor') : undefined,
  };
}

function glanceSchedule(item: unknown): Glance {
  if (!isObject(item)) return { rank: -Infinity };
  const attributes = attributesOf(item);
  const open = enumValue(attributes['status']) === 1;
  const date = attributes['scheduled'];
  return {
    rank: rankOf(isObject(date) ? date['string'] : date, open),
    indicator: open ? 'maintenance' : undefined,
  };
}

function readIncident(
  item: Json,
  included: Included,
  statuses: Statuses,
  base: URL,
  warnings: Warnings,
): Incident | string {
  const attributes = attributesOf(item);
  const id = idOf(item);
  const name = plainText(attributes['name']);
  if (!id || !name) return 'it has no id or name';
  const status = INCIDENT_STATUS[enumValue(attributes['status']) ?? -1];
  if (!status)
    return `its status ${JSON.stringify(attributes['status'])} is not a Cachet incident status`;
  const createdAt = dateOf(attributes['occurred']) ?? dateOf(attributes['created']);
  if (!createdAt) return 'it has no readable date';
  const updatedAt = dateOf(attributes['updated']) ?? createdAt;
  const ids = affected(item, included);
  const guid = asString(attributes['guid']);
  return withTextPromise({
    id,
    name,
    status,
    impact: impactOf(ids, statuses),
    createdAt,
    updatedAt,
    resolvedAt: status === 'resolved' ? updatedAt : undefined,
    // Cachet 3's own page shows an incident at /incidents/<guid>.
    url: guid ? new URL(`incidents/${pathSegment(guid)}`, base).href : undefined,
    components: ids,
    updates: readUpdates(item, included, status, updatedAt, id, warnings),
  });
}

function readSchedule(item: Json, included: Included, warnings: Warnings): Maintenance | string {
  const attributes = attributesOf(item);
  const id = idOf(item);
  const name = plainText(attributes['name']);
  if (!id || !name) return 'it has no id or name';
  const status = SCHEDULE_STATUS[enumValue(attributes['status']) ?? -1];
  if (!status)
    return `its status ${JSON.stringify(attributes['status'])} is not a Cachet schedule status`;
  const scheduledFor = dateOf(attributes['scheduled']);
  if (!scheduledFor) return 'it has no readable scheduled date';
  const createdAt = dateOf(attributes['created']) ?? scheduledFor;
  return {
    id: `schedule-${id}`,
    name,
    status,
    impact: 'maintenance',
    createdAt,
    updatedAt: dateOf(attributes['updated']) ?? createdAt,
    scheduledFor,
    scheduledUntil: dateOf(attributes['completed']),
    components: affected(item, included),
    updates: readUpdates(item, included, status, createdAt, `schedule-${id}`, warnings),
  };
}

/** A request whose failure costs a part of the page, never the whole of it. */
async function optional(
  url: URL,
  fetch: typeof globalThis.fetch,
  signal: AbortSignal | undefined,
  warnings: Warnings,
  what: string,
): Promise<unknown> {
  try {
    return await fetchJson(NAME, url, fetch, signal);
  } catch (error) {
    if (isAbort(error, signal)) throw error;
    warnings.add(`${what} were not loaded from ${url.href}: ${reason(error)}`);
    return undefined;
  }
}

function endpoint(base: URL, path: string, query: Record<string, string>): URL {
  const url = new URL(`api/${path}`, base);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  return url;
}

export const cachet3Adapter: FeedAdapter = {
  ...cachet3Rules,
  async load(source, fetch, signal): Promise<StatusSnapshot> {
    const base = cachet3Base(source);
    const warnings = new Warnings();
    const componentsUrl = endpoint(base, 'components', { per_page: '100', include: 'group' });
    const incidentsUrl = endpoint(base, 'incidents', {
      per_page: '50',
      sort: '-id',
      include: 'components,updates',
    });
    const schedulesUrl = endpoint(base, 'schedules', {
      per_page: '50',
      include: 'components,updates',
    });
    const [componentBody, incidentBody, scheduleBody, statusBody] = await Promise.all([
      fetchJson(NAME, componentsUrl, fetch, signal),
      fetchJson(NAME, incidentsUrl, fetch, signal),
      optional(schedulesUrl, fetch, signal, warnings, 'Schedules'),
      optional(endpoint(base, 'status', {}), fetch, signal, warnings, 'The page status'),
    ]);

    const componentList = jsonApiList(componentBody, componentsUrl.href);
    // A disabled component is not on the page.
    const enabled = componentList.data.filter(
      (item) => !isObject(item) || attributesOf(item)['enabled'] !== false,
    );
    // Bounded before reading: past the first components and the newest incidents and
    // schedules, only the state each adds is looked at.
    const statuses: Statuses = new Map();
    for (const item of enabled) {
      const id = isObject(item) ? idOf(item) : undefined;
      if (id && isObject(item)) statuses.set(id, statusOf(item));
    }
    const first = firstComponents(
      enabled,
      (item) => (isObject(item) ? componentStatusToIndicator(statusOf(item)) : undefined),
      warnings,
    );
    const components = readItems(first.kept, 'component', warnings, (item) =>
      readComponent(item, componentList.included),
    );
    const incidentList = jsonApiList(incidentBody, incidentsUrl.href);
    const live = bounded(
      // Hidden incidents are not public.
      incidentList.data.filter(
        (item) => !isObject(item) || attributesOf(item)['visible'] !== false,
      ),
      MAX_ITEMS,
      (item) => glanceIncident(item, incidentList.included, statuses),
      'incidents',
      warnings,
    );
    const incidents = readItems(live.kept, 'incident', warnings, (item) =>
      readIncident(item, incidentList.included, statuses, base, warnings),
    );
    const scheduleList =
      scheduleBody === undefined ? undefined : jsonApiList(scheduleBody, schedulesUrl.href);
    const planned = bounded(
      scheduleList?.data ?? [],
      MAX_ITEMS,
      glanceSchedule,
      'schedules',
      warnings,
    );
    const maintenances = scheduleList
      ? readItems(planned.kept, 'schedule', warnings, (item) =>
          readSchedule(item, scheduleList.included, warnings),
        )
      : [];

    const status =
      isObject(statusBody) && isObject(statusBody['data']) ? attributesOf(statusBody['data']) : {};
    const reported = SYSTEM_STATUS[asString(status['status']) ?? ''];
    const indicator = withLeftOut(
      deriveIndicator({ components, incidents, maintenances }, reported),
      first,
      live,
      planned,
    );
    const snapshot: StatusSnapshot = {
      page: { name: plainText(status['name']) || base.hostname, url: base.href },
      indicator,
      // The source's own line only when it describes the indicator shown, so that the
      // words and the colour never disagree (docs/feeds.md, "The overall state").
      description: indicator === reported ? plainText(status['label']) : '',
      components,
      incidents: sortNewestFirst(incidents),
      pastIncidentsRead: true, // resolved ones included
      maintenances: sortNewestFirst(maintenances),
    };
    if (first.leftOut) snapshot.componentsLeftOut = first.leftOut;
    return warnings.attachTo(snapshot);
  },
};

/** The reader, as ./auto-rules.ts loads it on demand. */
export default cachet3Adapter;
