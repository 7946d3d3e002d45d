import { en, type MessageKey, type Messages } from './messages/en.js';
import { zhCN } from './messages/zh-CN.js';

export type { MessageKey, Messages };

const tables = new Map<string, Partial<Messages>>([
  ['en', en],
  ['zh-CN', zhCN],
]);

/** Overrides some or all messages of a locale (or adds a locale). */
export function setMessages(locale: string, messages: Partial<Messages>): void {
  tables.set(locale, { ...tables.get(locale), ...messages });
}

/** The locale tags with a message table, most specific first when matching. */
export function supportedLocales(): string[] {
  return [...tables.keys()];
}

/** The best table for a BCP 47 tag: exact, then language-only ("zh-Hans-CN" → "zh-CN"), then English. */
export function matchLocale(requested: string | undefined): string {
  if (!requested) return 'en';
  const lower = requested.toLowerCase();
  const keys = [...tables.keys()];
  const exact = keys.find((key) => key.toLowerCase() === lower);
  if (exact) return exact;
  const language = lower.split('-')[0];
  return keys.find((key) => key.toLowerCase().split('-')[0] === language) ?? 'en';
}

/** The `locale` attribute, else the nearest `lang`, else the browser's language. */
export function resolveLocale(host: HTMLElement, locale?: string): string {
  const fromLang = host.closest('[lang]')?.getAttribute('lang') || undefined;
  return matchLocale(locale || fromLang || globalThis.navigator?.language);
}

/** A message in a locale, with `{name}` placeholders filled from `vars`. */
export function msg(
  locale: string,
  key: MessageKey,
  vars?: Record<string, string | number>,
): string {
  const template = tables.get(locale)?.[key] ?? tables.get('en')?.[key] ?? en[key];
  return vars
    ? template.replace(/\{(\w+)\}/g, (whole, name: string) => String(vars[name] ?? whole))
    : template;
}

/** A time of day in the viewer's (or the given) time zone. */
export function formatTime(locale: string, iso: string | number, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone }).format(
    new Date(iso),
  );
}
