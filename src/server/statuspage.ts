// The Statuspage v2 public API (developer.statuspage.io), with its field names and
// enum values, so existing Statuspage clients read this server unchanged.
import { createHash } from 'node:crypto';
import { isActiveIncident, isActiveMaintenance } from '../model/indicator.js';
import type {
  ComponentStatus,
  Incident,
  Indicator,
  Maintenance,
  StatusComponent,
  StatusSnapshot,
} from '../model/types.js';
import type { ServerData } from './data.js';
import { toSnapshot } from './feed.js';

// Statuspage's status.indicator has no "maintenance" (its docs: none, minor, major,
// critical); maintenance shows through the components and scheduled_maintenances.
// Nor has it "unknown" (a relay whose source is silent): "none" would be a false
// "All Systems Operational", and "minor" an alarm nothing backs, so it says
// "unknown", with "Status Unknown since …" as the description.
const INDICATOR: Record<Indicator, string> = {
  operational: 'none',
  maintenance: 'none',
  unknown: 'unknown',
  minor: 'minor',
  major: 'major',
  critical: 'critical',
};

// A group's status is its worst child's.
const COMPONENT_RANK: Record<ComponentStatus, number> = {
  unknown: -1,
  operational: 0,
  under_maintenance: 1,
  degraded_performance: 2,
  partial_outage: 3,
  major_outage: 4,
};

/** Bodies and names are plain text in our model; Statuspage readers treat them as HTML. */
function html(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function shortId(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

export function groupId(name: string): string {
  return `group-${shortId(name)}`;
}

function pageObject(data: ServerData) {
  return {
    id: shortId(data.page.name),
    name: data.page.name,
    url: data.page.url ?? null,
    time_zone: data.page.timeZone ?? 'Etc/UTC',
    updated_at: data.updatedAt,
  };
}

function componentObject(data: ServerData, component: StatusComponent, position: number) {
  return {
    id: component.id,
    name: html(component.name),
    status: component.status,
    created_at: component.updatedAt ?? data.updatedAt,
    updated_at: component.updatedAt ?? data.updatedAt,
    position,
    description: component.description ? html(component.description) : null,
    showcase: true,
    start_date: null,
    group_id: component.group ? groupId(component.group) : null,
    page_id: pageObject(data).id,
    group: false,
    only_show_if_degraded: false,
  };
}

/** Components with their groups: a group is a component with `group: true` and child ids. */
function componentObjects(data: ServerData) {
  const result: Record<string, unknown>[] = [];
  const groups = new Map<string, StatusComponent[]>();
  for (const component of data.components) {
    if (!component.group) continue;
    const members = groups.get(component.group) ?? [];
    members.push(component);
    groups.set(component.group, members);
  }
  const placed = new Set<string>();
  data.components.forEach((component, index) => {
    const group = component.group;
    if (group && !placed.has(group)) {
      placed.add(group);
      const members = groups.get(group)!;
      const worst = members.reduce((a, b) =>
        COMPONENT_RANK[b.status] > COMPONENT_RANK[a.status] ? b : a,
      );
      const updatedAt = members
        .map((m) => m.updatedAt ?? data.updatedAt)
        .sort()
        .at(-1)!;
      result.push({
        id: groupId(group),
        name: html(group),
        status: worst.status,
        created_at: updatedAt,
        updated_at: updatedAt,
        position: result.length + 1,
        description: null,
        showcase: true,
        start_date: null,
        group_id: null,
        page_id: pageObject(data).id,
        group: true,
        only_show_if_degraded: false,
        components: members.map((m) => m.id),
      });
    }
    result.push(componentObject(data, component, index + 1));
  });
  return result;
}

function itemObject(data: ServerData, item: Incident | Maintenance) {
  const byId = new Map(
    data.components.map((c, index) => [c.id, componentObject(data, c, index + 1)]),
  );
  const updates = item.updates; // newest first, as Statuspage lists them
  const monitoring = [...updates].reverse().find((update) => update.status === 'monitoring');
  const postmortem = item.postmortemUrl
    ? (updates.find((update) => update.status === 'postmortem')?.createdAt ?? item.updatedAt)
    : null;
  return {
    id: item.id,
    name: html(item.name),
    status: item.status,
    created_at: item.createdAt,
    updated_at: item.updatedAt,
    monitoring_at: monitoring?.createdAt ?? null,
    resolved_at: item.resolvedAt ?? null,
    impact: item.impact,
    shortlink: item.url ?? null,
    started_at: item.createdAt,
    page_id: pageObject(data).id,
    incident_updates: updates.map((update) => ({
      id: update.id,
      status: update.status,
      body: html(update.body),
      incident_id: item.id,
      created_at: update.createdAt,
      updated_at: update.createdAt,
      display_at: update.createdAt,
      affected_components: null,
      deliver_notifications: true,
      custom_tweet: null,
      tweet_id: null,
    })),
    postmortem_body: null,
    postmortem_published_at: postmortem,
    components: item.components.flatMap((id) => byId.get(id) ?? []),
  };
}

function maintenanceObject(data: ServerData, maintenance: Maintenance) {
  return {
    ...itemObject(data, maintenance),
    scheduled_for: maintenance.scheduledFor,
    scheduled_until: maintenance.scheduledUntil ?? null,
  };
}

/** Every Statuspage v2 document, by path under /api/v2/. */
export function statuspageDocuments(
  data: ServerData,
  snapshot: StatusSnapshot = toSnapshot(data),
): Record<string, unknown> {
  const view: ServerData = {
    ...data,
    incidents: snapshot.incidents,
    maintenances: snapshot.maintenances,
  };
  const page = pageObject(data);
  const status = { indicator: INDICATOR[snapshot.indicator], description: snapshot.description };
  const incidents = view.incidents.map((incident) => itemObject(view, incident));
  const unresolved = view.incidents
    .filter(isActiveIncident)
    .map((incident) => itemObject(view, incident));
  const maintenances = view.maintenances.map((item) => maintenanceObject(view, item));
  const upcoming = view.maintenances
    .filter((item) => item.status === 'scheduled')
    .sort((a, b) => Date.parse(a.scheduledFor) - Date.parse(b.scheduledFor))
    .map((item) => maintenanceObject(view, item));
  const active = view.maintenances
    .filter(isActiveMaintenance)
    .map((item) => maintenanceObject(view, item));
  const components = componentObjects(view);
  return {
    'summary.json': {
      page,
      components,
      incidents: unresolved,
      scheduled_maintenances: [...active, ...upcoming],
      status,
    },
    'status.json': { page, status },
    'components.json': { page, components },
    'incidents.json': { page, incidents },
    'incidents/unresolved.json': { page, incidents: unresolved },
    'scheduled-maintenances.json': { page, scheduled_maintenances: maintenances },
    'scheduled-maintenances/upcoming.json': { page, scheduled_maintenances: upcoming },
    'scheduled-maintenances/active.json': { page, scheduled_maintenances: active },
  };
}
