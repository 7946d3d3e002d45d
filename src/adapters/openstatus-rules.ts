// What detection knows about OpenStatus pages before their reader
// (./openstatus.ts) loads: pages live on `<slug>.openstatus.dev` (or a custom
// domain) with their feed at `/feed/json`; the public status API, one word for a
// badge, is `api.openstatus.dev/public/status/<slug>`. These rules load with
// detection only (./auto-rules.ts).
import { isObject, siteBase } from './shape.js';
import type { FormatRules } from './types.js';

const FEED_PATH = /\/feed\/json\/?$/;
const STATUS_API_PATH = /^\/public\/status\/([^/]+)\/?$/;

export const openStatusRules = {
  name: 'openstatus',
  // The bare domain and www are OpenStatus's own site, not a status page.
  matchesUrl: (source) => /^(?!www\.)[^.]+\.openstatus\.dev$/.test(source.hostname),
  matchesBody: (body) =>
    isObject(body) &&
    Array.isArray(body['statusReports']) &&
    Array.isArray(body['maintenances']) &&
    (Array.isArray(body['pageComponents']) || Array.isArray(body['monitors'])),
} satisfies FormatRules;

/** The slug when the URL is the public status API, else undefined. */
export function openStatusApiSlug(source: URL): string | undefined {
  const slug = STATUS_API_PATH.exec(source.pathname)?.[1];
  return slug ? decodeURIComponent(slug) : undefined;
}

/** The page feed's URL from the page address or the feed URL itself. */
export function openStatusFeedUrl(source: URL): URL {
  return new URL('feed/json', siteBase(source, FEED_PATH));
}
