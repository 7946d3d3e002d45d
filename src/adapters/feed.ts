// Atom (RFC 4287) and RSS 2.0 incident history feeds: Statuspage's history.atom
// and history.rss, Uptime Kuma's /status/<slug>/rss, and any similar feed. Entries
// become incidents (title, link, updated, content as plain text); a feed has no
// components. Parsed with the browser's DOMParser as inert XML: a feed that
// declares entities is refused before parsing (no entity expansion, no XML bombs),
// and content is only ever read as text, never handed to an HTML parser.
// Inferred, not documented: an entry's state is the first status word in its text
// (Statuspage writes "<strong>Resolved</strong> - …", newest update first);
// maintenance words make it a maintenance; an entry without one is history (resolved).
import { FeedFormatError } from '../model/errors.js';
import { MAX_ITEMS } from '../model/bounds.js';
import { promisedUpdateAt } from '../model/promise.js';
import { deriveIndicator } from '../model/indicator.js';
import { isoDate, plainText, safeUrl } from '../model/sanitize.js';
import { sortNewestFirst } from '../model/sort.js';
import type {
  Incident,
  IncidentStatus,
  Maintenance,
  MaintenanceStatus,
  StatusSnapshot,
} from '../model/types.js';
import { bounded, fetchText, rankOf, readItems, Warnings, withLeftOut } from './read.js';
import { feedRules } from './feed-rules.js';
import type { FeedAdapter } from './types.js';

const NAME = feedRules.name;

// The few DOM members used, typed here so the module also compiles for Node
// (where DOMParser is absent and the adapter says so).
interface XmlElement {
  readonly localName: string;
  readonly children: ArrayLike<XmlElement>;
  readonly textContent: string | null;
  getAttribute(name: string): string | null;
}
interface XmlDocument {
  readonly documentElement: XmlElement | null;
  getElementsByTagName(name: string): ArrayLike<unknown>;
}
type XmlParser = new () => { parseFromString(text: string, type: string): XmlDocument };

const STATUS_WORDS: Record<string, IncidentStatus | MaintenanceStatus> = {
  investigating: 'investigating',
  identified: 'identified',
  monitoring: 'monitoring',
  update: 'investigating',
  resolved: 'resolved',
  postmortem: 'postmortem',
  scheduled: 'scheduled',
  'in progress': 'in_progress',
  verifying: 'verifying',
  completed: 'completed',
};
const STATUS_WORD = new RegExp(`\\b(${Object.keys(STATUS_WORDS).join('|')})\\b`, 'i');
const MAINTENANCE_WORDS = new Set(['scheduled', 'in_progress', 'verifying', 'completed']);

/** Direct children of `parent` with this local name (namespace prefixes ignored). */
function children(parent: XmlElement, name: string): XmlElement[] {
  return Array.from(parent.children).filter((child) => child.localName === name);
}

function childText(parent: XmlElement, ...names: string[]): string {
  for (const name of names) {
    const found = children(parent, name)[0];
    if (found?.textContent) return found.textContent;
  }
  return '';
}

/** Atom: the alternate link's href; RSS: the <link> text. */
function link(parent: XmlElement, base: string): string | undefined {
  for (const element of children(parent, 'link')) {
    const rel = element.getAttribute('rel');
    const href = element.getAttribute('href');
    if (href !== null && (rel === null || rel === 'alternate')) return safeUrl(href, base);
    if (href === null && element.textContent) return safeUrl(element.textContent.trim(), base);
  }
  return undefined;
}

