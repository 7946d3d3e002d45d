// Cachet v1 API (https://docs.cachethq.io/, Cachet 2.x). Enum values come from
// Cachet's source: components 0 Unknown, 1 Operational, 2 Performance Issues,
// 3 Partial Outage, 4 Major Outage (app/Models/Component.php); incidents
// 0 Scheduled, 1 Investigating, 2 Identified, 3 Watching, 4 Fixed
// (app/Models/Incident.php); schedules 0 Upcoming, 1 In progress, 2 Complete
// (app/Models/Schedule.php). Every list is `{ meta: { pagination }, data: [...] }`.
// Inferred, not documented: Cachet has no incident impact, so it is taken from the
// status of the incident's component (none stated when it names no component);
// zone-less dates are read as UTC.
import { FeedFormatError } from '../model/errors.js';
import { MAX_ITEMS } from '../model/bounds.js';
import { componentStatusToIndicator, deriveIndicator } from '../model/indicator.js';
import { withTextPromise } from '../model/promise.js';
import { isoDate, plainText, safeUrl } from '../model/sanitize.js';
import { sortNewestFirst } from '../model/sort.js';
import type {
  ComponentStatus,
  Impact,
  Incident,
  IncidentStatus,
  IncidentUpdate,
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
  breathe,
  Warnings,
  withLeftOut,
  type Glance,
  type Json,
  siteBase,
} from './read.js';
import { cachetRules } from './cachet-rules.js';
import type { FeedAdapter } from './types.js';

const NAME = cachetRules.name;

/** The install's base (`https://status.example.com/`) from it or any `/api/v1/…` URL. */
function cachetBase(source: URL): URL {
  return siteBase(source, /\/api\/v1(\/.*)?$/);
}

