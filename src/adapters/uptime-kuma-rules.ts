// What every page knows about Uptime Kuma status pages before their reader
// (./uptime-kuma.ts) loads: the page at `/status/<slug>` and the two API URLs its
// own page reads, `/api/status-page/<slug>` and `/api/status-page/heartbeat/<slug>`.
import { isObject } from './shape.js';
import type { FormatRules } from './types.js';

export const uptimeKumaRules: FormatRules = {
  name: 'uptime-kuma',
  // Certain only at the root of a host: under a prefix, such a path could be anything.
  matchesUrl: (source) =>
    /^\/(status|api\/status-page(\/heartbeat)?)\/[^/]+\/?$/.test(source.pathname),
  matchesBody: (body) =>
    isObject(body) && isObject(body['config']) && Array.isArray(body['publicGroupList']),
};

const PAGE_PATH = /^(.*?)\/(?:status|api\/status-page(?:\/heartbeat)?)\/([^/]+)\/?$/;

/** `…/status/<slug>` or either API URL → the base URL and the slug; undefined for any other URL. */
export function uptimeKumaPage(source: URL): { base: URL; slug: string } | undefined {
  const match = PAGE_PATH.exec(source.pathname);
  return match
    ? { base: new URL(`${match[1]}/`, source.origin), slug: decodeURIComponent(match[2]!) }
    : undefined;
}
