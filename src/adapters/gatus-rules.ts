// What every page knows about Gatus before its reader (./gatus.ts) loads: the
// endpoint statuses, a list of `{ key, results }` at `/api/v1/endpoints/statuses`.
import { siteBase } from './shape.js';
import type { FormatRules } from './types.js';

const API_PATH = /\/api\/v1\/endpoints\/statuses\/?$/;

export const gatusRules: FormatRules = {
  name: 'gatus',
  matchesUrl: (source) => API_PATH.test(source.pathname),
};

/** The statuses URL from the dashboard address or the API URL itself. */
export function gatusStatusesUrl(source: URL): URL {
  return new URL('api/v1/endpoints/statuses', siteBase(source, API_PATH));
}
