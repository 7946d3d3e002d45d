// Every change the admin API (and the demo scenario) can make, as functions that
// validate their input completely and then edit a draft of the data. They throw a
// RequestError before touching the draft, so a bad request changes nothing.
import { randomBytes } from 'node:crypto';
import { updateDue, UPDATE_INTERVAL_MS } from '../model/overdue.js';
import {
  COMPONENT_STATUSES,
  INCIDENT_STATUSES,
  MAINTENANCE_STATUSES,
  type ComponentStatus,
  type Impact,
  type Incident,
  type IncidentUpdate,
  type Maintenance,
  type StatusPage,
} from '../model/types.js';
import { dropUndefined, type ServerData } from './data.js';
import { invalid, notFound } from './errors.js';
import { checkId, Fields } from './fields.js';
import { LIMITS, limitReached } from './limits.js';
import { readTemplateRequest, renderTemplate } from './templates.js';

const SETTABLE_STATUSES = COMPONENT_STATUSES.filter((status) => status !== 'unknown');
const INCIDENT_IMPACTS: readonly Impact[] = ['none', 'minor', 'major', 'critical'];
const MAX_NAME = 200;
const MAX_BODY = 5000;
/** A filled-in template: its wording and vars are bounded, but repeats multiply them. */
const MAX_RENDERED_BODY = 10_000;

export function newId(): string {
  // Statuspage-like: 12 lowercase letters and digits.
  return randomBytes(9)
    .toString('base64url')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '0')
    .slice(0, 12);
}

function minutesLater(now: Date, minutes: number | undefined): Date | undefined {
  return minutes === undefined ? undefined : new Date(now.getTime() + minutes * 60_000);
}

/** The update's text: `body`, or a template filled with `vars`. */
function readBody(body: Fields, data: ServerData, next?: Date, now?: Date): string {
  const template = readTemplateRequest(body, data.templates);
  if (template && body.has('body'))
    throw invalid('body', 'must not be given together with template');
  if (!template) {
    if (!body.has('body')) throw invalid('body', 'is required (or give template and vars)');
    return body.text('body', MAX_BODY);
  }
  const text = renderTemplate(template, next, data.page.timeZone, now?.getTime());
  if (text.length > MAX_RENDERED_BODY) {
    throw invalid('vars', `must fill the template to at most ${MAX_RENDERED_BODY} characters`);
  }
  return text;
}

/** Refuses a new incident or maintenance past the limit (resolved history is archived first). */
function checkRoomForItem(items: readonly unknown[], what: string): void {
  if (items.length >= LIMITS.items) {
    throw limitReached(
      `A new ${what}`,
      LIMITS.items,
      `Resolve or complete some: resolved history moves to the archive file.`,
    );
  }
}

/** Refuses an update that would give one item more updates or components than a file holds. */
function checkRoomForUpdate(item: Incident | Maintenance, addedComponents: readonly string[]) {
  if (item.updates.length >= LIMITS.updatesPerItem) {
    throw limitReached(
      `Another update on "${item.id}"`,
      LIMITS.updatesPerItem,
      'Resolve it and open a new one for what follows.',
    );
  }
  const affected = new Set([...item.components, ...addedComponents]);
  if (affected.size > LIMITS.affectedPerItem) {
    throw limitReached(
      `The components "${item.id}" affects`,
      LIMITS.affectedPerItem,
      'Name fewer components.',
    );
  }
}

/** The status a template suggests, when the request names none. */
function templateStatus<T extends string>(body: Fields, data: ServerData, allowed: readonly T[]) {
  const template = readTemplateRequest(body, data.templates)?.template;
  return template?.status && (allowed as readonly string[]).includes(template.status)
    ? (template.status as T)
    : undefined;
}

/** `[{ id, status }]`: affected components and their new status; ids must exist. */
function readComponentChanges(body: Fields, data: ServerData) {
  return (body.array('components', 200) ?? []).map((value, index) => {
    const item = Fields.of(value, `components[${index}]`).only(['id', 'status']);
    const id = checkId(item.value['id'], item.path('id'));
    if (!data.components.some((component) => component.id === id)) {
      throw invalid(item.path('id'), `must name an existing component (there is no "${id}")`);
    }
    return { id, status: item.oneOf('status', SETTABLE_STATUSES) };
  });
}

