// Gatus (https://github.com/TwiN/gatus), read from `/api/v1/endpoints/statuses`:
// a list of `{ name, group (or groups), key, results: [{ status, hostname,
// duration, conditionResults, success, timestamp, errors? }] }` with results
// oldest first (api/endpoint_status_test.go). Each endpoint becomes a component
// from its latest result. Gatus publishes no incidents and no maintenance windows
// in this API, so none are produced. Inferred, not documented: a failed check is
// a major outage (Gatus itself shows only healthy/unhealthy). Each endpoint's daily
// history (UTC days) comes from its results: days older than they cover are no data.
import { historyFromSpans, spansFromChecks } from '../model/days.js';
import { FeedFormatError } from '../model/errors.js';
import { deriveIndicator } from '../model/indicator.js';
import { isoDate, plainText } from '../model/sanitize.js';
import type { ComponentDay, StatusComponent, StatusSnapshot } from '../model/types.js';
import { asArray, asString, fetchJson, isObject, readItems, Warnings, type Json } from './read.js';
import { gatusRules, gatusStatusesUrl } from './gatus-rules.js';
import type { FeedAdapter } from './types.js';

const NAME = gatusRules.name;

function latest(results: unknown): Json | undefined {
  let newest: Json | undefined;
  let newestAt = '';
  for (const result of asArray(results)) {
    if (!isObject(result) || typeof result['success'] !== 'boolean') continue;
    const at = isoDate(result['timestamp']) ?? '';
    if (!newest || at >= newestAt) [newest, newestAt] = [result, at];
  }
  return newest;
}

/** An endpoint's days from its results, each holding until the next check. */
function resultHistory(results: unknown[], now: number): ComponentDay[] | undefined {
  const checks = results.filter(isObject).flatMap((result) => {
    const at = isoDate(result['timestamp']);
    if (!at || typeof result['success'] !== 'boolean') return [];
    const status = result['success'] ? 'operational' : 'major_outage';
    return [{ at: Date.parse(at), status } as const];
  });
  const covered = spansFromChecks(checks, now);
  return covered && historyFromSpans(covered.spans, covered.from, covered.to);
}

function readEndpoint(item: Json, now: number): StatusComponent | string {
  const name = plainText(item['name']);
  const id = asString(item['key']) ?? name;
  if (!id || !name) return 'it has no key or name';
  if (!Array.isArray(item['results'])) return 'it has no results list';
  const result = latest(item['results']);
  const group = plainText(item['group']) || plainText(asArray(item['groups'])[0]);
  const history = resultHistory(item['results'], now);
  return {
    id,
    name,
    status: !result ? 'unknown' : result['success'] === true ? 'operational' : 'major_outage',
    group: group || undefined,
    updatedAt: isoDate(result?.['timestamp']),
    ...(history && { history }),
  };
}

export function readGatusStatuses(body: unknown, url: string, now = Date.now()): StatusSnapshot {
  if (!Array.isArray(body)) {
    throw new FeedFormatError(
      NAME,
      url,
      'the JSON is not a list of endpoint statuses, so it is not Gatus\'s /api/v1/endpoints/statuses. Check the URL, or set adapter="…" to the feed\'s real format.',
    );
  }
  const warnings = new Warnings();
  const components = readItems(body, 'endpoint', warnings, (item) => readEndpoint(item, now));
  const page = new URL(url);
  const updatedAt = components
    .map((component) => component.updatedAt)
    .filter((at): at is string => at !== undefined)
    .sort()
    .at(-1);
  const snapshot: StatusSnapshot = {
    page: {
      name: page.hostname,
      url: new URL(page.pathname.replace(/api\/v1\/.*$/, ''), page).href,
    },
    indicator: deriveIndicator({ components }),
    description: '',
    components,
    incidents: [],
    maintenances: [],
    updatedAt,
  };
  if (components.some((component) => component.history)) snapshot.historySource = 'recorded';
  return warnings.attachTo(snapshot);
}

export const gatusAdapter: FeedAdapter = {
  ...gatusRules,
  async load(source, fetch, signal) {
    const url = gatusStatusesUrl(source);
    return readGatusStatuses(await fetchJson(NAME, url, fetch, signal), url.href);
  },
};

/** The reader, as ./registry.ts loads it on demand. */
export default gatusAdapter;
