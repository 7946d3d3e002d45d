// The promise of the next update, read from an update's own words, for the formats
// that have no field for it (Statuspage, incident.io, Better Stack, Cachet, Atom/RSS):
// "We will provide another update in 1 hour", "Next update at 14:30 UTC". Only a
// clear promise counts: a false overdue warning is worse than none, so a phrase that
// could mean anything else ("updates as necessary", "in the past 30 minutes", a time
// without its zone, a zone name with two meanings) is left alone. docs/feeds.md,
// "Promises written in an update", lists what is read.
// Every pattern is anchored where it starts (sticky) or made of disjoint parts, and
// the text is capped, so the work stays linear whatever a feed sends.
import type { Incident } from './types.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** The longest stretch of text read, at each end: promises open or close an update. */
const MAX_TEXT = 2000;

/** Fixed offsets (minutes) of the zone names read. Names with two meanings are not here: CST, IST, BST, AST, PT, ET, CT. */
const ZONES: Record<string, number> = {
  utc: 0,
  gmt: 0,
  wet: 0,
  west: 60,
  cet: 60,
  mez: 60,
  cest: 120,
  mesz: 120,
  eet: 120,
  eest: 180,
  est: -300,
  edt: -240,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  akst: -540,
  akdt: -480,
  hst: -600,
  jst: 540,
  kst: 540,
  hkt: 480,
  sgt: 480,
  awst: 480,
  aest: 600,
  aedt: 660,
  nzst: 720,
  nzdt: 780,
  日本時間: 540,
  北京时间: 480,
  北京時間: 480,
  台北时间: 480,
  台北時間: 480,
  臺北時間: 480,
  台湾时间: 480,
  台灣時間: 480,
  香港时间: 480,
  香港時間: 480,
  协调世界时: 0,
  協調世界時: 0,
  協定世界時: 0,
};

// Number words of the shipped languages ("an hour", "eine Stunde", "une heure").
const WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  ten: 10,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  'forty-five': 45,
  sixty: 60,
  ninety: 90,
  ein: 1,
  eine: 1,
  einer: 1,
  zwei: 2,
  drei: 3,
  vier: 4,
  fünf: 5,
  zehn: 10,
  fünfzehn: 15,
  zwanzig: 20,
  dreißig: 30,
  un: 1,
  une: 1,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  dix: 10,
  quinze: 15,
  vingt: 20,
  trente: 30,
  una: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  diez: 10,
  quince: 15,
  veinte: 20,
  treinta: 30,
};
const NUM = `(\\d{1,3}(?:[.,]\\d{1,2})?|${Object.keys(WORDS)
  .sort((a, b) => b.length - a.length)
  .join('|')})`;
const UNIT =
  '(minutes?|minuten?|minutos?|mins?|m|hours?|hrs?|h|stunden?|std|heures?|horas?|days?|tage?n?|jours?|d[ií]as?)';

/** Minutes in one unit, by the unit's first letters. */
function unitMinutes(unit: string): number {
  const u = unit.toLowerCase();
  if (u.startsWith('m')) return 1;
  if (/^(d|t|j)/.test(u)) return 24 * 60;
  return 60;
}

const number = (word: string): number =>
  WORDS[word.toLowerCase()] ?? Number(word.replace(',', '.'));

// A duration, counted from the update: "in 30 minutes", "within the next hour",
// "in the next 30-45 minutes" (the later end), "in 1 hour and 30 minutes",
// "dans les 30 prochaines minutes", "innerhalb der nächsten Stunde", "en media hora".
const DURATION = new RegExp(
  "\\s*(?:in|within|innerhalb|dans|d['’]ici|en|dentro\\s+de|every|alle|toutes\\s+les|cada)\\s+" +
    '(?:(?:the|der|den|les|los|las|la)\\s+)?(?:(?:next|nächsten|prochaines?|pr[oó]xim[oa]s?)\\s+)?' +
    '(?:(?:approximately|about|around|roughly|another|less\\s+than|under|ca\\.?|etwa|circa|ungefähr|rund|environ|moins\\s+de|unos|unas|aproximadamente)\\s+)?' +
    '(?:' +
    `${NUM}(?:\\s*(?:-|–|to|or|bis|à|a|y|o)\\s*${NUM})?\\s*(?:(?:prochaines?|pr[oó]xim[oa]s)\\s+)?${UNIT}(?:\\s+(?:and\\s+|und\\s+|et\\s+|y\\s+)?${NUM}\\s*(minutes?|minuten|minutos|mins?))?` +
    '|(?:(?:a|an|einer|une)\\s+)?(half|halben|demi|media)[\\s-]+(?:an\\s+)?(?:hour|stunde|heure|hora)' +
    "|(hour|stunde|l['’]heure|heure|hora)" +
    ')(?![\\p{L}\\d])',
  'iuy',
);