function applyComponentChanges(
  data: ServerData,
  changes: readonly { id: string; status: ComponentStatus }[],
  now: Date,
): void {
  for (const change of changes) {
    const component = data.components.find((item) => item.id === change.id)!;
    if (component.status !== change.status) {
      component.status = change.status;
      component.updatedAt = now.toISOString();
    }
  }
}

/** Components an item affected go back to operational, unless this update set them. */
function restoreComponents(
  data: ServerData,
  affected: readonly string[],
  changes: readonly { id: string }[],
  now: Date,
): void {
  const named = new Set(changes.map((change) => change.id));
  applyComponentChanges(
    data,
    affected
      .filter((id) => !named.has(id) && data.components.some((component) => component.id === id))
      .map((id) => ({ id, status: 'operational' as const })),
    now,
  );
}

function addUpdate<T extends Incident | Maintenance>(
  item: T,
  status: T['status'],
  body: string,
  now: Date,
  next: Date | undefined,
): IncidentUpdate {
  const update: IncidentUpdate = { id: newId(), status, body, createdAt: now.toISOString() };
  item.updates.unshift(update);
  item.status = status;
  item.updatedAt = update.createdAt;
  if (next) item.nextUpdateAt = next.toISOString();
  else delete item.nextUpdateAt;
  return update;
}

function addAffected(item: Incident | Maintenance, ids: readonly string[]): void {
  for (const id of ids) if (!item.components.includes(id)) item.components.push(id);
}

function isClosed(status: Incident['status']): boolean {
  return status === 'resolved' || status === 'postmortem';
}

/**
 * `nextUpdateInMinutes`: a promise only an open incident can keep, so creating and
 * updating refuse it alike on a resolved one.
 */
function readPromise(body: Fields, status: Incident['status']): number | undefined {
  const minutes = body.integer('nextUpdateInMinutes', 1, 1440);
  if (isClosed(status) && minutes !== undefined) {
    throw invalid('nextUpdateInMinutes', `must not be given when the status is ${status}`);
  }
  return minutes;
}

const INCIDENT_FIELDS = ['name', 'impact', 'status', 'body', 'template', 'vars', 'locale'];

/** POST /admin/incidents */
export function createIncident(data: ServerData, input: unknown, now: Date): Incident {
  const body = Fields.of(input, '').only([...INCIDENT_FIELDS, 'components', 'nextUpdateInMinutes']);
  const name = body.text('name', MAX_NAME);
  const impact = body.oneOf('impact', INCIDENT_IMPACTS);
  const status =
    body.oneOf('status', INCIDENT_STATUSES, true) ??
    templateStatus(body, data, INCIDENT_STATUSES) ??
    'investigating';
  const changes = readComponentChanges(body, data);
  const next = minutesLater(now, readPromise(body, status));
  const text = readBody(body, data, next, now);
  checkRoomForItem(data.incidents, 'incident');

  const incident: Incident = {
    id: newId(),
    name,
    status,
    impact,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    components: changes.map((change) => change.id),
    updates: [],
  };
  addUpdate(incident, status, text, now, next);
  if (isClosed(status)) incident.resolvedAt = now.toISOString();
  applyComponentChanges(data, changes, now);
  data.incidents.unshift(incident);
  return incident;
}

