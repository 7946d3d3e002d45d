/* global URL */
// What the corpus tests share, in Node and in the browser: where each adapter
// reads (so a case's files can be served as a feed), and the invariants every
// snapshot must keep whatever the feed sent.

const INDICATORS = ['operational', 'minor', 'major', 'critical', 'maintenance', 'unknown'];
const COMPONENT_STATUSES = [
  'operational',
  'degraded_performance',
  'partial_outage',
  'major_outage',
  'under_maintenance',
  'unknown',
];
const IMPACTS = ['none', 'minor', 'major', 'critical', 'maintenance'];
const INCIDENT_STATUSES = ['investigating', 'identified', 'monitoring', 'resolved', 'postmortem'];
const MAINTENANCE_STATUSES = ['scheduled', 'in_progress', 'verifying', 'completed'];

/**
 * Per adapter: the URL a widget names (`src`, relative to a host) and the path
 * of each endpoint the adapter reads, by route name. `defaults` answers the
 * routes a case does not replace (paths relative to test/).
 */
export const ENDPOINTS = {
  statuspage: {
    src: '/api/v2/summary.json',
    routes: { summary: '/api/v2/summary.json', incidents: '/api/v2/incidents.json' },
    defaults: { incidents: 'corpus/statuspage/valid-empty-history.json' },
  },
  native: { src: '/feed.json', routes: { feed: '/feed.json' }, defaults: {} },
  cachet: {
    src: '/',
    routes: {
      components: '/api/v1/components',
      incidents: '/api/v1/incidents',
      schedules: '/api/v1/schedules',
      groups: '/api/v1/components/groups',
    },
    defaults: {
      components: 'fixtures/cachet/documented-components.json',
      incidents: 'fixtures/cachet/documented-incidents.json',
      schedules: 'fixtures/cachet/documented-schedules.json',
      groups: 'fixtures/cachet/documented-groups.json',
    },
  },
  gatus: {
    src: '/api/v1/endpoints/statuses',
    routes: { statuses: '/api/v1/endpoints/statuses', config: '/api/v1/config' },
    defaults: {},
  },
  cachet3: {
    src: '/api/components',
    routes: {
      components: '/api/components',
      incidents: '/api/incidents',
      schedules: '/api/schedules',
      status: '/api/status',
    },
    defaults: {
      components: 'fixtures/cachet3/documented-components.json',
      incidents: 'fixtures/cachet3/documented-incidents.json',
      schedules: 'fixtures/cachet3/documented-schedules.json',
      status: 'fixtures/cachet3/documented-status.json',
    },
  },
  'incident-io': {
    src: '/api/v1/summary',
    routes: { summary: '/api/v1/summary' },
    defaults: {},
  },
  'better-stack': { src: '/index.json', routes: { index: '/index.json' }, defaults: {} },
  openstatus: { src: '/feed/json', routes: { feed: '/feed/json' }, defaults: {} },
  instatus: {
    src: '/',
    routes: { summary: '/summary.json', components: '/v2/components.json' },
    defaults: {
      summary: 'fixtures/instatus/documented-summary.json',
      components: 'fixtures/instatus/documented-components.json',
    },
  },
  'uptime-kuma': {
    src: '/status/main',
    routes: { page: '/api/status-page/main', heartbeat: '/api/status-page/heartbeat/main' },
    defaults: {
      page: 'fixtures/uptime-kuma/documented-status-page.json',
      heartbeat: 'fixtures/uptime-kuma/documented-heartbeat.json',
    },
  },
  feed: { src: '/history.atom', routes: { feed: '/history.atom' }, defaults: {} },
};

/** The file (relative to test/) that answers `pathname` for a case, or undefined (a 404). */
export function fileFor(testCase, pathname) {
  const endpoints = ENDPOINTS[testCase.adapter];
  for (const [route, path] of Object.entries(endpoints.routes)) {
    if (path === pathname) return testCase.files[route] ?? endpoints.defaults[route];
  }
  return undefined;
}