function readEntry(entry: XmlElement, base: string): Incident | Maintenance | string {
  const name = plainText(childText(entry, 'title'));
  const url = link(entry, base);
  const id = childText(entry, 'id', 'guid').trim() || url;
  if (!id || !name) return 'it has no id, link or title';
  const updatedAt = isoDate(childText(entry, 'updated', 'pubDate', 'date', 'published').trim());
  if (!updatedAt) return 'it has no readable date';
  const createdAt = isoDate(childText(entry, 'published').trim()) ?? updatedAt;
  // Text content of the XML element: escaped HTML arrives as text and is stripped
  // by plainText; nothing is ever parsed as HTML.
  const body = plainText(childText(entry, 'content', 'summary', 'description', 'encoded'));
  const found = STATUS_WORD.exec(body);
  const word = found?.[1]?.toLowerCase();
  const status = (word && STATUS_WORDS[word]) || 'resolved';
  const common = {
    id,
    name,
    createdAt,
    updatedAt,
    url,
    components: [],
    updates: body ? [{ id: `${id}#latest`, status, body, createdAt: updatedAt }] : [],
  };
  if (MAINTENANCE_WORDS.has(status)) {
    return {
      ...common,
      status: status as MaintenanceStatus,
      impact: 'maintenance',
      scheduledFor: createdAt,
    };
  }
  const incidentStatus = status as IncidentStatus;
  const done = incidentStatus === 'resolved' || incidentStatus === 'postmortem';
  const incident: Incident = {
    ...common,
    status: incidentStatus,
    // A feed does not say how bad an incident is; an open one is at least minor.
    impact: done ? 'none' : 'minor',
    resolvedAt: done ? updatedAt : undefined,
  };
  // Statuspage's entries hold every update, newest first: only the newest (up to the
  // end of the line its status word opens) may promise the next one.
  const end = found ? body.indexOf('\n', found.index) : -1;
  const promise = done
    ? undefined
    : promisedUpdateAt(end < 0 ? body : body.slice(0, end), updatedAt);
  if (promise) incident.nextUpdateAt = promise;
  return incident;
}

/**
 * True when a DOCTYPE carries an internal subset (`<!DOCTYPE x [ … ]>`). One pass:
 * matches never overlap, so a megabyte of unclosed `<!DOCTYPE` stays linear.
 */
