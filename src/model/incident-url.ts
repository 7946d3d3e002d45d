// Where an incident (or maintenance) lives on a status page: the rule Statuspage
// uses for its own pages, shared by the Statuspage reader and the reference server
// so that both give every item the same link.
import { safeUrl } from './sanitize.js';

/** `url` without the slashes it ends with ("https://status.example.com/" → "…com"). */
export function withoutTrailingSlashes(url: string): string {
  // A loop, not /\/+$/: that pattern retries from every slash of a long run.
  let end = url.length;
  while (end > 0 && url[end - 1] === '/') end -= 1;
  return url.slice(0, end);
}

/**
 * `<page>/incidents/<id>` (the id percent-encoded), or undefined when the page has
 * no http(s) URL.
 */
export function incidentUrl(pageUrl: string | undefined, id: string): string | undefined {
  if (!pageUrl) return undefined;
  return safeUrl(`incidents/${encodeURIComponent(id)}`, `${withoutTrailingSlashes(pageUrl)}/`);
}
