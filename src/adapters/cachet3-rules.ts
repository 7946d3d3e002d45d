// What detection knows about Cachet 3 before its reader (./cachet3.ts) loads: a
// JSON:API under `/api/` (no version in the path), each item `{ id, type,
// attributes }`; lists paginate with `links` and a `meta` that has no
// `pagination` (Cachet 2's `meta.pagination`, under `/api/v1/`, tells them apart).
// These rules load with detection only (./auto-rules.ts).
import { isObject, siteBase } from './shape.js';
import type { FormatRules } from './types.js';

const API_PATH = /\/api\/(components|component-groups|incidents|schedules|status)(\/.*)?$/;

export const cachet3Rules = {
  name: 'cachet3',
  matchesUrl: (source) => API_PATH.test(source.pathname),
  matchesBody: (body) => {
    if (!isObject(body)) return false;
    const data = body['data'];
    if (isObject(data)) return data['type'] === 'status' && isObject(data['attributes']);
    if (!Array.isArray(data)) return false;
    const first: unknown = data[0];
    return first === undefined
      ? isObject(body['links']) && isObject(body['meta']) && !('pagination' in body['meta'])
      : isObject(first) && typeof first['type'] === 'string' && isObject(first['attributes']);
  },
} satisfies FormatRules;

/**
 * The install's base from it or any `/api/…` URL; a URL with no `/api/` in it (a
 * saved copy of one list) names the install by its host.
 */
export function cachet3Base(source: URL): URL {
  return /\/api(\/|$)/.test(source.pathname)
    ? siteBase(source, /\/api(\/.*)?$/)
    : new URL('/', source.origin);
}
