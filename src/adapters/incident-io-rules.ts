// What detection knows about incident.io status pages before their reader
// (./incident-io.ts) loads: the widget API at `<page>/api/v1/summary`, a body with
// `ongoing_incidents`, `in_progress_maintenances` and `scheduled_maintenances`.
// Pages hosted on `*.incident.io` are certain by their host. Their
// Statuspage-compatible `/api/v2/*.json` is read by the Statuspage reader.
// These rules load with detection only (./auto-rules.ts).
import { isObject, siteBase } from './shape.js';
import type { FormatRules } from './types.js';

const WIDGET_PATH = /\/api\/v1\/summary\/?$/;

export const incidentIoRules = {
  name: 'incident-io',
  matchesUrl: (source) =>
    /(^|\.)incident\.io$/.test(source.hostname) && !/\/api\/v2\//.test(source.pathname),
  matchesBody: (body) =>
    isObject(body) &&
    Array.isArray(body['ongoing_incidents']) &&
    Array.isArray(body['in_progress_maintenances']) &&
    Array.isArray(body['scheduled_maintenances']),
} satisfies FormatRules;

/** The widget API's URL from the page address or the API URL itself. */
export function incidentIoSummaryUrl(source: URL): URL {
  return new URL('api/v1/summary', siteBase(source, WIDGET_PATH));
}
