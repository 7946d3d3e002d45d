// What detection knows about Better Stack status pages before their reader
// (./better-stack.ts) loads: `<page>/index.json`, a JSON:API document whose `data`
// is the `status_page`. Pages on Better Stack's own hosts are certain by their
// address (the bare domain and www are Better Stack's own site). These rules load with detection only (./auto-rules.ts).
import { isObject, siteBase } from './shape.js';
import type { FormatRules } from './types.js';

const INDEX_PATH = /\/index\.json$/;

export const betterStackRules = {
  name: 'better-stack',
  matchesUrl: (source) =>
    /^(?!www\.)[^.]+\.(betteruptime|betterstack)\.com$/.test(source.hostname) &&
    /^\/(index\.json)?$/.test(source.pathname),
  matchesBody: (body) =>
    isObject(body) &&
    isObject(body['data']) &&
    body['data']['type'] === 'status_page' &&
    isObject(body['data']['attributes']),
} satisfies FormatRules;

/** `index.json` from the page address or that URL itself. */
export function betterStackIndexUrl(source: URL): URL {
  return new URL('index.json', siteBase(source, INDEX_PATH));
}
