// Where an incident (or maintenance) lives on a status page: the rule Statuspage
// uses for its own pages, shared by the Statuspage reader and the reference server
// so that both give every item the same link.
import { safeUrl, wellFormed } from './sanitize.js';

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
  return safeUrl(`incidents/${pathSegment(id)}`, `${withoutTrailingSlashes(pageUrl)}/`);
}

/**
 * `text` percent-encoded for one path segment. A lone surrogate (which
 * encodeURIComponent refuses with a URIError) is encoded as U+FFFD.
 */
export function pathSegment(text: string): string {
  return encodeURIComponent(wellFormed(text));
}
