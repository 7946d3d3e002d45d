// Image badges for places where scripts cannot run (READMEs, email, wikis, chat):
// /badge.svg drawn by shields' own renderer, badge-maker (it writes role="img", an
// aria-label and a <title>), and /badge.json in shields' endpoint schema. Node only:
// badge-maker never reaches a browser bundle.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { makeBadge } from 'badge-maker';
import { componentFilter, findComponent, touches } from '../model/filter.js';
import { componentStatusToIndicator, deriveIndicator, indicatorRank } from '../model/indicator.js';
import type { Indicator, StatusSnapshot } from '../model/types.js';
import { loadLocale, matchLocale, msg, supportedLocales } from '../i18n/index.js';
import type { RevisionedData } from './documents.js';
import { RequestError } from './errors.js';
import { toSnapshot, type PublishedData } from './feed.js';
import { CORS, sendDocument, strongEtag } from './http.js';
import { sourceKeys } from './relay/merge.js';
import type { Relay } from './relay/relay.js';

await Promise.all(supportedLocales().map((locale) => loadLocale(locale)));

export const BADGE_STYLES = ['flat', 'flat-square', 'plastic', 'for-the-badge', 'social'] as const;
export type BadgeStyle = (typeof BADGE_STYLES)[number];

/**
 * A minute: GitHub's image proxy and a CDN keep a copy that long, so a README seen by
 * thousands costs the server a request a minute; a browser revalidates after it.
 */
export const BADGE_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=60';

/** Longest label drawn (characters); longer ones end in "…". */
export const LABEL_LIMIT = 64;
/** Most names `components` takes, and the longest query string read at all. */
export const COMPONENTS_LIMIT = 50;
const QUERY_LIMIT = 2048;
const OPTIONS = ['component', 'components', 'source', 'label', 'style', 'locale'] as const;

/**
 * The elements' severity palette (src/internal/styles.ts, light scheme), without "#"
 * as shields writes colours. Minor takes its dark-scheme tone: the light one is too
 * pale for white words, and on this one badge-maker writes dark words (8:1).
 */
export const BADGE_COLORS: Record<Indicator, string> = {
  operational: '1a7f37',
  minor: 'f2cc60',
  major: 'c2410c',
  critical: 'a40e26',
  maintenance: '0969da',
  unknown: '6e7781',
};

export interface BadgeQuery {
  component?: string;
  components?: string[];
  /** A relayed source, by its key (host name) or its name. */
  source?: string;
  label?: string;
  style: BadgeStyle;
  locale: string;
}

/** What a badge says, before it is drawn. */
export interface BadgeContent {
  label: string;
  message: string;
  color: string;
  /** Nothing is known to say (a source failing, a status unknown): grey, never "operational". */
  isError: boolean;
  style: BadgeStyle;
}

/** How well a relayed source is read now. */
type Health = 'ok' | 'stale' | 'unknown';

/** One relayed source as a badge sees it. */
export interface BadgeSource {
  key: string;
  name: string;
  health: Health;
  snapshot: StatusSnapshot | undefined;
}

/** What badges are drawn from: the published page and, in relay mode, each source. */
export interface BadgePage {
  snapshot: StatusSnapshot;
  sources: BadgeSource[];
}

/** The page and the relay's sources, now. */
export function badgePage(data: PublishedData, relay: Relay | undefined, now: number): BadgePage {
  const keys = relay ? sourceKeys(relay.sources) : [];
  const sources = (relay?.sources ?? []).map((source, index): BadgeSource => {
    const unknown = source.state === 'error' || source.unknownSince(now) !== undefined;
    return {
      key: keys[index]!,
      name: source.spec.name ?? source.snapshot?.page.name ?? source.spec.url.host,
      health: unknown ? 'unknown' : source.state === 'stale' ? 'stale' : 'ok',
      snapshot: source.snapshot,
    };
  });
  return { snapshot: toSnapshot(data, now), sources };
}

