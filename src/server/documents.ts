// Every public document the server serves, by path: what HTTP serves live and
// what `export` writes to disk are the same bytes.
import { readFileSync } from 'node:fs';
import type { ServerData } from './data.js';
import { toFeedJson } from './feed.js';
import { toAtom, toRss } from './history.js';
import { statuspageDocuments } from './statuspage.js';

export interface Document {
  type: string;
  body: string;
}

const JSON_TYPE = 'application/json; charset=utf-8';

/** The feed's JSON Schema, shipped in the package beside dist/. */
export const FEED_SCHEMA = readFileSync(
  new URL('../../schema/feed.schema.json', import.meta.url),
  'utf8',
);

function json(value: unknown): Document {
  return { type: JSON_TYPE, body: `${JSON.stringify(value)}\n` };
}

/** The paths `documentFor` answers, for the 404 message and for `export`. */
export const DOCUMENT_PATHS = [
  '/feed.json',
  '/feed.schema.json',
  '/api/v2/summary.json',
  '/api/v2/status.json',
  '/api/v2/components.json',
  '/api/v2/incidents.json',
  '/api/v2/incidents/unresolved.json',
  '/api/v2/scheduled-maintenances.json',
  '/api/v2/scheduled-maintenances/upcoming.json',
  '/api/v2/scheduled-maintenances/active.json',
  '/history.atom',
  '/history.rss',
] as const;

/**
 * The document at `path`, or undefined. `eventsUrl` is where /feed.json says live
 * changes are announced (none in a static export: there is no server to listen to).
 */
export function documentFor(
  data: ServerData,
  path: string,
  eventsUrl: string | undefined,
): Document | undefined {
  if (path === '/feed.json') return json(toFeedJson(data, eventsUrl));
  if (path === '/feed.schema.json') return { type: 'application/schema+json', body: FEED_SCHEMA };
  if (path === '/history.atom')
    return { type: 'application/atom+xml; charset=utf-8', body: toAtom(data) };
  if (path === '/history.rss')
    return { type: 'application/rss+xml; charset=utf-8', body: toRss(data) };
  if (path.startsWith('/api/v2/')) {
    const document = statuspageDocuments(data)[path.slice('/api/v2/'.length)];
    return document === undefined ? undefined : json(document);
  }
  return undefined;
}
