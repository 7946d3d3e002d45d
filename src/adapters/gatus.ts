// Gatus (https://github.com/TwiN/gatus), read from `/api/v1/endpoints/statuses`:
// a list of `{ name, group (or groups), key, results: [{ status, hostname,
// duration, conditionResults, success, timestamp, errors? }] }` with results
// oldest first (api/endpoint_status_test.go). Each endpoint becomes a component
// from its latest result. Servers that have announcements expose them at
// `/api/v1/config` (`announcements: [{ timestamp, type, message, archived }]`, type
// outage, warning, information, operational or none); older servers answer 404
// there, and then there are none. Gatus publishes no maintenance windows.
// Inferred, not documented: a failed check is a major outage (Gatus itself shows
// only healthy/unhealthy); announcements do not open or close, so only the newest
// one that is not archived tells the current situation: an outage (major) or a
// warning (minor) is an open incident; every other announcement is a closed
// notice, closed when a newer one was posted. Each endpoint's daily history (UTC
// days) comes from its results: days older than they cover are no data.
import { historyFromSpans, spansFromChecks } from '../model/spans.js';
import { FeedFormatError, FeedRequestError } from '../model/errors.js';
import { MAX_ITEMS } from '../model/bounds.js';
import { deriveIndicator } from '../model/indicator.js';
import { isoDate, plainText } from '../model/sanitize.js';
import { sortNewestFirst } from '../model/sort.js';
import type {
  ComponentDay,
  Impact,
  Incident,
  StatusComponent,
  StatusSnapshot,
} from '../model/types.js';
import {
  asArray,
  asString,
  bounded,
  fetchJson,
  firstComponents,
  isAbort,
  isObject,
  rankOf,
  readItems,
  reason,
  siteBase,
  statusSince,
  Warnings,
  withLeftOut,
  type Json,
} from './read.js';
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
    updatedAt:
      statusSince(
        item['results'].flatMap((check) => {
          const at = isObject(check) ? isoDate(check['timestamp']) : undefined;
          return at && typeof check['success'] === 'boolean'
            ? [{ at, status: String(check['success']) }]
            : [];
        }),
      ) ?? isoDate(result?.['timestamp']),
    ...(history && { history }),
  };
}

const ANNOUNCEMENT_IMPACT: Record<string, Impact> = { outage: 'major', warning: 'minor' };

/** Gatus announcements as incidents, newest first (see the note at the top). */
export function readGatusAnnouncements(
  config: unknown,
  pageUrl: string,
  warnings: Warnings,
): Incident[] {
  const list = isObject(config) ? asArray(config['announcements']) : [];
  // Only the newest can be current; the rest are closed notices (no state to count).
  const { kept } = bounded(
    list,
    MAX_ITEMS,
    (item) => ({ rank: isObject(item) ? rankOf(item['timestamp'], false) : -Infinity }),
    'announcements',
    warnings,
  );
  const read = readItems(kept, 'announcement', warnings, (item) => {
    const at = isoDate(item['timestamp']);
    const message = plainText(item['message']);
    if (!at || !message) return 'it has no readable timestamp or message';
    return {
      at,
      message,
      type: asString(item['type']) ?? 'none',
      archived: item['archived'] === true,
    };
  }).sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  const current = read.find((announcement) => !announcement.archived);
  return sortNewestFirst(
    read.map((announcement, index): Incident => {
      const impact = ANNOUNCEMENT_IMPACT[announcement.type] ?? 'none';
      const open = announcement === current && impact !== 'none';
      const id = `announcement-${announcement.at}`;
      // Its first line names it; the whole message is its one update.
      const name = announcement.message.split('\n')[0]!;
      const closedAt = read[index - 1]?.at ?? announcement.at;
      return {
        id,
        name: name.length > 120 ? `${name.slice(0, 119)}…` : name,
        status: open ? 'investigating' : 'resolved',
        impact,
        createdAt: announcement.at,
        updatedAt: announcement.at,
        resolvedAt: open ? undefined : closedAt,
        url: pageUrl,
        components: [],
        updates: [
          {
            id: `${id}-message`,
            status: open ? 'investigating' : 'resolved',
            body: announcement.message,
            createdAt: announcement.at,
          },
        ],
      };
    }),
  );
}

export function readGatusStatuses(
  body: unknown,
  url: string,
  config?: unknown,
  configWarnings?: Warnings,
  now = Date.now(),
): StatusSnapshot {
  if (!Array.isArray(body)) {
    throw new FeedFormatError(
      NAME,
      url,
      'the JSON is not a list of endpoint statuses, so it is not Gatus\'s /api/v1/endpoints/statuses. Check the URL, or set adapter="…" to the feed\'s real format.',
    );
  }
  const warnings = configWarnings ?? new Warnings();
  // Bounded before reading: past the first endpoints only the latest result of each is
  // looked at (its history is never worked out).
  const first = firstComponents(
    body as unknown[],
    (item) => {
      // A glance: the last result as listed (results come oldest first), no dates read.
      const results = isObject(item) ? asArray(item['results']) : [];
      for (let index = results.length - 1; index >= 0; index--) {
        const result = results[index];
        if (isObject(result) && typeof result['success'] === 'boolean')
          return result['success'] ? 'operational' : 'major';
      }
      return undefined;
    },
    warnings,
  );
  const components = readItems(first.kept, 'endpoint', warnings, (item) => readEndpoint(item, now));
  const page = new URL(url);
  const pageUrl = new URL(page.pathname.replace(/api\/v1\/.*$/, ''), page).href;
  const incidents = readGatusAnnouncements(config, pageUrl, warnings);
  const updatedAt = components
    .map((component) => component.updatedAt)
    .filter((at): at is string => at !== undefined)
    .sort()
    .at(-1);
  const snapshot: StatusSnapshot = {
    page: { name: page.hostname, url: pageUrl },
    indicator: withLeftOut(deriveIndicator({ components, incidents }), first),
    description: '',
    components,
    incidents,
    maintenances: [],
    updatedAt,
  };
  if (first.leftOut) snapshot.componentsLeftOut = first.leftOut;
  if (components.some((component) => component.history)) snapshot.historySource = 'recorded';
  return warnings.attachTo(snapshot);
}

export const gatusAdapter: FeedAdapter = {
  ...gatusRules,
  async load(source, fetch, signal) {
    const url = gatusStatusesUrl(source);
    const configUrl = new URL('api/v1/config', siteBase(url, /\/api\/v1\/endpoints\/statuses$/));
    const warnings = new Warnings();
    const [statuses, config] = await Promise.all([
      fetchJson(NAME, url, fetch, signal),
      fetchJson(NAME, configUrl, fetch, signal).catch((error: unknown) => {
        if (isAbort(error, signal)) throw error;
        // A server without announcements has no such page: nothing is missing.
        if (!(error instanceof FeedRequestError && error.status === 404))
          warnings.add(`Announcements were not loaded from ${configUrl.href}: ${reason(error)}`);
        return undefined;
      }),
    ]);
    return readGatusStatuses(statuses, url.href, config, warnings);
  },
};

/** The reader, as ./registry.ts loads it on demand. */
export default gatusAdapter;
