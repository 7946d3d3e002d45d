// What every page knows about the Cachet v1 API before its reader (./cachet.ts)
// loads: every list is `{ meta: { pagination }, data: [...] }` under `/api/v1/`.
import { isObject, siteBase } from './shape.js';
import type { FormatRules } from './types.js';

export const cachetRules: FormatRules = {
  name: 'cachet',
  matchesUrl: (source) =>
    /\/api\/v1\/(components|incidents|schedules)(\/.*)?$/.test(source.pathname),
  matchesBody: (body) => isObject(body) && isObject(body['meta']) && Array.isArray(body['data']),
};

/** The install's base (`https://status.example.com/`) from it or any `/api/v1/…` URL. */
export function cachetBase(source: URL): URL {
  return siteBase(source, /\/api\/v1(\/.*)?$/);
}
