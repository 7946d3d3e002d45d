// The data file: the server's only state. Its shape is the model itself plus the
// page's own message templates, so that it reads like /feed.json.
import {
  COMPONENT_STATUSES,
  IMPACTS,
  INCIDENT_STATUSES,
  MAINTENANCE_STATUSES,
  type Incident,
  type IncidentUpdate,
  type Maintenance,
  type StatusComponent,
  type StatusPage,
} from '../model/types.js';
import { DataFileError, RequestError } from './errors.js';
import { checkId, Fields, isObject } from './fields.js';
import { LIMITS } from './limits.js';
import {
  MAX_RECORDS_PER_COMPONENT,
  newLog,
  type StatusLog,
  type StatusRecord,
} from './status-log.js';

/** A message template a team wrote: `{name}` placeholders, one text per locale. */
export interface Template {
  id: string;
  /** The status this wording is for; the default status when the template is used. */
  status?: Incident['status'] | Maintenance['status'];
  /** What the wording is for, shown by GET /admin/templates. */
  description?: string;
  /** Locale → wording, e.g. { "en": "…", "zh-CN": "…" }. */
  text: Record<string, string>;
}

export interface ServerData {
  version: 1;
  page: StatusPage;
  components: StatusComponent[];
  incidents: Incident[];
  maintenances: Maintenance[];
  templates: Template[];
  updatedAt: string;
  /**
   * Every component's status changes with their times, oldest first, from which the
   * native feed serves daily uptime (see status-log.ts). Absent until a component exists.
   */
  statusLog?: StatusLog;
}

export function emptyData(now: Date): ServerData {
  return {
    version: 1,
    page: { name: 'Status' },
    components: [],
    incidents: [],
    maintenances: [],
    templates: [],
    updatedAt: now.toISOString(),
  };
}

const COMPONENT_FIELDS = ['id', 'name', 'status', 'group', 'description', 'updatedAt'];
const ITEM_FIELDS = [
  'id',
  'name',
  'status',
  'impact',
  'createdAt',
  'updatedAt',
  'resolvedAt',
  'url',
  'components',
  'updates',
  'nextUpdateAt',
  'postmortemUrl',
];

function readUpdates(fields: Fields, statuses: readonly string[]): IncidentUpdate[] {
  return (fields.array('updates', LIMITS.updatesPerItem) ?? []).map((value, index) => {
    const update = Fields.of(value, fields.path(`updates[${index}]`)).only([
      'id',
      'status',
      'body',
      'createdAt',
    ]);
    return {
      id: checkId(update.value['id'], update.path('id')),
      status: update.oneOf('status', statuses) as IncidentUpdate['status'],
      body: update.text('body', LIMITS.storedBody),
      createdAt: update.date('createdAt'),
    };
  });
}

function readItem(fields: Fields, statuses: readonly string[]) {
  const components = (fields.array('components', LIMITS.affectedPerItem) ?? []).map((id, index) =>
    checkId(id, fields.path(`components[${index}]`)),
  );
  const item = {
    id: checkId(fields.value['id'], fields.path('id')),
    name: fields.text('name', 1000),
    status: fields.oneOf('status', statuses),
    impact: fields.oneOf('impact', IMPACTS),
    createdAt: fields.date('createdAt'),
    updatedAt: fields.date('updatedAt'),
    resolvedAt: fields.date('resolvedAt', true),
    url: fields.url('url'),
    components,
    updates: readUpdates(fields, statuses),
    nextUpdateAt: fields.date('nextUpdateAt', true),
    postmortemUrl: fields.url('postmortemUrl'),
  };
  return dropUndefined(item);
}

/** JSON has no `undefined`: dropping them keeps in-memory state equal to what is on disk. */
export function dropUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) {
    if (value[key] === undefined) delete value[key];
  }
  return value;
}

export function readTemplate(value: unknown, path: string): Template {
  const fields = Fields.of(value, path).only(['id', 'status', 'description', 'text']);
  const text = Fields.of(fields.value['text'], fields.path('text'));
  // Defined, not assigned: a locale named `__proto__` is a key like any other.
  const wordings = Object.fromEntries(
    Object.keys(text.value).map((locale) => [locale, text.text(locale, 5000)]),
  );
  if (Object.keys(wordings).length === 0) {
    throw new RequestError(400, 'invalid', `${fields.path('text')} needs at least one locale.`, {
      field: fields.path('text'),
      rule: 'needs at least one locale',
    });
  }
  return dropUndefined({
    id: checkId(fields.value['id'], fields.path('id')),
    status: fields.oneOf('status', [...INCIDENT_STATUSES, ...MAINTENANCE_STATUSES], true),
    description: fields.text('description', 500, true),
    text: wordings,
  });
}