// Bidi overrides and control characters could reorder or hide what a badge says.
const UNSAFE = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** Text safe to draw: no control or bidi characters, at most `limit` characters. */
export function badgeText(text: string, limit = LABEL_LIMIT): string {
  const chars = Array.from(text.replace(UNSAFE, '').trim());
  return chars.length > limit ? `${chars.slice(0, limit - 1).join('')}…` : chars.join('');
}

function invalid(field: string, message: string): RequestError {
  return new RequestError(400, 'invalid', message, { field });
}

/** Reads the query string; a bad option is a 400 that says what to write instead. */
export function parseBadgeQuery(search: string): BadgeQuery {
  if (search.length > QUERY_LIMIT) {
    throw invalid(
      'query',
      `The query is longer than ${QUERY_LIMIT} characters; name fewer components.`,
    );
  }
  const params = new URLSearchParams(search);
  const seen = new Set<string>();
  for (const name of params.keys()) {
    if (!(OPTIONS as readonly string[]).includes(name)) {
      throw invalid(
        name,
        `"${badgeText(name, 40)}" is not a badge option; the options are ${OPTIONS.join(', ')}.`,
      );
    }
    if (seen.has(name))
      throw invalid(name, `Give ${name} once (names in components are separated by commas).`);
    seen.add(name);
  }
  const style = params.get('style') ?? 'flat';
  if (!(BADGE_STYLES as readonly string[]).includes(style)) {
    throw invalid('style', `style must be one of ${BADGE_STYLES.join(', ')}.`);
  }
  const requested = params.get('locale');
  if (requested !== null && !/^[a-z]{2,3}(-[a-z0-9]{1,8}){0,4}$/i.test(requested)) {
    throw invalid('locale', 'locale must be a language tag such as en, de or zh-CN.');
  }
  const query: BadgeQuery = { style: style as BadgeStyle, locale: matchLocale(requested ?? 'en') };
  const component = params.get('component');
  const components = params.get('components');
  if (component !== null && components !== null) {
    throw invalid('component', 'Give component (one) or components (several), not both.');
  }
  if (component !== null) {
    if (!component.trim()) throw invalid('component', 'component needs a component id or name.');
    query.component = component.trim();
  }
  if (components !== null) {
    const names = components
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean);
    if (!names.length)
      throw invalid('components', 'components needs component ids or names, separated by commas.');
    if (names.length > COMPONENTS_LIMIT) {
      throw invalid('components', `components names at most ${COMPONENTS_LIMIT} components.`);
    }
    query.components = names;
  }
  const source = params.get('source');
  if (source !== null) query.source = source.trim();
  const label = params.get('label');
  if (label !== null) query.label = badgeText(label);
  return query;
}

function unknownComponent(names: readonly string[]): RequestError {
  const shown = names.map((name) => `"${badgeText(name, 80)}"`).join(', ');
  return new RequestError(
    404,
    'unknown_component',
    `No component has the id or name ${shown}; see /feed.json for the page's components.`,
    { field: 'component' },
  );
}

/**
 * What the badge says for `query` on `page`. Throws 404 for a component or source
 * the page does not have. A source that is not answering (or the page's part that
 * comes from one) never reads "operational": grey, with the words "Status unknown"
 * or, while its last data is still shown elsewhere, "Status unavailable".
 */
