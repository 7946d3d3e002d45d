// What every page knows about the Statuspage v2 API before reading it (its reader,
// ./statuspage.ts, is in every bundle too: most hosted status pages speak it).
import { siteBase } from './shape.js';
import type { FormatRules } from './types.js';

const API_PATH = /\/api\/v2(\/.*)?$/;

export const statuspageRules: FormatRules = {
  name: 'statuspage',
  matchesUrl: (source) => API_PATH.test(source.pathname),
};

/** `https://status.example.com` or `…/api/v2/<anything>.json` → `…/api/v2/summary.json`. */
export function statuspageSummaryUrl(source: URL): URL {
  return new URL('api/v2/summary.json', siteBase(source, API_PATH));
}

/** Where a page keeps its last 50 incidents, resolved ones included. */
export function statuspageHistoryUrl(summaryUrl: URL): URL {
  return new URL('incidents.json', summaryUrl);
}
