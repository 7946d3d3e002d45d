// Pure text and link hygiene shared by every adapter. Runs in Node and browsers:
// no DOM, so provider markup never reaches a parser that could run it.
// Nothing is imported here: every element loads ../model/bounds.ts, and a module it
// shared with the readers would put this one in every element's bundle too.

/** The most of a text (a body, a description, a name) a snapshot keeps: what a list draws. */
export const MAX_TEXT = 2000;

// Half a surrogate pair with no other half: JSON can carry one ("\ud800"), and
// encodeURIComponent, TextEncoder and a server's write all choke on it.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `text` with every lone surrogate replaced by U+FFFD, as `String.prototype.toWellFormed` does. */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\ufffd');
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '\u2013',
  mdash: '\u2014',
  hellip: '\u2026',
  rsquo: '\u2019',
  lsquo: '\u2018',
  rdquo: '\u201d',
  ldquo: '\u201c',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (whole, entity: string) => {
    if (entity[0] === '#') {
      const code =
        entity[1] === 'x' || entity[1] === 'X'
          ? parseInt(entity.slice(2), 16)
          : parseInt(entity.slice(1), 10);
      // Drop code points that are not characters rather than throwing.
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return NAMED_ENTITIES[entity.toLowerCase()] ?? whole;
  });
}

/**
 * Provider text (which may hold HTML) as plain text: tags removed, block ends and
 * `<br>` turned into line breaks, entities decoded, runs of blank lines collapsed,
 * well-formed, and at most `max` characters (with an ellipsis when cut).
 */
export function plainText(value: unknown, max = MAX_TEXT): string {
  if (typeof value !== 'string') return '';
  // Only the head of a long text can be kept: cleaning a megabyte to keep two
  // thousand characters would stall the page. Markup takes room, so more is read
  // than kept; a tag or an entity the cut splits is dropped.
  const room = 16 * max + 4096;
  const cut = value.length > room;
  const head = cut ? withoutBrokenEnd(value.slice(0, room)) : value;
  const text = withoutTags(
    withoutScriptsAndStyles(head)
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/(p|div|li|h[1-6]|tr)\s*>/gi, '\n'),
  );
  const plain = wellFormed(
    withoutLineEndBlanks(decodeEntities(text).replace(/\r\n?/g, '\n'))
      .replace(/\n{3,}/g, '\n\n')
      .trim(),
  );
  if (!cut && plain.length <= max) return plain;
  // Never between the two halves of a surrogate pair (as bounds.ts's clip).
  const end = Math.min(
    plain.length,
    /[\ud800-\udbff]/.test(plain[max - 2] ?? '') ? max - 2 : max - 1,
  );
  return `${plain.slice(0, end).trimEnd()}…`;
}

/** A text cut anywhere without the tag or entity the cut split. */
function withoutBrokenEnd(text: string): string {
  const open = text.lastIndexOf('<');
  const head = open > text.lastIndexOf('>') ? text.slice(0, open) : text;
  const amp = head.lastIndexOf('&');
  return amp >= 0 && amp > head.length - 10 && !head.includes(';', amp) ? head.slice(0, amp) : head;
}

// The helpers below take time in proportion to the text whatever it holds: a feed
// with a megabyte of unclosed tags or blanks must not stall the page (a plain
// regex retries from every "<" or blank, which takes minutes on such text).

/** `<script …>…</script>` and `<style …>…</style>` removed, content and all. */
function withoutScriptsAndStyles(text: string): string {
  const open = /<(script|style)\b[^>]*>/gi;
  // An opening tag needs a ">": none starts after the last one.
  const head = text.slice(0, text.lastIndexOf('>') + 1);
  const unclosed = new Set<string>();
  let result = '';
  let from = 0;
  for (let match = open.exec(head); match; match = open.exec(head)) {
    const tag = match[1]!.toLowerCase();
    if (unclosed.has(tag)) continue;
    const close = new RegExp(`<\\/${tag}\\s*>`, 'gi');
    close.lastIndex = open.lastIndex;
    const end = close.exec(text);
    // No closing tag here means none later either: leave this and later ones to withoutTags.
    if (!end) {
      unclosed.add(tag);
      continue;
    }
    result += text.slice(from, match.index);
    from = open.lastIndex = close.lastIndex;
  }
  return result + text.slice(from);
}

/** Every `<…>` removed. A "<" after the last ">" starts no tag, so the scan stops there. */
function withoutTags(text: string): string {
  const last = text.lastIndexOf('>');
  return text.slice(0, last + 1).replace(/<[^>]*>/g, '') + text.slice(last + 1);
}

/** Spaces and tabs at the end of each line removed. */
function withoutLineEndBlanks(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      let end = line.length;
      while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) end -= 1;
      return line.slice(0, end);
    })
    .join('\n');
}

/** The URL as a string when its scheme is http or https; otherwise undefined. */
export function safeUrl(value: unknown, base?: string): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

// Years outside this range are typos or hostile input, not real status events.
const MIN_TIME = Date.UTC(1990, 0, 1);
const MAX_TIME = Date.UTC(2200, 0, 1);

// "2024-01-02 03:04:05" (Cachet, Uptime Kuma) carries no zone. JavaScript would read
// it as the visitor's local time, so each visitor would see a different moment;
// these servers store UTC, so read it as UTC.
const ZONELESS = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/;

function utcWhenZoneless(value: string): string {
  const match = ZONELESS.exec(value);
  return match ? `${match[1]}T${match[2]}Z` : value;
}

/** A date as an ISO 8601 string, or undefined when it does not parse (never "Invalid Date"). */
export function isoDate(value: unknown): string | undefined {
  let time: number;
  if (typeof value === 'string' && value.trim() !== '')
    time = Date.parse(utcWhenZoneless(value.trim()));
  else if (typeof value === 'number')
    time = value < 1e11 ? value * 1000 : value; // seconds or ms
  else return undefined;
  if (!Number.isFinite(time) || time < MIN_TIME || time > MAX_TIME) return undefined;
  return new Date(time).toISOString();
}