export function describeBadge(page: BadgePage, query: BadgeQuery): BadgeContent {
  const t = (key: Parameters<typeof msg>[1]) => msg(query.locale, key);
  let snapshot = page.snapshot;
  let label = snapshot.page.name;
  // The merged page's health: of every source, or of those the named components come
  // from (their ids begin with their source's key).
  let health = (ids?: Iterable<string>): Health =>
    worstHealth(
      ids
        ? [...ids].map((id) => page.sources.find((item) => id.startsWith(`${item.key}/`))?.health)
        : page.sources.map((item) => item.health),
    );
  // A source's own badge is grey whenever it is not answering; the merged page's only
  // where nothing worse is known (an outage elsewhere still shows).
  let strict = false;
  if (query.source !== undefined) {
    const source = findSource(page.sources, query.source);
    label = source.name;
    if (!source.snapshot) return grey(query, query.label ?? label, t('indicator.unknown'));
    snapshot = source.snapshot;
    health = () => source.health;
    strict = true;
  }
  const greyed = (own: Health, indicator: Indicator) =>
    own !== 'ok' && (strict || indicatorRank(indicator) <= indicatorRank('maintenance'));
  const unavailable = (name: string, own: Health) =>
    grey(query, query.label ?? name, t(own === 'unknown' ? 'indicator.unknown' : 'state.error'));
  if (query.component !== undefined) {
    const component = findComponent(snapshot.components, query.component);
    if (!component) throw unknownComponent([query.component]);
    const own = health([component.id]);
    const indicator = componentStatusToIndicator(component.status);
    if (greyed(own, indicator)) return unavailable(component.name, own);
    return content(
      query,
      query.label ?? component.name,
      t(`component.${component.status}`),
      indicator,
    );
  }
  let indicator = snapshot.indicator;
  let own = health();
  if (query.components) {
    const missing = query.components.filter((name) => !findComponent(snapshot.components, name));
    if (missing.length) throw unknownComponent(missing);
    const ids = componentFilter(query.components.join(','), snapshot.components)!;
    // The worst of those components and of what touches them, as the elements do.
    indicator = deriveIndicator({
      components: snapshot.components.filter((c) => ids.has(c.id)),
      incidents: snapshot.incidents.filter((i) => touches(i, ids)),
      maintenances: snapshot.maintenances.filter((m) => touches(m, ids)),
    });
    own = health(ids);
  }
  if (greyed(own, indicator)) return unavailable(label, own);
  return content(query, query.label ?? label, t(`indicator.${indicator}`), indicator);
}

const HEALTH_RANK: Record<Health, number> = { ok: 0, stale: 1, unknown: 2 };

function worstHealth(all: readonly (Health | undefined)[]): Health {
  return all.reduce<Health>(
    (worst, item) => (item && HEALTH_RANK[item] > HEALTH_RANK[worst] ? item : worst),
    'ok',
  );
}

/** A relayed source by its key (its host name) or, case-insensitively, its name. */
function findSource(sources: readonly BadgeSource[], name: string): BadgeSource {
  const wanted = name.toLowerCase();
  const found =
    sources.find((item) => item.key.toLowerCase() === wanted) ??
    sources.find((item) => item.name.toLowerCase() === wanted);
  if (found) return found;
  const known = sources.length
    ? `the sources are ${sources.map((item) => item.key).join(', ')}`
    : 'this server relays no source';
  throw new RequestError(
    404,
    'unknown_source',
    `No relayed source is "${badgeText(name, 80)}": ${known}.`,
    { field: 'source' },
  );
}

function content(
  query: BadgeQuery,
  label: string,
  message: string,
  indicator: Indicator,
): BadgeContent {
  return {
    label: badgeText(label),
    message,
    color: BADGE_COLORS[indicator],
    isError: indicator === 'unknown',
    style: query.style,
  };
}

function grey(query: BadgeQuery, label: string, message: string): BadgeContent {
  return content(query, label, message, 'unknown');
}

/** The SVG: badge-maker escapes the words and writes role="img", aria-label and <title>. */
export function badgeSvg(badge: BadgeContent): string {
  return makeBadge({
    label: badge.label,
    message: badge.message,
    color: badge.color,
    style: badge.style,
  });
}

/** shields' endpoint schema: https://img.shields.io/endpoint?url=… draws it. */
export function badgeJson(badge: BadgeContent): string {
  const value: Record<string, unknown> = {
    schemaVersion: 1,
    label: badge.label,
    message: badge.message,
    color: badge.color,
  };
  if (badge.isError) value['isError'] = true;
  if (badge.style !== 'flat') value['style'] = badge.style;
  return `${JSON.stringify(value)}\n`;
}

/** The paths badges are served at. */
export const BADGE_PATHS = ['/badge.svg', '/badge.json'] as const;
export type BadgePath = (typeof BADGE_PATHS)[number];

export const SVG_TYPE = 'image/svg+xml; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';
// An SVG opened on its own is a document of this origin: it may draw, never run.
const SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
/** Distinct badges kept rendered for the current revision. */
const CACHE_LIMIT = 500;

