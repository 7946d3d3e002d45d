// The promise of the next update, read from an update's own words, for the formats
// that have no field for it (Statuspage, incident.io, Better Stack, Cachet, Atom/RSS):
// "We will provide another update in 1 hour", "Next update at 14:30 UTC". Only a
// clear promise counts: a false overdue warning is worse than none, so a phrase that
// could mean anything else ("updates as necessary", "in the past 30 minutes", a time
// without its zone, a zone name with two meanings) is left alone. docs/feeds.md,
// "Promises written in an update", lists what is read. Every pattern is sticky or made
// of disjoint parts, and the text is capped, so the work stays linear.
import type { Incident } from './types.js';

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;
/** The longest stretch of text read, at each end: promises open or close an update. */
const MAX_TEXT = 2000;

/** Which "|"-separated group of space-separated words in `table` holds `word` (-1: none). */
const groupOf = (table: string, word: string): number =>
  table.split('|').findIndex((group) => group.split(' ').includes(word.toLowerCase()));

// Zone names by their fixed offset, in hours from UTC-10. Names with two meanings
// (CST, IST, BST, AST) or that change with the season (PT, ET, CT) are not here.
const ZONES =
  'hst|akst|pst akdt|mst pdt|mdt|est cdt|edt||||utc gmt wet|west cet mez|cest mesz eet|eest|||||hkt sgt awst|jst kst|aest|aedt|nzst|nzdt';
// Number words of the shipped languages, by value ("an hour", "einer halben Stunde"):
// one to five, as writers spell them out; larger numbers are written in digits.
const WORDS =
  'a an one ein eine einer un une una|two zwei deux dos|three drei trois tres|four vier quatre cuatro|five fünf cinq cinco|half halben demi media';
const VALUES = [1, 2, 3, 4, 5, 0.5];
// Days and months: a word that names another day ends the reading.
const DAYS = '(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)';
const ABOUT =
  '(?:(?:approximately|about|around|roughly|another|less\\s+than|under|ca\\.?|etwa|circa|ungefähr|environ|moins\\s+de|unos|unas|aproximadamente)\\s+)?';

// What promises the next update. Group 1, the verb ("we'll update you"), takes its
// time right after it: "we will update the DNS records within 30 minutes" is no promise.
const TRIGGER = new RegExp(
  '\\b(?:next\\s+updates?|(?:provide|post|share|send|give|issue|publish|have|expect)\\s+(?:you\\s+)?(?:with\\s+)?(?:(?:another|an?|the|our)\\s+)?(?:(?:next|further|additional|new|more|status|incident|progress)\\s+)?updates?' +
    '|updates?\\s+(?:will\\s+(?:be\\s+)?|to\\s+)(?:provided|posted|shared|published|sent|follow)' +
    "|((?:will|['’]ll)\\s+(?:continue\\s+to\\s+)?update(?:\\s+(?:you|everyone|here|(?:this|the)\\s+(?:page|incident|post|status\\s+page)))?)" +
    '|(?:nächste|weitere)[snmr]?\\s+(?:update|aktualisierung)|wir\\s+(?:melden\\s+uns|informieren)' +
    '|(?:prochaine|nouvelle)\\s+mise\\s+[àa]\\s+jour|prochain\\s+point|nous\\s+reviendrons\\s+vers\\s+vous' +
    '|(?:pr[oó]xima|nueva|otra|siguiente)\\s+actualizaci[oó]n)(?!\\p{L})',
  'giu',
);

// A duration: "in 30 minutes", "within the next hour", "in the next 30-45 minutes"
// (the later end), "in 1 hour and 30 minutes", "every 30 minutes", "dans l'heure",
// "innerhalb der nächsten Stunde", "in einer halben Stunde", "en media hora".
const DURATION = new RegExp(
  "\\s*(?:in|within|innerhalb|dans|d['’]ici|en|dentro\\s+de|every|alle|toutes\\s+les|cada)\\s+" +
    "(?:(?:the|der|den|les|los|las|la|an?|einer|une)\\s+|l['’])?(?:(?:next|nächsten|prochaines?|pr[oó]xim[oa]s?)\\s+)?" +
    ABOUT +
    '(?:(?:(\\d{1,3}(?:[.,]\\d{1,2})?)(?:\\s*(?:-|–|to|or|bis|à|a|y|o)\\s*(\\d{1,3}))?\\s*|(\\p{L}+)(?:\\s+an)?[\\s-]+)' +
    '(?:(?:prochaines?|pr[oó]xim[oa]s)\\s+)?(m(?:in(?:s|ute[ns]?|utos?)?)?|h(?:ours?|rs?|eures?|oras?)?|stunden?|std|d(?:ays?|[ií]as?)?|tage?n?|jours?)' +
    '(?:\\s+(?:and|und|et|y)\\s+(\\d{1,2})\\s*min\\p{L}*)?|(hour|stunde|heure|hora))(?![\\p{L}\\d])',
  'iuy',
);