/** POST /admin/incidents/:id/updates */
export function updateIncident(data: ServerData, id: string, input: unknown, now: Date): Incident {
  const incident = data.incidents.find((item) => item.id === id);
  if (!incident) throw notFound(`There is no incident "${id}".`);
  const body = Fields.of(input, '').only([
    'status',
    'impact',
    'body',
    'template',
    'vars',
    'locale',
    'components',
    'nextUpdateInMinutes',
    'postmortemUrl',
  ]);
  const status =
    body.oneOf('status', INCIDENT_STATUSES, true) ?? templateStatus(body, data, INCIDENT_STATUSES);
  if (!status) throw invalid('status', `is required (one of ${INCIDENT_STATUSES.join(', ')})`);
  const impact = body.oneOf('impact', INCIDENT_IMPACTS, true);
  const changes = readComponentChanges(body, data);
  const closed = isClosed(status);
  const postmortemUrl = body.url('postmortemUrl');
  const next = minutesLater(now, readPromise(body, status));
  const text = readBody(body, data, next, now);
  checkRoomForUpdate(
    incident,
    changes.map((change) => change.id),
  );

  addUpdate(incident, status, text, now, next);
  if (impact) incident.impact = impact;
  if (postmortemUrl) incident.postmortemUrl = postmortemUrl;
  addAffected(
    incident,
    changes.map((change) => change.id),
  );
  applyComponentChanges(data, changes, now);
  if (closed) {
    incident.resolvedAt ??= now.toISOString();
    restoreComponents(data, incident.components, changes, now);
  } else {
    delete incident.resolvedAt;
  }
  return incident;
}

/** PUT /admin/components/:id — creates the component or replaces its fields. */
export function putComponent(data: ServerData, id: string, input: unknown, now: Date) {
  checkId(id, 'id (in the path)');
  const body = Fields.of(input, '').only(['name', 'status', 'group', 'description']);
  const fields = dropUndefined({
    id,
    name: body.text('name', MAX_NAME),
    status: body.oneOf('status', SETTABLE_STATUSES),
    group: body.text('group', MAX_NAME, true),
    description: body.text('description', 1000, true),
    updatedAt: now.toISOString(),
  });
  const index = data.components.findIndex((component) => component.id === id);
  if (index === -1 && data.components.length >= LIMITS.components) {
    throw limitReached('A new component', LIMITS.components, 'Delete one you no longer show.');
  }
  if (index === -1) data.components.push(fields);
  else data.components[index] = fields;
  return { component: fields, created: index === -1 };
}

/** DELETE /admin/components/:id — incidents keep their history. */
export function deleteComponent(data: ServerData, id: string): void {
  const index = data.components.findIndex((component) => component.id === id);
  if (index === -1) throw notFound(`There is no component "${id}".`);
  data.components.splice(index, 1);
}

/** POST /admin/maintenances */
export function createMaintenance(data: ServerData, input: unknown, now: Date): Maintenance {
  const body = Fields.of(input, '').only([
    'name',
    'status',
    'body',
    'template',
    'vars',
    'locale',
    'scheduledFor',
    'scheduledUntil',
    'components',
  ]);
  const name = body.text('name', MAX_NAME);
  const status = body.oneOf('status', ['scheduled', 'in_progress'] as const, true) ?? 'scheduled';
  const scheduledFor = body.date('scheduledFor');
  const scheduledUntil = body.date('scheduledUntil');
  if (Date.parse(scheduledUntil) <= Date.parse(scheduledFor)) {
    throw invalid('scheduledUntil', 'must be later than scheduledFor');
  }
  const components = (body.array('components', 200) ?? []).map((id, index) => {
    checkId(id, `components[${index}]`);
    if (!data.components.some((component) => component.id === id)) {
      throw invalid(
        `components[${index}]`,
        `must name an existing component (there is no "${id}")`,
      );
    }
    return id as string;
  });
  const text = readBody(body, data, undefined);
  checkRoomForItem(data.maintenances, 'maintenance');
  const maintenance: Maintenance = {
    id: newId(),
    name,
    status,
    impact: 'maintenance',
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    components,
    updates: [],
    scheduledFor,
    scheduledUntil,
  };
  addUpdate(maintenance, status, text, now, undefined);
  if (status === 'in_progress') {
    applyComponentChanges(
      data,
      components.map((id) => ({ id, status: 'under_maintenance' as const })),
      now,
    );
  }
  data.maintenances.unshift(maintenance);
  return maintenance;
}

/**
 * POST /admin/maintenances/:id/updates — in_progress puts the affected components
 * under maintenance (unless `components` says otherwise); completed restores them.
 */
