// Every public document the server serves, by path: what HTTP serves live and
// what `export` writes to disk are the same bytes.
import { readFileSync } from 'node:fs';
import type { ServerData } from './data.js';
import { toFeedJson, toSnapshot } from './feed.js';
import { strongEtag } from './http.js';
import { toAtom, toRss } from './history.js';
import { historyClock, historyZone } from './status-log.js';
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

/** A document ready to send: its bytes' validator computed once. */
export interface RenderedDocument extends Document {
  etag: string;
}

/**
 * Every document for one state of the data, rendered together from one snapshot.
 * `eventsUrl` is where /feed.json says live changes are announced (none in a static
 * export: there is no server to listen to). Daily history is counted up to `now`.
 */
export function renderDocuments(
  data: ServerData,
  eventsUrl: string | undefined,
  now: number = Date.now(),
): Map<string, RenderedDocument> {
  const snapshot = toSnapshot(data, now);
  const statuspage = statuspageDocuments(data, snapshot);
  const documents = new Map<string, Document>([
    ['/feed.json', json(toFeedJson(data, eventsUrl, snapshot))],
    ['/feed.schema.json', { type: 'application/schema+json', body: FEED_SCHEMA }],
    [
      '/history.atom',
      { type: 'application/atom+xml; charset=utf-8', body: toAtom(data, snapshot) },
    ],
    ['/history.rss', { type: 'application/rss+xml; charset=utf-8', body: toRss(data, snapshot) }],
  ]);
  for (const [name, value] of Object.entries(statuspage)) {
    documents.set(`/api/v2/${name}`, json(value));
  }
  return new Map(
    [...documents].map(([path, document]) => [
      path,
      { ...document, etag: path === '/feed.schema.json' ? SCHEMA_ETAG : strongEtag(document.body) },
    ]),
  );
}

const SCHEMA_ETAG = strongEtag(FEED_SCHEMA);

/** The document at `path`, or undefined (renders them all: use `DocumentSet` to serve). */
export function documentFor(
  data: ServerData,
  path: string,
  eventsUrl: string | undefined,
): Document | undefined {
  return renderDocuments(data, eventsUrl).get(path);
}

/** Data with a revision that changes whenever anything a reader sees would. */
export interface RevisionedData {
  readonly data: ServerData;
  readonly revision: number;
}

/**
 * `source`, with a revision that also moves when the served history does without any
 * change to the data: at midnight in the page's zone (a new day begins, the oldest
 * leaves), and every few minutes while today's figures grow (see `historyClock`).
 * `changesInMs` says when that is next due, for a timer that tells the event streams.
 */
export function withHistoryClock(
  source: RevisionedData,
  now: () => Date,
): RevisionedData & { changesInMs(): number } {
  let key: string | undefined;
  let base: number | undefined;
  let ticks = 0;
  const clock = () => {
    const { data } = source;
    return historyClock(data.statusLog, now().getTime(), historyZone(data.page.timeZone));
  };
  return {
    get data() {
      return source.data;
    },
    get revision() {
      const current = clock().key;
      // A change of the data is a new revision already; only the clock alone adds one.
      if (source.revision !== base) base = source.revision;
      else if (current !== key) ticks += 1;
      key = current;
      // Both only grow, so their sum changes whenever either does.
      return base + ticks;
    },
    changesInMs: () => clock().changesInMs,
  };
}

/**
 * The documents of the current revision, rendered on first use after a change and
 * then served from memory: a poll is a map lookup, and the event stream sends the
 * very /feed.json bytes a poll gets.
 */
export class DocumentSet {
  private revision = -1;
  private documents = new Map<string, RenderedDocument>();

  constructor(
    private readonly source: RevisionedData,
    private readonly eventsUrl: string | undefined,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get(path: string): RenderedDocument | undefined {
    const revision = this.source.revision;
    if (this.revision !== revision) {
      this.documents = renderDocuments(this.source.data, this.eventsUrl, this.now().getTime());
      this.revision = revision;
    }
    return this.documents.get(path);
  }
}
