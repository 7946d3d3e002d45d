import { enCommon, type Message, type MessageKey, type Messages } from './messages/en.js';

export type { Message, MessageKey, Messages };

// English ships inside every bundle, each element bringing its own words (see
// addEnglish); the other tables are separate chunks loaded on first use, so an
// English page never downloads five other languages.
type Table = { messages: Messages };
const loaders: Record<string, () => Promise<Table>> = {
  'zh-CN': () => import('./messages/zh-CN.js'),
  'zh-TW': () => import('./messages/zh-TW.js'),
  es: () => import('./messages/es.js'),
  fr: () => import('./messages/fr.js'),
  de: () => import('./messages/de.js'),
  ja: () => import('./messages/ja.js'),
};

const tables = new Map<string, Partial<Messages>>([['en', enCommon]]);
const pending = new Map<string, Promise<void>>();
const ready = new Set<string>(['en']);

/**
 * Overrides some or all messages of a locale, or adds a locale. Overrides win over
 * the shipped table, also when that table loads later.
 */
export function setMessages(locale: string, messages: Partial<Messages>): void {
  tables.set(locale, { ...tables.get(locale), ...messages });
}

/**
 * Adds English words an element needs (its part of the English table), beneath any
 * override a site made with setMessages.
 */
export function addEnglish(words: Partial<Messages>): void {
  tables.set('en', { ...words, ...tables.get('en') });
}

/** Every locale with messages: the shipped ones and any added with setMessages. */
export function supportedLocales(): string[] {
  return [...new Set(['en', ...Object.keys(loaders), ...tables.keys()])];
}

/**
 * The best table for a BCP 47 tag: exact, then Chinese by script (Traditional for
 * zh-Hant, zh-TW, zh-HK and zh-MO; Simplified otherwise), then language-only
 * ("pt-BR" → "pt"), then English.
 */
export function matchLocale(requested: string | undefined): string {
  if (!requested) return 'en';
  let lower = requested.toLowerCase();
  const keys = supportedLocales();
  const language = lower.split('-')[0];
  if (language === 'zh' && !keys.some((key) => key.toLowerCase() === lower)) {
    lower = /-(hant|tw|hk|mo)(-|$)/.test(lower) && !/-hans(-|$)/.test(lower) ? 'zh-tw' : 'zh-cn';
  }
  return (
    keys.find((key) => key.toLowerCase() === lower) ??
    keys.find((key) => key.toLowerCase().split('-')[0] === language) ??
    'en'
  );
}

/** The `locale` attribute, else the nearest `lang`, else the browser's language. */
export function resolveLocale(host: HTMLElement, locale?: string): string {
  const fromLang = host.closest('[lang]')?.getAttribute('lang') || undefined;
  return matchLocale(locale || fromLang || globalThis.navigator?.language);
}

/**
 * Loads a shipped table once; undefined when the locale is ready to render now.
 * A failed load leaves English in place rather than blanking the element.
 */
export function loadLocale(locale: string): Promise<void> | undefined {
  const load = loaders[locale];
  if (!load || ready.has(locale)) return undefined;
  let promise = pending.get(locale);
  if (!promise) {
    promise = load()
      .then(({ messages }) => void tables.set(locale, { ...messages, ...tables.get(locale) }))
      .catch(() => undefined)
      .finally(() => ready.add(locale));
    pending.set(locale, promise);
  }
  return promise;
}

/**
 * A message in a locale (English where the locale has none), with `{name}`
 * placeholders filled from `vars`; a message with plural forms picks the form for
 * `vars.count` by the locale's plural rules. English holds the words of the
 * elements loaded (each brings its own, see addEnglish): through the package's
 * main entry, that is every element's.
 */
export function msg(
  locale: string,
  key: MessageKey,
  vars?: Record<string, string | number>,
): string {
  const found = tables.get(locale)?.[key] ? locale : 'en';
  const entry: Message = tables.get(found)?.[key] ?? key;
  const template =
    typeof entry === 'string'
      ? entry
      : (entry[pluralRules(found).select(Number(vars?.count)) as 'one'] ?? entry.other);
  // Numbers as the language writes them: "19,900" in English, "19.900" in German.
  const fill = (value: string | number) =>
    typeof value === 'number' ? intl(Intl.NumberFormat, locale).format(value) : value;
  return vars
    ? template.replace(/\{(\w+)\}/g, (whole, name: string) =>
        vars[name] === undefined ? whole : fill(vars[name]),
      )
    : template;
}

// Building an Intl formatter costs far more than using one: a long incident list
// formats thousands of dates, so every formatter is made once per locale and options.
const formatters = new Map<string, unknown>();
function intl<T>(
  Kind: new (locale: string, options: never) => T,
  locale: string,
  options: object = {},
): T {
  const key = Kind.name + locale + JSON.stringify(options);
  let format = formatters.get(key) as T | undefined;
  if (!format) formatters.set(key, (format = new Kind(locale, options as never)));
  return format;
}