export function updateMaintenance(
  data: ServerData,
  id: string,
  input: unknown,
  now: Date,
): Maintenance {
  const maintenance = data.maintenances.find((item) => item.id === id);
  if (!maintenance) throw notFound(`There is no maintenance "${id}".`);
  const body = Fields.of(input, '').only([
    'status',
    'body',
    'template',
    'vars',
    'locale',
    'components',
    'nextUpdateInMinutes',
  ]);
  const status =
    body.oneOf('status', MAINTENANCE_STATUSES, true) ??
    templateStatus(body, data, MAINTENANCE_STATUSES);
  if (!status) throw invalid('status', `is required (one of ${MAINTENANCE_STATUSES.join(', ')})`);
  const changes = readComponentChanges(body, data);
  const minutes = body.integer('nextUpdateInMinutes', 1, 1440);
  if (status === 'completed' && minutes !== undefined) {
    throw invalid('nextUpdateInMinutes', 'must not be given when the status is completed');
  }
  const next = minutesLater(now, minutes);
  const text = readBody(body, data, next, now);
  checkRoomForUpdate(
    maintenance,
    changes.map((change) => change.id),
  );

  addUpdate(maintenance, status, text, now, next);
  addAffected(
    maintenance,
    changes.map((change) => change.id),
  );
  if (status === 'completed') {
    maintenance.resolvedAt = now.toISOString();
    applyComponentChanges(data, changes, now);
    restoreComponents(data, maintenance.components, changes, now);
  } else {
    delete maintenance.resolvedAt;
    const named = new Set(changes.map((change) => change.id));
    const automatic =
      status === 'in_progress'
        ? maintenance.components
            .filter((componentId) => !named.has(componentId))
            .map((componentId) => ({ id: componentId, status: 'under_maintenance' as const }))
        : [];
    applyComponentChanges(
      data,
      [...automatic.filter((c) => data.components.some((x) => x.id === c.id)), ...changes],
      now,
    );
  }
  return maintenance;
}

/** PUT /admin/page */
export function putPage(data: ServerData, input: unknown): StatusPage {
  const body = Fields.of(input, '').only(['name', 'url', 'subscribeUrl', 'timeZone']);
  const timeZone = body.text('timeZone', 100, true);
  if (timeZone) {
    try {
      new Intl.DateTimeFormat('en', { timeZone });
    } catch {
      throw invalid('timeZone', 'must be an IANA time zone, e.g. Europe/Berlin or Etc/UTC');
    }
  }
  data.page = dropUndefined({
    name: body.text('name', MAX_NAME),
    url: body.url('url')?.replace(/\/+$/, ''),
    subscribeUrl: body.url('subscribeUrl'),
    timeZone,
  });
  return data.page;
}

export interface OverdueIncident {
  id: string;
  name: string;
  status: Incident['status'];
  updatedAt: string;
  nextUpdateAt?: string;
  reason: string;
}

/**
 * GET /admin/overdue: active incidents whose next update is late, by the same rule
 * the widgets show (`updateDue` in the model), with the reason in words.
 */
export function overdueIncidents(data: ServerData, now: Date): OverdueIncident[] {
  const result: OverdueIncident[] = [];
  for (const incident of data.incidents) {
    const due = updateDue(incident, now.getTime());
    if (!due?.overdue) continue;
    const lateMinutes = Math.floor((now.getTime() - due.dueAt) / 60_000);
    const late = lateMinutes < 1 ? 'less than a minute' : plural(lateMinutes, 'minute');
    const reason = due.promised
      ? `the next update was promised by ${new Date(due.dueAt).toISOString()}, ${late} ago`
      : `no update for ${plural(UPDATE_INTERVAL_MS / 60_000 + lateMinutes, 'minute')} (updates are due at least every ${UPDATE_INTERVAL_MS / 60_000} minutes without a promise)`;
    result.push(
      dropUndefined({
        id: incident.id,
        name: incident.name,
        status: incident.status,
        updatedAt: incident.updatedAt,
        nextUpdateAt: incident.nextUpdateAt,
        reason,
      }),
    );
  }
  return result;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
