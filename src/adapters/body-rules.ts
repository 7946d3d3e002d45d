// How detection (./auto.ts) tells the formats every page knows apart by their first
// response. Not in their ./<format>-rules.ts, which every page loads: only a page
// that names neither its format nor a URL that makes it certain needs these.
import { autoOnlyRules } from './auto-rules.js';
import { isObject } from './shape.js';

const bodyRules: Record<string, (body: unknown) => boolean> = {
  native: (body) =>
    isObject(body) &&
    typeof body['version'] === 'number' &&
    isObject(body['page']) &&
    typeof body['indicator'] === 'string',
  statuspage: (body) => isObject(body) && isObject(body['page']) && isObject(body['status']),
  feed: (body) =>
    typeof body === 'string' &&
    // A comment's text cannot hold "-->", so each comment is read one way only.
    /^\s*(<\?xml[^>]*\?>\s*)?(<!--(?:[^-]|-(?!->))*-->\s*)*<(feed|rss|rdf:RDF)[\s>]/.test(body),
  'uptime-kuma': (body) =>
    isObject(body) && isObject(body['config']) && Array.isArray(body['publicGroupList']),
  gatus: (body) =>
    Array.isArray(body) &&
    isObject(body[0]) &&
    typeof body[0]['key'] === 'string' &&
    Array.isArray(body[0]['results']),
  cachet: (body) => isObject(body) && isObject(body['meta']) && Array.isArray(body['data']),
  instatus: (body) =>
    isObject(body) &&
    isObject(body['page']) &&
    (Array.isArray(body['activeIncidents']) || Array.isArray(body['activeMaintenances'])),
};

/** The body rule of the built-in format `name`; undefined for other names. */
export function builtInBodyRule(name: string): ((body: unknown) => boolean) | undefined {
  return bodyRules[name] ?? autoOnlyRules.get(name)?.matchesBody;
}

/** True when the body has the shape of the built-in format `name` (false for other names). */
export function matchesBuiltInBody(name: string, body: unknown): boolean {
  return builtInBodyRule(name)?.(body) === true;
}