const pluralRules = (locale: string) => intl(Intl.PluralRules, locale);

const dateFormat = { month: 'short', day: 'numeric' } as const;
const clockFormat = { hour: 'numeric', minute: '2-digit' } as const;

/**
 * `at` formatted with `options` and its zone, the zone written as the language names
 * it (its `time.zones`: "Asia/Shanghai=北京时间 …", by canonical IANA id), else as Intl
 * does ("UTC", "GMT+8"), never in brackets.
 */
function zoned(locale: string, at: Date, timeZone: string | undefined, options: object): string {
  const format = intl(Intl.DateTimeFormat, locale, { ...options, timeZone, timeZoneName: 'short' });
  const name = msg(locale, 'time.zones').match(`${format.resolvedOptions().timeZone}=(\\S+)`)?.[1];
  return (
    format
      .formatToParts(at)
      .map((part) => (part.type === 'timeZoneName' && name ? name : part.value))
      .join('')
      // As format() writes it in every engine ("8:30 PM", not ICU's narrow space), and
      // zh-TW's "上午8:09 [GMT+8]" as "上午8:09（GMT+8）".
      .replace(/\u202f/g, ' ')
      .replace(/\s*\[(.+?)\]/, '（$1）')
  );
}

/**
 * A time of day with its zone ("2:30 PM UTC", "北京时间 22:30"), in the viewer's (or
 * the given) time zone, so a reader can compare it with a time written in an update;
 * with its date when that is not the day of `now` there ("4:50 PM UTC on Dec 3", by the
 * language's `time.onDate`). `short`: only "2:38 AM" today, else "Dec 3", for a tight
 * place beside the whole sentence. The widgets and the server's update templates both
 * write times with it.
 */
export function formatTime(
  locale: string,
  iso: string | number | Date,
  timeZone?: string,
  now: number = Date.now(),
  short = false,
): string {
  const at = new Date(iso);
  const day = intl(Intl.DateTimeFormat, 'en', { dateStyle: 'short', timeZone });
  const today = day.format(at) === day.format(now);
  if (short)
    return intl(Intl.DateTimeFormat, locale, {
      ...(today ? clockFormat : dateFormat),
      timeZone,
    }).format(at);
  const time = zoned(locale, at, timeZone, clockFormat);
  if (today) return time;
  const date = intl(Intl.DateTimeFormat, locale, { ...dateFormat, timeZone }).format(at);
  return msg(locale, 'time.onDate', { time, date });
}

/** A date and time with its zone, short, in the viewer's (or the given) time zone. */
export function formatDateTime(locale: string, iso: string | number, timeZone?: string): string {
  return zoned(locale, new Date(iso), timeZone, { year: 'numeric', ...dateFormat, ...clockFormat });
}

/** "12 minutes ago", "in 3 hours", "yesterday": the distance from `now`, in words. */
export function formatRelative(locale: string, iso: string | number, now = Date.now()): string {
  const ms = new Date(iso).getTime() - now;
  // Under a minute still reads "1 minute ago", not "this minute" (callers say "just now").
  const minutes = Math.round(ms / 60_000) || Math.sign(ms);
  const hours = Math.round(minutes / 60);
  const format = intl(Intl.RelativeTimeFormat, locale, { numeric: 'auto' });
  if (Math.abs(minutes) < 60) return format.format(minutes, 'minute');
  if (Math.abs(hours) < 48) return format.format(hours, 'hour');
  return format.format(Math.round(hours / 24), 'day');
}

const unit = (locale: string, value: number, name: string, display = 'short') =>
  intl(Intl.NumberFormat, locale, { style: 'unit', unit: name, unitDisplay: display }).format(
    value,
  );

/** A length of time as "2 hr, 15 min" (days, hours and minutes; at least one minute). */
export function formatDuration(locale: string, ms: number): string {
  const total = Math.max(1, Math.round(ms / 60_000));
  const parts: Array<[number, string]> = [
    [Math.floor(total / 1440), 'day'],
    [Math.floor(total / 60) % 24, 'hour'],
    [total % 60, 'minute'],
  ];
  return intl(Intl.ListFormat, locale, { type: 'unit', style: 'narrow' }).format(
    parts.filter(([value]) => value > 0).map(([value, name]) => unit(locale, value, name)),
  );
}

/** "99.95%": an uptime (0–100) as the locale writes a percentage. */
export function formatPercent(locale: string, uptime: number): string {
  return intl(Intl.NumberFormat, locale, { style: 'percent', maximumFractionDigits: 2 }).format(
    uptime / 100,
  );
}

/** "Mar 12, 2026": a calendar day (`YYYY-MM-DD`), never shifted by a time zone. */
export function formatDay(locale: string, date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  // Formatted as UTC, the midnight of that day stays that day.
  return intl(Intl.DateTimeFormat, locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    Date.UTC(year, month - 1, day),
  );
}