interface RenderedBadge {
  status: number;
  type: string;
  body: string;
  etag: string;
}

/**
 * Serves /badge.svg and /badge.json, rendered once per revision and query and then
 * from memory (a bounded number of them: past that, the oldest go).
 */
export class BadgeSet {
  private revision = -1;
  private page: BadgePage | undefined;
  private readonly rendered = new Map<string, RenderedBadge>();

  constructor(
    private readonly source: RevisionedData,
    private readonly relay: Relay | undefined,
    private readonly now: () => Date = () => new Date(),
  ) {}

  send(request: IncomingMessage, response: ServerResponse, path: BadgePath): void {
    const format = path === '/badge.svg' ? 'svg' : 'json';
    const search = new URL(request.url ?? '/', 'http://localhost').search;
    const badge = this.render(search.slice(1), format);
    if (badge.status !== 200) {
      response.writeHead(badge.status, {
        ...CORS,
        'content-type': badge.type,
        'content-length': String(Buffer.byteLength(badge.body)),
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        'content-security-policy': SVG_CSP,
      });
      response.end(request.method === 'HEAD' ? undefined : badge.body);
      return;
    }
    if (format === 'svg') response.setHeader('content-security-policy', SVG_CSP);
    sendDocument(request, response, badge, BADGE_CACHE_CONTROL);
  }

  private render(search: string, format: 'svg' | 'json'): RenderedBadge {
    const revision = this.source.revision;
    if (revision !== this.revision) {
      this.revision = revision;
      this.page = undefined;
      this.rendered.clear();
    }
    const key = `${format}?${search}`;
    let badge = this.rendered.get(key);
    if (!badge) {
      this.page ??= badgePage(this.source.data, this.relay, this.now().getTime());
      badge = renderBadge(this.page, search, format);
      if (this.rendered.size >= CACHE_LIMIT)
        this.rendered.delete(this.rendered.keys().next().value!);
      this.rendered.set(key, badge);
    }
    return badge;
  }
}

/**
 * One badge for a query string. JSON errors are thrown (the server answers them as
 * JSON); an SVG error is itself a badge, so a broken README shows words, not a
 * broken image: "Unknown" (404) for a component or source the page lacks, the
 * option's name (400) for a bad option.
 */
export function renderBadge(
  page: BadgePage,
  search: string,
  format: 'svg' | 'json',
): RenderedBadge {
  let status = 200;
  let badge: BadgeContent;
  try {
    badge = describeBadge(page, parseBadgeQuery(search));
  } catch (error) {
    if (format === 'json' || !(error instanceof RequestError)) {
      throw error instanceof RequestError && error.status === 404
        ? new RequestError(400, error.code, error.message, { field: error.field })
        : error;
    }
    status = error.status;
    const params = new URLSearchParams(search.length > QUERY_LIMIT ? '' : search);
    const locale = matchLocale(
      /^[a-z]{2,3}(-[a-z0-9]{1,8}){0,4}$/i.test(params.get('locale') ?? '')
        ? params.get('locale')!
        : 'en',
    );
    const asked =
      params.get('component') ?? params.get('components') ?? params.get('source') ?? 'badge';
    badge =
      status === 404
        ? grey({ style: 'flat', locale }, badgeText(asked), msg(locale, 'component.unknown'))
        : grey(
            { style: 'flat', locale },
            'badge',
            `invalid ${badgeText(error.field ?? 'option', 24)}`,
          );
  }
  const body = format === 'svg' ? badgeSvg(badge) : badgeJson(badge);
  return { status, type: format === 'svg' ? SVG_TYPE : JSON_TYPE, body, etag: strongEtag(body) };
}

/** A component's badge file name in an export: its id, in characters every host serves. */
export function badgeFileNames(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  return ids.map((id) => {
    const base =
      id
        .toLowerCase()
        .replace(/[^a-z0-9._-]+/g, '-')
        .replace(/^[-.]+|-+$/g, '')
        .slice(0, 80) || 'component';
    let name = base;
    for (let count = 2; seen.has(name); count += 1) name = `${base}-${count}`;
    seen.add(name);
    return name;
  });
}