function hasInternalSubset(text: string): boolean {
  for (const match of text.matchAll(/<!DOCTYPE[^>[]*/gi)) {
    if (text[match.index + match[0].length] === '[') return true;
  }
  return false;
}

/**
 * The most of an Atom/RSS text that is parsed: the browser's XML parser reads a whole
 * document in one task (20 MB took 2.7 s), and a status feed of a few hundred entries
 * is well under 100 kB.
 */
export const MAX_XML_CHARS = 1_000_000;

/**
 * The text cut after the last whole entry (or item) within the bound, then closed as
 * the document itself closes (its text after its last entry): still well-formed.
 */
function withinXmlBound(text: string): string {
  if (text.length <= MAX_XML_CHARS) return text;
  const ends = /<\/(?:[\w-]+:)?(?:entry|item)\s*>/g;
  const head = text.slice(0, MAX_XML_CHARS);
  let kept = -1;
  for (let match; (match = ends.exec(head));) kept = match.index + match[0].length;
  // The document's own close: what follows its last entry.
  const tail = text.slice(-4096);
  let close = -1;
  for (let match; (match = ends.exec(tail));) close = match.index + match[0].length;
  // Without a whole entry in the bound, or a close after the last one, what is left
  // is not a feed to read whole: it fails as XML, with the error a person can act on.
  return kept < 0 ? head : head.slice(0, kept) + (close < 0 ? '' : tail.slice(close));
}

/** Reads the text of an Atom or RSS feed (needs DOMParser: browsers have it). */
export function readFeed(text: string, url: string): StatusSnapshot {
  const Parser = (globalThis as { DOMParser?: XmlParser }).DOMParser;
  if (!Parser) {
    throw new FeedFormatError(
      NAME,
      url,
      'reading Atom/RSS needs DOMParser, which browsers have and this environment lacks. Provide one on globalThis, or read a JSON feed instead.',
    );
  }
  const cut = withinXmlBound(text);
  if (/<!ENTITY/i.test(cut) || hasInternalSubset(cut)) {
    throw new FeedFormatError(
      NAME,
      url,
      'it declares its own XML entities, which no Atom or RSS feed needs; it was not read, so that nothing could expand.',
    );
  }
  if (/^\s*<(!doctype html|html)\b/i.test(cut)) {
    throw new FeedFormatError(
      NAME,
      url,
      'it answered with an HTML page, not an Atom or RSS feed. Check that src points at the feed (for Statuspage, …/history.atom).',
    );
  }
  const doc = new Parser().parseFromString(cut, 'application/xml');
  const root = doc.documentElement;
  if (doc.getElementsByTagName('parsererror').length > 0 || !root) {
    throw new FeedFormatError(
      NAME,
      url,
      'it is not well-formed XML, so it is not an Atom or RSS feed.',
    );
  }
  const atom = root.localName === 'feed';
  const channel = root.localName === 'rss' ? children(root, 'channel')[0] : undefined;
  const rdf = root.localName === 'RDF' ? root : undefined;
  const container = atom ? root : (channel ?? rdf);
  if (!container) {
    throw new FeedFormatError(
      NAME,
      url,
      `its root element is <${root.localName}>, not an Atom <feed> or an RSS <rss>.`,
    );
  }
  const feedInfo = rdf ? (children(rdf, 'channel')[0] ?? rdf) : container;
  const warnings = new Warnings();
  if (cut !== text) {
    warnings.add(
      `the feed is larger than ${MAX_XML_CHARS / 1e6} MB: only the entries in its first ${MAX_XML_CHARS / 1e6} MB were read (a status feed lists its newest first).`,
    );
  }
  // Bounded before reading: only the newest entries are read; an entry left out that
  // reads as open (by the first status word of its text) still counts.
  const entries = bounded(
    children(container, atom ? 'entry' : 'item'),
    MAX_ITEMS,
    (entry) => {
      const date = childText(entry, 'updated', 'pubDate', 'date', 'published').trim();
      const text = childText(entry, 'content', 'summary', 'description', 'encoded').slice(0, 4096);
      const word = STATUS_WORD.exec(text)?.[1]?.toLowerCase();
      const status = word && STATUS_WORDS[word];
      const open =
        !!status &&
        !MAINTENANCE_WORDS.has(status) &&
        status !== 'resolved' &&
        status !== 'postmortem';
      return {
        rank: rankOf(date, false),
        indicator: open
          ? 'minor'
          : status === 'in_progress' || status === 'verifying'
            ? 'maintenance'
            : undefined,
      };
    },
    'entries',
    warnings,
  );
  const incidents: Incident[] = [];
  const maintenances: Maintenance[] = [];
  // readItems takes plain objects, so each element travels wrapped.
  for (const read of readItems(
    entries.kept.map((entry) => ({ entry })),
    'entry',
    warnings,
    (item) => readEntry(item['entry'] as XmlElement, url),
  )) {
    if ('scheduledFor' in read) maintenances.push(read);
    else incidents.push(read);
  }
  const snapshot: StatusSnapshot = {
    page: {
      name: plainText(childText(feedInfo, 'title')) || new URL(url).hostname,
      url: link(feedInfo, url),
    },
    // A status history lists open incidents too: none open means none known.
    indicator: withLeftOut(deriveIndicator({ incidents, maintenances }, 'operational'), entries),
    description: '',
    components: [],
    incidents: sortNewestFirst(incidents),
    pastIncidentsRead: true, // the feed is the history
    maintenances: sortNewestFirst(maintenances),
    updatedAt: isoDate(childText(feedInfo, 'updated', 'lastBuildDate', 'pubDate').trim()),
  };
  return warnings.attachTo(snapshot);
}

export const feedAdapter: FeedAdapter = {
  ...feedRules,
  async load(source, fetch, signal) {
    return readFeed(await fetchText(NAME, source, fetch, signal), source.href);
  },
};

/** The reader, as ./registry.ts loads it on demand. */
export default feedAdapter;
