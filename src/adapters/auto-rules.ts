// The newer formats, whose rules load with detection (./auto.ts) rather than with
// every page: the registry knows them by name only, so pages that never detect a
// format, or name an older one, download none of this.
import { betterStackIndexUrl, betterStackRules } from './better-stack-rules.js';
import { cachet3Rules } from './cachet3-rules.js';
import { incidentIoRules, incidentIoSummaryUrl } from './incident-io-rules.js';
import { lazy } from './lazy.js';
import { openStatusRules } from './openstatus-rules.js';
import type { FeedAdapter } from './types.js';

export const autoOnlyRules = new Map<string, FeedAdapter>(
  [
    lazy(cachet3Rules, () => import('./cachet3.js')),
    lazy(incidentIoRules, () => import('./incident-io.js'), incidentIoSummaryUrl),
    lazy(betterStackRules, () => import('./better-stack.js'), betterStackIndexUrl),
    lazy(openStatusRules, () => import('./openstatus.js')),
  ].map((adapter) => [adapter.name, adapter]),
);

/** The format named `name`, with its rules and its reader loaded on demand. */
export function autoOnlyAdapter(name: string): FeedAdapter {
  return autoOnlyRules.get(name)!;
}