// A clock time with its zone: "at 14:30 UTC", "by 3:00 PM PDT", "um 15 Uhr MEZ",
// "à 14h30 UTC", "a las 15:00 UTC", "UTC+8"; never one followed by a day or a date.
const CLOCK = new RegExp(
  "\\s*(?:[:\\-–—]\\s*)?(?:(at|by|before|around|until|no\\s+later\\s+than|um|bis|gegen|spätestens\\s+um|à|avant|vers|jusqu['’]à|(?:a|antes\\s+de|hacia|para|hasta)\\s+las)\\s+)?" +
    ABOUT +
    '(\\d{1,2})(?:[:.h](\\d\\d))?\\s*(?:([ap]\\.?m\\.?|uhr|h(?:eures?|oras?)?)\\s*)?(?:\\(\\s*)?([a-z]{2,5})(?:\\s*([+\\-−])\\s*(\\d{1,2})(?::?(\\d\\d))?)?\\s*\\)?' +
    `(?![\\p{L}\\d])(?![\\s,]*(?:on\\b|\\d|tomorrow|morgen|demain|mañana|${DAYS}))`,
  'iuy',
);

// Words that may stand between a promise and its time ("the next update will be
// provided in …"): letters only, never one that starts another clause or names a day.
const FILLER = new RegExp(
  `\\s+(?!(?:when|once|after|if|as|until|unless|because|while|since|and|or|but|ago|today|tonight|tomorrow|week|wenn|sobald|nachdem|falls|und|oder|aber|morgen|heute|quand|dès|lorsque|si|et|ou|mais|demain|cuando|y|o|pero|mañana|hoy)(?![\\p{L}'’])|${DAYS})[\\p{L}'’]+`,
  'iuy',
);

// Japanese and Chinese: a duration or a clock time after "the next update", or tied to
// an update word ending its clause (so "30分钟后更新配置", updating a setting, is none).
const CJK_DIGITS = '一二三四五六七八九';
const CJK_ZONE =
  '(?:日本|北京|[台臺]北|台[湾灣]|香港)[时時][间間]|[协協][调調定]世界[时時]|UTC|GMT|JST';
const CJK = new RegExp(
  '((?:次回|次|下一?次)[の的]?(?:更新|報告|お知らせ)[^。\\n]{0,12}?)?(?:' +
    `(?:(\\d{1,3}(?:\\.\\d)?|[${CJK_DIGITS}十两兩]{1,3})\\s*(?:[个個]\\s*)?)?(半\\s*)?(分[钟鐘]?|小[时時]|時間)(半)?\\s*(?:(?:ほど|程度|左右)\\s*)?(?:[後后]|[以之]?[内內])` +
    `|(?:(?:${CJK_ZONE})\\s*)?(?:([上下]午|午[前後]|晚上)\\s*)?(\\d{1,2})(?:[:：](\\d\\d)|\\s*[時时点點](?:\\s*(\\d{1,2})\\s*分)?)\\s*(?:[(（]\\s*)?(?:${CJK_ZONE})?)` +
    '([^。\\n]{0,15}?(?:お知らせ|報告|続報|連絡|通[报報]|更新(?:(?:いた)?します|(?![^进進情状狀予\\P{L}]))))?',
  'giu',
);

/** `minutes` after `from`, if a promise: under 5 ("in a minute") or over a week is none. */
const inRange = (minutes: number, from: number): number | undefined =>
  minutes >= 5 && minutes <= 7 * 1440 ? from + minutes * MINUTE : undefined;

/** The next moment at or after `from` that reads `hour:minute` at `offset` minutes from UTC. */
function nextClock(from: number, hour: number, minute: number, offset: number): number | undefined {
  if (hour > 23 || minute > 59) return undefined;
  const local = from + offset * MINUTE;
  const at = local - (((local % DAY) + DAY) % DAY) + (hour * 60 + minute - offset) * MINUTE;
  return at < from ? at + DAY : at;
}

function readDuration(m: RegExpExecArray | null, from: number): number | undefined {
  if (!m) return undefined;
  const [, digits, to, word, unit = '', extra, hour] = m;
  if (hour) return from + 60 * MINUTE;
  const amount = digits
    ? Math.max(Number(digits.replace(',', '.')), Number(to ?? 0))
    : VALUES[groupOf(WORDS, word!)];
  if (amount === undefined) return undefined;
  const per = /^m/i.test(unit) ? 1 : /^[dtj]/i.test(unit) ? 1440 : 60;
  return inRange(amount * per + Number(extra ?? 0), from);
}