// A clock time with its zone: "at 14:30 UTC", "by 3:00 PM PDT", "um 15 Uhr MEZ",
// "à 14h30 UTC", "a las 15:00 UTC", "(UTC+8)". `bare`: no lead word (after "Next update:").
const CLOCK = new RegExp(
  "\\s*(?:[:\\-–—]\\s*)?(?:(?:at|by|before|around|until|no\\s+later\\s+than|um|bis|gegen|spätestens\\s+um|à|avant|vers|jusqu['’]à|a\\s+las|antes\\s+de\\s+las|hacia\\s+las|para\\s+las|hasta\\s+las)\\s+)?" +
    '(?:(?:approximately|about|ca\\.?|etwa|environ)\\s+)?' +
    '(\\d{1,2})(?:(?:[:.h]|\\s*heures?\\s*)(\\d{2}))?\\s*(a\\.?m\\.?|p\\.?m\\.?|uhr|h|heures?|horas?)?\\s*\\(?\\s*' +
    '(utc|gmt|[a-z]{2,5})(?:\\s*([+\\-−])\\s*(\\d{1,2})(?::?(\\d{2}))?)?\\s*\\)?(?![\\p{L}\\d])',
  'iuy',
);
const CLOCK_LEAD =
  /\s*(?:[:\-–—]\s*)?(?:at|by|before|around|until|no\s+later|um|bis|gegen|spätestens|à|avant|vers|jusqu|a\s+las|antes|hacia|para|hasta)\b/iuy;
// A date after the time ("at 09:00 UTC tomorrow", "on 3 Dec") makes it another day: not read.
const DATE_AFTER =
  /\s*,?\s*(?:on\b|tomorrow|morgen|demain|mañana|\d|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|satur|sun)(?:day)?\b|(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b)/iy;

