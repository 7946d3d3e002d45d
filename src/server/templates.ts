// Approved wordings for incident communication: acknowledge fast, say what users
// see, always promise the next update, close with what was done.
import type { Template } from './data.js';
import { invalid } from './errors.js';
import { Fields } from './fields.js';
import { formatTime, loadLocale, supportedLocales } from '../i18n/index.js';

// Each language's date order and zone names (北京时间) come with its words.
await Promise.all(supportedLocales().map((locale) => loadLocale(locale)));

export const BUILT_IN_TEMPLATES: readonly Template[] = [
  {
    id: 'investigating',
    status: 'investigating',
    description: 'First contact: a problem is reported and being looked at.',
    text: {
      en: 'We are investigating reports of {problem}. We will post an update by {next}.',
      'zh-CN': '我们正在调查{problem}问题，将于{next}前发布最新进展。',
    },
  },
  {
    id: 'high-load',
    status: 'investigating',
    description: 'First contact for slowness under load.',
    text: {
      en: 'Load is higher than normal; pages may be slow. We are investigating and will post an update by {next}.',
      'zh-CN': '目前访问量高于平时，部分页面可能加载较慢。我们正在排查，将于{next}前发布最新进展。',
    },
  },
  {
    id: 'identified',
    status: 'identified',
    description: 'The cause is known and a fix is under way.',
    text: {
      en: 'We have identified the cause: {cause}. We are working on a fix and will post an update by {next}.',
      'zh-CN': '我们已查明原因：{cause}。修复工作正在进行，将于{next}前发布最新进展。',
    },
  },
  {
    id: 'update',
    description: 'Periodic update while work continues.',
    text: {
      en: 'We are still working on this. {progress} Next update by {next}.',
      'zh-CN': '我们仍在全力处理。{progress}下一次更新将于{next}前发布。',
    },
  },
  {
    id: 'monitoring',
    status: 'monitoring',
    description: 'A fix is in place and being watched.',
    text: {
      en: 'A fix has been applied and we are monitoring the results. Next update by {next}.',
      'zh-CN': '修复措施已上线，我们正在持续观察。将于{next}前发布最新进展。',
    },
  },
  {
    id: 'resolved',
    status: 'resolved',
    description: 'Resolution: what was done.',
    text: {
      en: 'This incident has been resolved. {summary} We will publish a postmortem.',
      'zh-CN': '问题已解决。{summary}我们将发布事故复盘报告。',
    },
  },
  {
    id: 'postmortem',
    status: 'postmortem',
    // No {url}: the request's postmortemUrl is what every widget links ("Read the
    // postmortem"), so the text does not repeat it as a raw address.
    description: 'The postmortem is published (give its postmortemUrl).',
    text: {
      en: 'We have published a postmortem of this incident.',
      'zh-CN': '本次事故的复盘报告已发布。',
    },
  },
];

/** Built-in templates, with the data file's own ones added (or replacing one by id). */
export function allTemplates(own: readonly Template[]): (Template & { source: string })[] {
  const byId = new Map<string, Template & { source: string }>();
  for (const template of BUILT_IN_TEMPLATES)
    byId.set(template.id, { ...template, source: 'built-in' });
  for (const template of own) byId.set(template.id, { ...template, source: 'data file' });
  return [...byId.values()];
}

/** The `{placeholders}` a wording uses. */
export function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{([A-Za-z][\w-]*)\}/g)].map((match) => match[1]!))];
}

export interface TemplateRequest {
  template: Template;
  locale: string;
  vars: Record<string, string>;
}

/**
 * Reads `template`, `vars` and `locale` from a request body. `{next}` is filled
 * from the promised next update, so a template that promises one requires it.
 */
export function readTemplateRequest(
  body: Fields,
  templates: readonly Template[],
): TemplateRequest | undefined {
  if (!body.has('template')) {
    for (const name of ['vars', 'locale']) {
      if (body.has(name)) throw invalid(name, 'is only used together with template');
    }
    return undefined;
  }
  const id = body.value['template'];
  const template = allTemplates(templates).find((item) => item.id === id);
  if (!template) {
    throw invalid(
      'template',
      `must name a known template (${allTemplates(templates)
        .map((item) => item.id)
        .join(', ')}); GET /admin/templates lists them`,
    );
  }
  const locales = Object.keys(template.text);
  const locale = body.has('locale')
    ? body.oneOf('locale', locales)
    : locales.includes('en')
      ? 'en'
      : locales[0]!;
  const given = body.object('vars');
  const vars: Record<string, string> = {};
  const wanted = placeholders(template.text[locale]!).filter((name) => name !== 'next');
  for (const key of Object.keys(given?.value ?? {})) {
    if (!wanted.includes(key)) {
      throw invalid(
        `vars.${key}`,
        `is not used by template ${template.id} (it uses: ${wanted.join(', ') || 'no vars'})`,
      );
    }
  }
  for (const name of wanted) {
    if (!given?.has(name)) throw invalid(`vars.${name}`, `is required by template ${template.id}`);
    vars[name] = given.text(name, 2000);
  }
  return { template, locale, vars };
}

/** The wording with its placeholders filled; `next` is the promised time, if any. */
export function renderTemplate(
  request: TemplateRequest,
  next: Date | undefined,
  timeZone: string | undefined,
  now: number = Date.now(),
): string {
  const text = request.template.text[request.locale]!;
  if (placeholders(text).includes('next') && !next) {
    throw invalid(
      'nextUpdateInMinutes',
      `is required by template ${request.template.id}, which promises the next update`,
    );
  }
  const chinese = request.locale.startsWith('zh');
  return text.replace(/\{([A-Za-z][\w-]*)\}/g, (whole, name: string, at: number) => {
    const value =
      name === 'next'
        ? formatClock(next!, request.locale, timeZone ?? 'UTC', now)
        : (request.vars[name] ?? '');
    return chinese ? spaceApart(text[at - 1], value, text[at + whole.length]) : value;
  });
}

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
const LATIN_OR_DIGIT = /[A-Za-z0-9]/;

/**
 * Chinese text sets a word in Latin letters or digits apart from the characters
 * around it with a space ("将于 UTC 14:30 前", "调查 API 问题"); templates are written
 * without them, since whether one is needed depends on the value.
 */
function spaceApart(before: string | undefined, value: string, after: string | undefined): string {
  const start = before && HAN.test(before) && LATIN_OR_DIGIT.test(value[0] ?? '') ? ' ' : '';
  const end = after && HAN.test(after) && LATIN_OR_DIGIT.test(value.at(-1) ?? '') ? ' ' : '';
  return `${start}${value}${end}`;
}

// The widgets' own formatter, so that a time in an update's text names its zone as
// the widget beside it does (北京时间 08:36 in both, UTC as UTC).
function formatClock(time: Date, locale: string, timeZone: string, now: number): string {
  try {
    return formatTime(locale, time, timeZone, now);
  } catch {
    // An unknown time zone in the data file must not stop an update from going out.
    return `${time.toISOString().slice(11, 16)} UTC`;
  }
}