/** A short name for a case: its adapter and its first file's name. */
export function caseName(testCase) {
  return `${testCase.adapter}: ${Object.values(testCase.files)[0].split('/').pop()}`;
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const MIN_TIME = Date.UTC(1990, 0, 1);
const MAX_TIME = Date.UTC(2200, 0, 1);

/**
 * Every way a snapshot breaks the model's contract, as readable strings (empty
 * when it keeps it): valid enums, ISO dates within 1990–2200, http(s)-only
 * links, string texts, non-empty ids and names, a bounded list of warnings.
 */
export function modelProblems(snapshot) {
  const problems = [];
  const fail = (where, what) => problems.push(`${where}: ${what}`);
  // A lone surrogate (half a UTF-16 pair) breaks encodeURIComponent and every write.
  const wellFormed = (where, value) => {
    if (typeof value === 'string' && !value.isWellFormed())
      fail(where, `${JSON.stringify(value)} holds a lone surrogate`);
  };
  const isText = (where, value) => {
    if (typeof value !== 'string') fail(where, `text is ${JSON.stringify(value)}, not a string`);
    wellFormed(where, value);
  };
  const isName = (where, value) => {
    if (typeof value !== 'string' || value.trim() === '') fail(where, `empty or not a string`);
    wellFormed(where, value);
  };
  const isOneOf = (where, value, allowed) => {
    if (!allowed.includes(value)) fail(where, `${JSON.stringify(value)} is not one of ${allowed}`);
  };
  const isDate = (where, value, optional = true) => {
    if (value === undefined && optional) return;
    const time = typeof value === 'string' ? Date.parse(value) : NaN;
    if (!ISO.test(value) || !(time >= MIN_TIME && time <= MAX_TIME))
      fail(where, `${JSON.stringify(value)} is not an ISO date between 1990 and 2200`);
  };
  const isLink = (where, value) => {
    if (value === undefined) return;
    let protocol;
    try {
      protocol = new URL(value).protocol;
    } catch {
      protocol = 'unparsable';
    }
    if (protocol !== 'http:' && protocol !== 'https:')
      fail(where, `link ${JSON.stringify(value)} is not http(s)`);
  };
  if (typeof snapshot !== 'object' || snapshot === null) return ['the snapshot is not an object'];
  const page = snapshot.page ?? {};
  isName('page.name', page.name);
  isLink('page.url', page.url);
  isLink('page.subscribeUrl', page.subscribeUrl);
  if (page.timeZone !== undefined) isText('page.timeZone', page.timeZone);
  isOneOf('indicator', snapshot.indicator, INDICATORS);
  isText('description', snapshot.description);
  isDate('updatedAt', snapshot.updatedAt);
  isLink('links.events', snapshot.links?.events);
  if (snapshot.warnings !== undefined) {
    if (!Array.isArray(snapshot.warnings) || snapshot.warnings.some((w) => typeof w !== 'string'))
      fail('warnings', 'not a list of strings');
    // Bounded: 50 per list read and one line saying more were dropped.
    else if (snapshot.warnings.length > 153)
      fail('warnings', `${snapshot.warnings.length} warnings; the list must stay bounded`);
  }
  for (const list of ['components', 'incidents', 'maintenances']) {
    if (!Array.isArray(snapshot[list])) fail(list, 'not a list');
  }
  (snapshot.components ?? []).forEach((component, index) => {
    const where = `components[${index}]`;
    isName(`${where}.id`, component.id);
    isName(`${where}.name`, component.name);
    isOneOf(`${where}.status`, component.status, COMPONENT_STATUSES);
    if (component.group !== undefined) isText(`${where}.group`, component.group);
    if (component.description !== undefined)
      isText(`${where}.description`, component.description);
    isDate(`${where}.updatedAt`, component.updatedAt);
  });
  const checkItem = (where, item, statuses) => {
    isName(`${where}.id`, item.id);
    isName(`${where}.name`, item.name);
    isOneOf(`${where}.status`, item.status, statuses);
    isOneOf(`${where}.impact`, item.impact, IMPACTS);
    isDate(`${where}.createdAt`, item.createdAt, false);
    isDate(`${where}.updatedAt`, item.updatedAt, false);
    isDate(`${where}.resolvedAt`, item.resolvedAt);
    isDate(`${where}.nextUpdateAt`, item.nextUpdateAt);
    isLink(`${where}.url`, item.url);
    isLink(`${where}.postmortemUrl`, item.postmortemUrl);
    if (!Array.isArray(item.components) || item.components.some((id) => typeof id !== 'string'))
      fail(`${where}.components`, 'not a list of ids');
    else item.components.forEach((id, index) => wellFormed(`${where}.components[${index}]`, id));
    if (!Array.isArray(item.updates)) fail(`${where}.updates`, 'not a list');
    (item.updates ?? []).forEach((update, index) => {
      const at = `${where}.updates[${index}]`;
      isName(`${at}.id`, update.id);
      isOneOf(`${at}.status`, update.status, [...INCIDENT_STATUSES, ...MAINTENANCE_STATUSES]);
      isText(`${at}.body`, update.body);
      isDate(`${at}.createdAt`, update.createdAt, false);
    });
  };
  (snapshot.incidents ?? []).forEach((incident, index) =>
    checkItem(`incidents[${index}]`, incident, INCIDENT_STATUSES),
  );
  (snapshot.maintenances ?? []).forEach((maintenance, index) => {
    const where = `maintenances[${index}]`;
    checkItem(where, maintenance, MAINTENANCE_STATUSES);
    isDate(`${where}.scheduledFor`, maintenance.scheduledFor, false);
    isDate(`${where}.scheduledUntil`, maintenance.scheduledUntil);
  });
  return problems;
}

/** The ways a load's outcome misses what the case expects (empty when it meets it). */
export function outcomeProblems(testCase, outcome) {
  const problems = [];
  const { snapshot, error } = outcome;
  if (testCase.expect === 'format-error') {
    if (error?.name !== 'FeedFormatError')
      return [
        `expected a FeedFormatError, got ${error ? `${error.name}: ${error.message}` : 'a snapshot'}`,
      ];
    if (testCase.problem && !new RegExp(testCase.problem, 'i').test(error.message))
      problems.push(`the error "${error.message}" does not say /${testCase.problem}/`);
    if (!/adapter could not read https?:\/\//.test(error.message))
      problems.push(`the error "${error.message}" does not name the adapter and URL`);
    return problems;
  }
  if (error) return [`expected a snapshot, got ${error.name}: ${error.message}`];
  problems.push(...modelProblems(snapshot));
  const warnings = snapshot.warnings ?? [];
  if (testCase.expect === 'snapshot-with-warning' && warnings.length === 0)
    problems.push('expected a warning for what was dropped, got none');
  if (testCase.expect === 'snapshot' && warnings.length > 0)
    problems.push(`expected no warnings, got ${JSON.stringify(warnings)}`);
  if (testCase.warning && !warnings.some((w) => new RegExp(testCase.warning, 'i').test(w)))
    problems.push(`no warning says /${testCase.warning}/: ${JSON.stringify(warnings)}`);
  // JSON.stringify leaves these characters as they are, so plain includes() finds them.
  const text = JSON.stringify(snapshot);
  for (const absent of testCase.absent ?? []) {
    if (text.toLowerCase().includes(absent.toLowerCase()))
      problems.push(`the snapshot still holds ${JSON.stringify(absent)}`);
  }
  for (const present of testCase.present ?? []) {
    if (!text.includes(present)) problems.push(`the snapshot lost ${JSON.stringify(present)}`);
  }
  for (const [list, count] of Object.entries(testCase.counts ?? {})) {
    if (snapshot[list]?.length !== count)
      problems.push(`expected ${count} ${list}, got ${snapshot[list]?.length}`);
  }
  if (testCase.indicator && snapshot.indicator !== testCase.indicator)
    problems.push(`expected indicator ${testCase.indicator}, got ${snapshot.indicator}`);
  if (testCase.notIndicator && snapshot.indicator === testCase.notIndicator)
    problems.push(`the indicator must not be ${testCase.notIndicator}`);
  return problems;
}
