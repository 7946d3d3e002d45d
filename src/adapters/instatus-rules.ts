// What every page knows about Instatus pages before their reader (./instatus.ts)
// loads: they live on `*.instatus.com` (or a custom domain the body tells apart).
import { siteBase } from './shape.js';
import type { FormatRules } from './types.js';

export const instatusRules: FormatRules = {
  name: 'instatus',
  matchesUrl: (source) => /(^|\.)instatus\.com$/.test(source.hostname),
};

/** The page's base URL from its address or `…/summary.json`. */
export function instatusBase(source: URL): URL {
  return siteBase(source, /\/(summary\.json|v2\/components\.json)$/);
}