const COMPONENT_STATUS: Record<number, ComponentStatus> = {
  0: 'unknown',
  1: 'operational',
  2: 'degraded_performance',
  3: 'partial_outage',
  4: 'major_outage',
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

function endpoint(base: URL, path: string, perPage: number): URL {
  const url = new URL(`api/v1/${path}`, base);
  url.searchParams.set('per_page', String(perPage));
  return url;
}

/** The `data` list of a Cachet response, or a FeedFormatError. */
function dataOf(body: unknown, url: string): unknown[] {
  if (!isObject(body) || !Array.isArray(body['data'])) {
    throw new FeedFormatError(
      NAME,
      url,
      'the JSON has no "data" list, so it is not a Cachet v1 API response. Check the URL, or set adapter="…" to the feed\'s real format.',
    );
  }
  return body['data'];
}

const hidden = (item: Json, key: string) => item[key] === false || item[key] === 0;

function readComponent(item: Json, groups: Map<string, string>): StatusComponent | string {
  const id = asString(item['id']);
  const name = plainText(item['name']);
  if (!id || !name) return 'it has no id or name';
  const description = plainText(item['description']);
  return {
    id,
    name,
    status: statusOf(item),
    group: groups.get(asString(item['group_id']) ?? ''),
    description: description || undefined,
    updatedAt: isoDate(item['updated_at']),
  };
}

function affected(item: Json): string[] {
  const ids = new Set<string>();
  const single = asString(item['component_id']);
  if (single && single !== '0') ids.add(single);
  for (const component of asArray(item['components'])) {
    const id = isObject(component)
      ? asString(component['component_id'] ?? component['id'])
      : asString(component);
    if (id) ids.add(id);
  }
  return [...ids];
}

function readUpdates(
  item: Json,
  status: IncidentStatus | MaintenanceStatus,
  createdAt: string,
  id: string,
  warnings: Warnings,
): IncidentUpdate[] {
  // Cachet 2.4 may include incident updates; older versions have the message only.
  const updates = readItems<IncidentUpdate>(
    item['updates'],
    'incident update',
    warnings,
    (update) => {
      const updateId = asString(update['id']);
      const at = isoDate(update['created_at']);
      const updateStatus = INCIDENT_STATUS[asNumber(update['status']) ?? -1];
      if (!updateId || !at || !updateStatus) return 'it has no id, date or known status';
      return {
        id: updateId,
        status: updateStatus,
        body: plainText(update['message']),
        createdAt: at,
      };
    },
  );
  const message = plainText(item['message']);
  if (message) updates.push({ id: `${id}-message`, status, body: message, createdAt });
  return sortNewestFirst(updates);
}

/** Every component's status by id, the ones left unread too: what an incident's impact is taken from. */
type Statuses = Map<string, ComponentStatus>;

/** An incident's impact: its worst affected component's (see the note at the top). */
function impactOf(ids: string[], statuses: Statuses): Impact {
  if (ids.length === 0) return 'none';
  return ids.some((id) => IMPACT_OF[statuses.get(id) ?? 'unknown'] === 'major') ? 'major' : 'minor';
}

function glanceIncident(item: unknown, statuses: Statuses): Glance {
  if (!isObject(item)) return { rank: -Infinity };
  const status = INCIDENT_STATUS[asNumber(item['status']) ?? -1];
  const open = status !== undefined && status !== 'resolved';
  const impact = open ? impactOf(affected(item), statuses) : 'none';
  return {
    rank: rankOf(item['occurred_at'] ?? item['created_at'], open),
    indicator: open ? (impact === 'major' ? 'major' : 'minor') : undefined,
  };
}

function glanceSchedule(item: unknown): Glance {
  const open = isObject(item) && asNumber(item['status']) === 1;
  return {
    rank: isObject(item) ? rankOf(item['scheduled_at'], open) : -Infinity,
    indicator: open ? 'maintenance' : undefined,
  };
}

function statusOf(item: Json): ComponentStatus {
  return COMPONENT_STATUS[asNumber(item['status']) ?? 0] ?? 'unknown';
}

function readIncident(
  item: Json,
  statuses: Statuses,
  warnings: Warnings,
): Incident | Maintenance | string {
  const id = asString(item['id']);
  const name = plainText(item['name']);
  if (!id || !name) return 'it has no id or name';
  const statusNumber = asNumber(item['status']);
  const createdAt = isoDate(item['occurred_at']) ?? isoDate(item['created_at']);
  if (!createdAt) return 'it has no readable date';
  const updatedAt = isoDate(item['updated_at']) ?? createdAt;
  const common = {
    id,
    name,
    createdAt,
    updatedAt,
    url: safeUrl(item['permalink']),
    components: affected(item),
  };
  if (statusNumber === 0) {
    // Cachet before 2.4 kept scheduled maintenance as incidents with status 0.
    const scheduledFor = isoDate(item['scheduled_at']) ?? createdAt;
    return {
      ...common,
      status: 'scheduled',
      impact: 'maintenance',
      scheduledFor,
      updates: readUpdates(item, 'scheduled', createdAt, id, warnings),
    };
  }
  const status = INCIDENT_STATUS[statusNumber ?? -1];
  if (!status)
    return `its status ${JSON.stringify(item['status'])} is not a Cachet incident status`;
  // The worst affected component gives the impact (minor when none tells); an
  // incident that names no component (component_id 0) states no impact at all.
  return withTextPromise({
    ...common,
    status,
    impact: impactOf(common.components, statuses),
    resolvedAt: status === 'resolved' ? updatedAt : undefined,
    updates: readUpdates(item, status, updatedAt, id, warnings),
  });
}

function readSchedule(item: Json, warnings: Warnings): Maintenance | string {
  const id = asString(item['id']);
  const name = plainText(item['name']);
  if (!id || !name) return 'it has no id or name';
  const status = SCHEDULE_STATUS[asNumber(item['status']) ?? -1];
  if (!status)
    return `its status ${JSON.stringify(item['status'])} is not a Cachet schedule status`;
  const scheduledFor = isoDate(item['scheduled_at']);
  if (!scheduledFor) return 'it has no readable scheduled_at';
  const createdAt = isoDate(item['created_at']) ?? scheduledFor;
  return {
    id: `schedule-${id}`,
    name,
    status,
    impact: 'maintenance',
    createdAt,
    updatedAt: isoDate(item['updated_at']) ?? createdAt,
    scheduledFor,
    scheduledUntil: isoDate(item['completed_at']),
    components: affected(item),
    updates: readUpdates(item, status, createdAt, `schedule-${id}`, warnings),
  };
}

/** A secondary list (groups, schedules): missing on older installs, so never fatal. */
async function optionalList(
  url: URL,
  fetch: typeof globalThis.fetch,
  signal: AbortSignal | undefined,
  warnings: Warnings,
  what: string,
): Promise<unknown[]> {
  try {
    return dataOf(await fetchJson(NAME, url, fetch, signal), url.href);
  } catch (error) {
    if (isAbort(error, signal)) throw error;
    warnings.add(`${what} were not loaded from ${url.href}: ${reason(error)}`);
    return [];
  }
}

export const cachetAdapter: FeedAdapter = {
  ...cachetRules,
  async load(source, fetch, signal): Promise<StatusSnapshot> {
    const base = cachetBase(source);
    const warnings = new Warnings();
    const componentsUrl = endpoint(base, 'components', 100);
    const incidentsUrl = endpoint(base, 'incidents', 50);
    incidentsUrl.searchParams.set('sort', 'id');
    incidentsUrl.searchParams.set('order', 'desc');
    const [componentBody, incidentBody, schedules] = await Promise.all([
      fetchJson(NAME, componentsUrl, fetch, signal),
      fetchJson(NAME, incidentsUrl, fetch, signal),
      optionalList(endpoint(base, 'schedules', 50), fetch, signal, warnings, 'Schedules'),
    ]);
    const componentItems = dataOf(componentBody, componentsUrl.href).filter(
      (item) => !isObject(item) || !hidden(item, 'enabled'),
    );
    const incidentItems = dataOf(incidentBody, incidentsUrl.href);

    // Group names live in their own list; fetch it only when a component is grouped.
    const groups = new Map<string, string>();
    const grouped = componentItems.some(
      (item) => isObject(item) && (asNumber(item['group_id']) ?? 0) > 0,
    );
    if (grouped) {
      const url = endpoint(base, 'components/groups', 100);
      for (const group of await optionalList(url, fetch, signal, warnings, 'Component groups')) {
        const id = isObject(group) ? asString(group['id']) : undefined;
        if (id && isObject(group)) groups.set(id, plainText(group['name']));
      }
    }

    // Bounded before reading: past the first components and the newest incidents and
    // schedules, only the state each adds is looked at.
    const statuses: Statuses = new Map();
    for (const item of componentItems) {
      const id = isObject(item) ? asString(item['id']) : undefined;
      if (id && isObject(item)) statuses.set(id, statusOf(item));
    }
    const first = firstComponents(
      componentItems,
      (item) => (isObject(item) ? componentStatusToIndicator(statusOf(item)) : undefined),
      warnings,
    );
    const components = readItems(first.kept, 'component', warnings, (item) =>
      readComponent(item, groups),
    );
    await breathe(statuses.size);
    const incidents: Incident[] = [];
    const maintenances: Maintenance[] = [];
    // Hidden incidents are not public; Cachet sends them only to signed-in clients.
    const visible = incidentItems.filter((item) => !isObject(item) || !hidden(item, 'visible'));
    const live = bounded(
      visible,
      MAX_ITEMS,
      (item) => glanceIncident(item, statuses),
      'incidents',
      warnings,
    );
    for (const read of readItems(live.kept, 'incident', warnings, (item) =>
      readIncident(item, statuses, warnings),
    )) {
      if ('scheduledFor' in read) maintenances.push(read);
      else incidents.push(read);
    }
    const planned = bounded(schedules, MAX_ITEMS, glanceSchedule, 'schedules', warnings);
    maintenances.push(
      ...readItems(planned.kept, 'schedule', warnings, (item) => readSchedule(item, warnings)),
    );

    const snapshot: StatusSnapshot = {
      page: { name: base.hostname, url: base.href },
      indicator: withLeftOut(
        deriveIndicator({ components, incidents, maintenances }),
        first,
        live,
        planned,
      ),
      description: '',
      components,
      incidents: sortNewestFirst(incidents),
      pastIncidentsRead: true, // the newest 50, resolved ones included
      maintenances: sortNewestFirst(maintenances),
    };
    if (first.leftOut) snapshot.componentsLeftOut = first.leftOut;
    return warnings.attachTo(snapshot);
  },
};

/** The reader, as ./registry.ts loads it on demand. */
export default cachetAdapter;
