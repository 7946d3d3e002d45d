// What the URL and body rules of every format need before any reader loads: kept
// apart from ./read.ts, which only the readers (loaded on demand) use.

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The site a feed URL belongs to: `source` without its query, its fragment and the
 * API path `api` matches, ending in `/`, so that `new URL('api/…', base)` resolves
 * under it (`https://status.example.com/api/v1/components` → `https://status.example.com/`).
 */
export function siteBase(source: URL, api: RegExp): URL {
  const base = new URL(source.href);
  base.search = base.hash = '';
  base.pathname = base.pathname.replace(api, '').replace(/\/*$/, '/');
  return base;
}