// Words that may stand between the promise and its time ("an update on our progress
// in 30 minutes", "das nächste Update erfolgt spätestens um …"): letters only, never
// a word that starts another clause, names a day or another document ("more details
// in the postmortem within 5 days" is no promise of the next update).
const FILLER =
  /\s+(?!(?:when|once|after|if|as|until|because|while|and|or|but|which|that|unless|since|ago|was|were|has|had|today|tomorrow|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|postmortem|post-mortem|rca|wenn|sobald|nachdem|falls|und|oder|aber|morgen|heute|seit|vor|wurde|wurden|war|quand|dès|lorsque|si|et|ou|mais|demain|depuis|cuando|y|o|pero|mañana|hoy|desde|hace|fue)(?![\p{L}'’]))[\p{L}'’]+/iuy;
const MAX_FILLER = 3;

interface Trigger {
  pattern: RegExp;
  /** Words may stand between the trigger and its time. */
  filler: boolean;
  /** A clock time may follow without "at"/"by" ("Next update: 14:30 UTC"). */
  bare: boolean;
}

const UPDATE_NOUN =
  '(?:(?:another|an|a|the|our)\\s+)?(?:(?:next|further|additional|new|more|status|incident|progress)\\s+){0,2}(?:updates?|information|details)';

const TRIGGERS: Trigger[] = [
  // English: "Next update in 30 minutes", "The next update will be provided at …".
  { pattern: /\bnext\s+update\b/giu, filler: true, bare: true },
  // "We will provide another update in 1 hour", "We'll post an update within the hour".
  {
    pattern: new RegExp(
      `(?:\\bwill|['’]ll|\\bshall|\\b(?:plan|expect|aim|intend)\\s+to)\\s+(?:continue\\s+to\\s+)?(?:provide|post|share|send|give|issue|publish|have)\\s+(?:(?:you|customers|everyone)\\s+)?(?:with\\s+)?${UPDATE_NOUN}\\b`,
      'giu',
    ),
    filler: true,
    bare: false,
  },
  // "We'll update within the next hour", "We will update this incident in 30 minutes".
  {
    pattern:
      /(?:\bwill|['’]ll)\s+(?:continue\s+to\s+)?update(?:\s+(?:you|everyone|customers|here|this\s+(?:page|incident|post)|the\s+(?:status\s+page|incident)))?\b/giu,
    filler: false,
    bare: false,
  },
  // "Expect another update in 30 minutes", "An update will be provided within 1 hour".
  {
    pattern:
      /\b(?:expect\s+(?:another|an|the\s+next|a\s+further)\s+update|(?:another|an|a\s+further|further|additional)\s+updates?\s+(?:will\s+(?:be\s+(?:provided|posted|shared|given|published|issued|sent)|follow|come)|to\s+follow))\b/giu,
    filler: true,
    bare: false,
  },
  // German: "Nächstes Update in 30 Minuten", "Ein weiteres Update folgt um 15:00 Uhr MEZ".
  {
    pattern:
      /(?:^|[^\p{L}])(?:nächste[snmr]?|weitere[snmr]?)\s+(?:status)?(?:-?update|aktualisierung|meldung|informationen)(?![\p{L}])/giu,
    filler: true,
    bare: true,
  },
  {
    pattern: /\bwir\s+(?:melden\s+uns|informieren\s+(?:sie|euch))\b/giu,
    filler: true,
    bare: false,
  },
  // French: "Prochaine mise à jour dans 30 minutes", "Nous publierons une nouvelle mise à jour d'ici 1 heure".
  {
    pattern:
      /(?:^|[^\p{L}])(?:(?:prochaine|nouvelle)\s+(?:mise\s+[àa]\s+jour|communication)|prochain\s+(?:point|bulletin|message)|nous\s+reviendrons\s+vers\s+vous)(?![\p{L}])/giu,
    filler: true,
    bare: true,
  },
  // Spanish: "Próxima actualización en 30 minutos", "Publicaremos otra actualización a las 15:00 UTC".
  {
    pattern: /(?:^|[^\p{L}])(?:pr[oó]xima|nueva|otra|siguiente)\s+actualizaci[oó]n(?![\p{L}])/giu,
    filler: true,
    bare: true,
  },
];

// Japanese and Chinese: a duration or a clock time tied to an update word.
const CJK_NUM = '(\\d{1,3}(?:\\.\\d)?|[一二两兩三四五六七八九十]{1,3})';
const CJK_DURATION = `(?:${CJK_NUM}\\s*(?:个|個)?\\s*)?(半)?\\s*(分钟|分鐘|分|小时|小時|時間|钟头|鐘頭)(半)?\\s*(?:程度|ほど|左右)?\\s*(?:後|后|以内|以內|之内|之內|内|內)`;
const CJK_ZONE =
  '(日本時間|北京时间|北京時間|台北时间|台北時間|臺北時間|台湾时间|台灣時間|香港时间|香港時間|协调世界时|協調世界時|協定世界時|UTC|GMT|JST)';
const CJK_CLOCK = `(?:${CJK_ZONE}\\s*)?(上午|下午|午前|午後|晚上)?\\s*(\\d{1,2})(?:[:：](\\d{2})|\\s*[時时点點](?:\\s*(\\d{1,2})\\s*分)?)\\s*(?:[(（]\\s*${CJK_ZONE}\\s*[)）]|${CJK_ZONE})?`;
// What the time is tied to: an announcement, or "update" ending its clause (so that
// "30分钟后更新配置", updating a setting, is not a promise).
const CJK_UPDATE =
  '(?:お知らせ|ご?報告|続報|ご?連絡|ご?案内|アップデート|更新(?:いた)?します|更新予定|通报|通報|告知|公告|更新(?=$|[。，,.!！；;\\s)）]|进展|進展|情况|情況|状态|狀態|信息|資訊|消息))';
const CJK_NEXT =
  '(?:次回の?|次の|下一?次的?)(?:更新|ご?報告|お知らせ|ご?案内|通报|通報|公告)(?:时间|時間|は|を|为|為|是|将|將|于|於|：|:|\\s)*';
const CJK = [
  new RegExp(`${CJK_NEXT}[^。\\n]{0,12}?(?:${CJK_DURATION}|${CJK_CLOCK})`, 'gu'),
  new RegExp(
    `(?:${CJK_DURATION}|${CJK_CLOCK}\\s*(?:頃|ごろ|前|之前|以前)?\\s*(?:まで)?)[^。\\n]{0,15}?${CJK_UPDATE}`,
    'gu',
  ),
];

function cjkNumber(text: string): number {
  if (/^\d/.test(text)) return Number(text);
  const digit = (c: string | undefined) =>
    '一二三四五六七八九'.indexOf(c ?? '') + 1 || (c === '两' || c === '兩' ? 2 : 0);
  const ten = text.indexOf('十');
  if (ten < 0) return digit(text[0]);
  return (ten === 0 ? 1 : digit(text[0])) * 10 + digit(text[ten + 1]);
}

/** The next moment at or after `from` that reads `hour:minute` at `offset` minutes from UTC. */
function nextClock(from: number, hour: number, minute: number, offset: number): number | undefined {
  if (hour > 23 || minute > 59) return undefined;
  const local = from + offset * MINUTE;
  const at =
    local - (((local % DAY) + DAY) % DAY) + (hour * 60 + minute) * MINUTE - offset * MINUTE;
  return at < from ? at + DAY : at;
}

/** A zone's offset in minutes: a name read above, or UTC/GMT with an explicit offset. */
function zoneOffset(
  name: string | undefined,
  sign?: string,
  hours?: string,
  minutes?: string,
): number | undefined {
  if (!name) return undefined;
  const base = ZONES[name.toLowerCase()] ?? ZONES[name];
  if (base === undefined) return undefined;
  if (!sign) return base;
  if (base !== 0 || !/^(utc|gmt)$/i.test(name)) return undefined;
  const value = Number(hours) * 60 + Number(minutes ?? 0);
  return value > 14 * 60 ? undefined : sign === '+' ? value : -value;
}

function readDuration(text: string, at: number, from: number): number | undefined {
  DURATION.lastIndex = at;
  const m = DURATION.exec(text);
  if (!m) return undefined;
  const [, first, second, unit, extra, , half, hour] = m;
  if (half) return from + 30 * MINUTE;
  if (hour) return from + 60 * MINUTE;
  const amount = Math.max(number(first!), second ? number(second) : 0);
  return inRange(amount * unitMinutes(unit!) + (extra ? number(extra) : 0), from);
}

/**
 * `minutes` after `from`, when it reads as a promise: "in a minute" (under 5) is a
 * manner of speaking, and more than a week is no promise a page could keep.
 */
function inRange(minutes: number, from: number): number | undefined {
  return minutes >= 5 && minutes <= 7 * 24 * 60 ? from + minutes * MINUTE : undefined;
}

function readClock(text: string, at: number, from: number, bare: boolean): number | undefined {
  CLOCK_LEAD.lastIndex = at;
  if (!bare && !CLOCK_LEAD.test(text)) return undefined;
  CLOCK.lastIndex = at;
  const m = CLOCK.exec(text);
  if (!m) return undefined;
  const [, h, mm, marker, zone, sign, oh, om] = m;
  // "at 3 UTC" names no clearly written time: a minute, am/pm or "Uhr" must say it is one.
  if (!mm && !marker) return undefined;
  const offset = zoneOffset(zone, sign, oh, om);
  if (offset === undefined) return undefined;
  DATE_AFTER.lastIndex = CLOCK.lastIndex;
  if (DATE_AFTER.test(text)) return undefined;
  let hour = Number(h);
  const pm = /^p/i.test(marker ?? '');
  if (/^[ap]/i.test(marker ?? '')) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  return nextClock(from, hour, Number(mm ?? 0), offset);
}

/** The promise right after a trigger, past at most MAX_FILLER words. */
function readAfter(text: string, at: number, from: number, trigger: Trigger): number | undefined {
  for (let words = 0; words <= (trigger.filler ? MAX_FILLER : 0); words += 1) {
    const found = readDuration(text, at, from) ?? readClock(text, at, from, trigger.bare);
    if (found !== undefined) return found;
    FILLER.lastIndex = at;
    const word = FILLER.exec(text);
    if (!word) return undefined;
    at += word[0].length;
  }
  return undefined;
}

function readCjk(m: RegExpExecArray, from: number): number | undefined {
  // Groups: duration (number, 半, unit, 半), then clock (zone, half-day, hour, minute, minute, zone, zone).
  const [, n, half1, unit, half2, zone1, ampm, h, mm1, mm2, zone2, zone3] = m;
  if (unit) {
    const amount = (n ? cjkNumber(n) : 0) + (half1 || half2 ? 0.5 : 0);
    return inRange(unit.startsWith('分') ? amount : amount * 60, from);
  }
  const offset = zoneOffset(zone1 ?? zone2 ?? zone3);
  if (offset === undefined || !h) return undefined;
  let hour = Number(h);
  if (ampm && /[下後晚]/.test(ampm) && hour < 12) hour += 12;
  return nextClock(from, hour, Number(mm1 ?? mm2 ?? 0), offset);
}

function promisesIn(text: string, from: number): number[] {
  const found: number[] = [];
  for (const trigger of TRIGGERS) {
    for (const m of text.matchAll(trigger.pattern)) {
      const at = readAfter(text, m.index + m[0].length, from, trigger);
      if (at !== undefined) found.push(at);
    }
  }
  for (const pattern of CJK) {
    for (const m of text.matchAll(pattern)) {
      const at = readCjk(m, from);
      if (at !== undefined) found.push(at);
    }
  }
  return found;
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