/** Checks a parsed data file completely; throws a RequestError naming the first bad field. */
export function readData(value: unknown): ServerData {
  const root = Fields.of(value, '').only([
    'version',
    'page',
    'components',
    'incidents',
    'maintenances',
    'templates',
    'updatedAt',
    'statusLog',
  ]);
  if (root.value['version'] !== 1) throw new RequestError(400, 'invalid', 'version must be 1.');
  const page = Fields.of(root.value['page'], 'page').only([
    'name',
    'url',
    'subscribeUrl',
    'timeZone',
  ]);
  return {
    version: 1,
    page: dropUndefined({
      name: page.text('name', 200),
      url: page.url('url')?.replace(/\/+$/, ''),
      subscribeUrl: page.url('subscribeUrl'),
      timeZone: page.text('timeZone', 100, true),
    }),
    components: (root.array('components', LIMITS.components) ?? []).map((value, index) => {
      const fields = Fields.of(value, `components[${index}]`).only(COMPONENT_FIELDS);
      return dropUndefined({
        id: checkId(fields.value['id'], fields.path('id')),
        name: fields.text('name', 200),
        status: fields.oneOf('status', COMPONENT_STATUSES),
        group: fields.text('group', 200, true),
        description: fields.text('description', 1000, true),
        updatedAt: fields.date('updatedAt', true),
      });
    }),
    incidents: (root.array('incidents', LIMITS.items) ?? []).map((value, index) => {
      const fields = Fields.of(value, `incidents[${index}]`).only(ITEM_FIELDS);
      return readItem(fields, INCIDENT_STATUSES) as Incident;
    }),
    maintenances: (root.array('maintenances', LIMITS.items) ?? []).map((value, index) => {
      const fields = Fields.of(value, `maintenances[${index}]`).only([
        ...ITEM_FIELDS,
        'scheduledFor',
        'scheduledUntil',
      ]);
      return dropUndefined({
        ...readItem(fields, MAINTENANCE_STATUSES),
        scheduledFor: fields.date('scheduledFor'),
        scheduledUntil: fields.date('scheduledUntil', true),
      }) as Maintenance;
    }),
    templates: (root.array('templates', LIMITS.templates) ?? []).map((value, index) =>
      readTemplate(value, `templates[${index}]`),
    ),
    updatedAt: root.date('updatedAt', true) ?? new Date(0).toISOString(),
    ...readStatusLog(root),
  };
}

/** `statusLog`: { "<component id>": [{ "at": ISO date, "status": … }, …] }, read oldest first. */
function readStatusLog(root: Fields): { statusLog?: StatusLog } {
  const log = root.object('statusLog');
  if (!log) return {};
  const statusLog = newLog();
  for (const id of Object.keys(log.value)) {
    checkId(id, log.path(id));
    const records = log.array(id, MAX_RECORDS_PER_COMPONENT) ?? [];
    statusLog[id] = records
      .map((value, index): StatusRecord => {
        const record = Fields.of(value, log.path(`${id}[${index}]`)).only(['at', 'status']);
        return {
          at: record.date('at'),
          status: record.oneOf('status', COMPONENT_STATUSES) as StatusRecord['status'],
        };
      })
      // A file edited by hand may list them in any order; a log is read in time order.
      .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  }
  return { statusLog };
}

/** Parses the data file's text; any problem becomes a DataFileError a person can act on. */
export function parseDataFile(text: string, file: string): ServerData {
  const advice = `Fix the file or restore it from a backup; the server did not start and has not changed ${file}.`;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new DataFileError(
      `The data file ${file} is not valid JSON (${(error as Error).message}). ${advice}`,
    );
  }
  if (!isObject(value)) {
    throw new DataFileError(`The data file ${file} does not hold a JSON object. ${advice}`);
  }
  try {
    return readData(value);
  } catch (error) {
    throw new DataFileError(
      `The data file ${file} is not a status-widgets data file: ${(error as Error).message} ${advice}`,
    );
  }
}
