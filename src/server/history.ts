// /history.atom and /history.rss: incidents and maintenances for feed readers.
// Every piece of text is escaped: names and bodies are whatever people typed.
import type { Incident, Maintenance, StatusSnapshot } from '../model/types.js';
import { toSnapshot, type PublishedData } from './feed.js';

// Characters XML 1.0 does not allow at all, even escaped.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export function xml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

type Item = Incident | Maintenance;

function entries(snapshot: StatusSnapshot): Item[] {
  return [...snapshot.incidents, ...snapshot.maintenances]
    .sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt))
    .slice(0, 50);
}

/** The timeline as plain text, newest first: "investigating (2026-11-25T…): …". */
function timeline(item: Item): string {
  return item.updates
    .map((update) => `${update.status} (${update.createdAt}):\n${update.body}`)
    .join('\n\n');
}

function title(item: Item): string {
  return `${item.name} [${item.status}]`;
}

function itemId(item: Item): string {
  return item.url ?? `urn:status-widgets:${encodeURIComponent(item.id)}`;
}

/**
 * A relayed source whose status is not known, as an open entry: a feed has no field
 * for the page's state, and a reader takes a feed without open entries for "all is
 * well". Its first word is "Update", which feed readers (ours too) read as open.
 */
function unknownEntries(data: PublishedData) {
  return (data.unknown ?? []).map(({ name, since }) => ({
    id: `urn:status-widgets:unknown:${encodeURIComponent(name)}:${since}`,
    title: `Status unknown: ${name}`,
    since,
    text: `Update (${since}):\nThe relay has had no answer from ${name} since ${since}: its status is unknown.`,
  }));
}

export function toAtom(data: PublishedData, snapshot = toSnapshot(data)): string {
  const pageId = data.page.url ?? `urn:status-widgets:page:${encodeURIComponent(data.page.name)}`;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${xml(pageId)}</id>`,
    `  <title>${xml(`${data.page.name} status history`)}</title>`,
    `  <updated>${xml(data.updatedAt)}</updated>`,
    `  <author><name>${xml(data.page.name)}</name></author>`,
  ];
  if (data.page.url) lines.push(`  <link rel="alternate" href="${xml(data.page.url)}"/>`);
  for (const entry of unknownEntries(data)) {
    lines.push(
      '  <entry>',
      `    <id>${xml(entry.id)}</id>`,
      `    <title>${xml(entry.title)}</title>`,
      `    <published>${xml(entry.since)}</published>`,
      `    <updated>${xml(entry.since)}</updated>`,
      `    <content type="text">${xml(entry.text)}</content>`,
      '  </entry>',
    );
  }
  for (const item of entries(snapshot)) {
    lines.push(
      '  <entry>',
      `    <id>${xml(itemId(item))}</id>`,
      `    <title>${xml(title(item))}</title>`,
      `    <published>${xml(item.createdAt)}</published>`,
      `    <updated>${xml(item.updatedAt)}</updated>`,
    );
    if (item.url) lines.push(`    <link rel="alternate" href="${xml(item.url)}"/>`);
    lines.push(`    <content type="text">${xml(timeline(item))}</content>`, '  </entry>');
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}

export function toRss(data: PublishedData, snapshot = toSnapshot(data)): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0">',
    '  <channel>',
    `    <title>${xml(`${data.page.name} status history`)}</title>`,
    `    <link>${xml(data.page.url ?? '/')}</link>`,
    `    <description>${xml(`Incidents and maintenances of ${data.page.name}`)}</description>`,
    `    <lastBuildDate>${new Date(data.updatedAt).toUTCString()}</lastBuildDate>`,
  ];
  for (const entry of unknownEntries(data)) {
    lines.push(
      '    <item>',
      `      <title>${xml(entry.title)}</title>`,
      `      <guid isPermaLink="false">${xml(entry.id)}</guid>`,
      `      <pubDate>${new Date(entry.since).toUTCString()}</pubDate>`,
      `      <description>${xml(entry.text)}</description>`,
      '    </item>',
    );
  }
  for (const item of entries(snapshot)) {
    lines.push(
      '    <item>',
      `      <title>${xml(title(item))}</title>`,
      `      <guid isPermaLink="${item.url ? 'true' : 'false'}">${xml(itemId(item))}</guid>`,
      `      <pubDate>${new Date(item.updatedAt).toUTCString()}</pubDate>`,
    );
    if (item.url) lines.push(`      <link>${xml(item.url)}</link>`);
    lines.push(`      <description>${xml(timeline(item))}</description>`, '    </item>');
  }
  lines.push('  </channel>', '</rss>', '');
  return lines.join('\n');
}