function readClock(m: RegExpExecArray | null, from: number, lead: boolean): number | undefined {
  if (!m) return undefined;
  const [, by, h, mm, marker = '', zone = '', sign, oh, om] = m;
  // "at 3 UTC" names no clearly written time: a minute, am/pm or "Uhr" must say it is one.
  if ((lead && !by) || (!mm && !marker)) return undefined;
  const index = groupOf(ZONES, zone);
  let offset = (index - 10) * 60;
  if (sign) {
    offset = Number(oh) * 60 + Number(om ?? 0);
    if (!/^(utc|gmt)$/i.test(zone) || offset > 840) return undefined;
    if (sign !== '+') offset = -offset;
  }
  let hour = Number(h);
  if (/^[ap]/i.test(marker)) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (/^p/i.test(marker) ? 12 : 0);
  }
  return index < 0 ? undefined : nextClock(from, hour, Number(mm ?? 0), offset);
}

/** The time right after a promise, past at most three words (none after the verb). */
function readAfter(text: string, at: number, from: number, words: number): number | undefined {
  for (let skipped = 0; ; skipped += 1) {
    DURATION.lastIndex = CLOCK.lastIndex = FILLER.lastIndex = at;
    // A clock time past other words needs its "at"/"by": "after 09:00 UTC" is none.
    const found =
      readDuration(DURATION.exec(text), from) ?? readClock(CLOCK.exec(text), from, skipped > 0);
    const word = skipped < words && FILLER.exec(text);
    if (found !== undefined || !word) return found;
    at += word[0].length;
  }
}

function readCjk(m: RegExpExecArray, from: number): number | undefined {
  const [all, next, n, half1, unit, half2, ampm, h, mm1, mm2, update] = m;
  if (!next && !update) return undefined;
  if (unit) {
    const amount = (n ? cjkNumber(n) : 0) + (half1 || half2 ? 0.5 : 0);
    return inRange(unit.startsWith('分') ? amount : amount * 60, from);
  }
  const zone = new RegExp(CJK_ZONE, 'i').exec(all)?.[0];
  if (!zone) return undefined;
  const offset = /^[日j]/i.test(zone) ? 540 : /[世ug]/i.test(zone) ? 0 : 480;
  const hour = Number(h) + (ampm && /[下後晚]/.test(ampm) && Number(h) < 12 ? 12 : 0);
  return nextClock(from, hour, Number(mm1 ?? mm2 ?? 0), offset);
}

function cjkNumber(text: string): number {
  if (/^\d/.test(text)) return Number(text);
  const digit = (c = '') => CJK_DIGITS.indexOf(c) + 1 || ('两兩'.includes(c) && c ? 2 : 0);
  const ten = text.indexOf('十');
  return ten < 0 ? digit(text[0]) : (ten ? digit(text[0]) : 1) * 10 + digit(text[ten + 1]);
}

function promisesIn(text: string, from: number): number[] {
  return [
    ...[...text.matchAll(TRIGGER)].map((m) =>
      readAfter(text, m.index + m[0].length, from, m[1] ? 0 : 3),
    ),
    ...[...text.matchAll(CJK)].map((m) => readCjk(m, from)),
  ].filter((at): at is number => at !== undefined);
}

/**
 * When an update written at `postedAt` promises the next one, as an ISO date; or
 * undefined when it promises nothing clearly. Of several promises the latest counts:
 * the one that cannot make a false warning.
 */
export function promisedUpdateAt(text: string, postedAt: string): string | undefined {
  const from = Date.parse(postedAt);
  if (Number.isNaN(from) || !text) return undefined;
  const parts =
    text.length > 2 * MAX_TEXT ? [text.slice(0, MAX_TEXT), text.slice(-MAX_TEXT)] : [text];
  const found = parts.flatMap((part) => promisesIn(part, from));
  return found.length ? new Date(Math.max(...found)).toISOString() : undefined;
}

/**
 * The incident with the promise its latest update writes as `nextUpdateAt`, unless
 * the feed gave one. Only the latest update speaks: an older promise was kept or
 * broken by the update that followed it.
 */
export function withTextPromise<T extends Incident>(incident: T): T {
  const latest = incident.updates[0];
  // Resolved: nothing more is owed (the rule of ./indicator.ts, not imported so that
  // this module can ride in the readers' shared chunk: see rollup.config.mjs).
  const done = incident.status === 'resolved' || incident.status === 'postmortem';
  if (incident.nextUpdateAt || !latest || done) return incident;
  const at = promisedUpdateAt(latest.body, latest.createdAt);
  if (at) incident.nextUpdateAt = at;
  return incident;
}
