import { cachetRules } from './cachet-rules.js';
import { feedRules } from './feed-rules.js';
import { gatusRules, gatusStatusesUrl } from './gatus-rules.js';
import { instatusBase, instatusRules } from './instatus-rules.js';
import { lazy } from './lazy.js';
import { nativeRules } from './native-rules.js';
import { statuspageRules, statuspageSummaryUrl } from './statuspage-rules.js';
import type { FeedAdapter } from './types.js';
import { uptimeKumaRules } from './uptime-kuma-rules.js';

const itself = (source: URL) => source;

/**
 * A newer format known here by its name alone: its rules (URL and body) load with
 * ./auto.ts, which detects it; `adapter="<name>"` loads them the same way. Pages
 * that name an older format, or none of these, download nothing more for them.
 */
function autoOnly(name: string): FeedAdapter {
  return {
    name,
    load: async (...args) => (await import('./auto.js')).autoOnlyAdapter(name).load(...args),
  };
}

// A URL rule must be certain. Order matters: the first match wins, for the URL rules
// and, in ./auto.ts, for the body rules.
const builtIns: FeedAdapter[] = [
  // Only our reference server speaks it, so most pages never load its reader.
  lazy(nativeRules, () => import('./native.js'), itself),
  lazy(statuspageRules, () => import('./statuspage.js'), statuspageSummaryUrl),
  lazy(feedRules, () => import('./feed.js'), itself),
  lazy(uptimeKumaRules, () => import('./uptime-kuma.js')),
  lazy(gatusRules, () => import('./gatus.js'), gatusStatusesUrl),
  // Cachet 3's JSON:API lists have Cachet 2's shape too, so its rule comes first.
  autoOnly('cachet3'),
  lazy(cachetRules, () => import('./cachet.js')),
  lazy(
    instatusRules,
    () => import('./instatus.js'),
    (source) => new URL('summary.json', instatusBase(source)),
  ),
  autoOnly('incident-io'),
  autoOnly('better-stack'),
  autoOnly('openstatus'),
];

const adapters = new Map<string, FeedAdapter>(builtIns.map((adapter) => [adapter.name, adapter]));

const AUTO = 'auto';

/**
 * Detects the format from the first response; it tries the registered adapters in
 * order. Loaded only when neither `adapter` nor the URL names the format.
 */
let autoAdapter: FeedAdapter | undefined;
const lazyAuto: FeedAdapter = {
  name: AUTO,
  load: async (...args) => {
    autoAdapter ??= (await import('./auto.js')).createAutoAdapter(() => [...adapters.values()]);
    return autoAdapter.load(...args);
  },
};

/**
 * Adds (or replaces) an adapter, so `adapter="<name>"` can pick it. With
 * `matchesUrl`/`matchesBody` it also takes part in detection, ahead of the built-ins.
 */
export function registerAdapter(adapter: FeedAdapter): void {
  adapters.delete(adapter.name);
  const rest = [...adapters.entries()];
  adapters.clear();
  adapters.set(adapter.name, adapter);
  for (const [name, other] of rest) adapters.set(name, other);
}

/** The adapter with this name; throws a readable error naming the known ones. */
export function getAdapter(name: string): FeedAdapter {
  if (name === AUTO) return lazyAuto;
  const adapter = adapters.get(name);
  if (!adapter) {
    throw new Error(
      `Unknown status feed adapter "${name}". Known adapters: ${[...adapters.keys()].join(', ')}. Register your own with registerAdapter().`,
    );
  }
  return adapter;
}

export function adapterNames(): string[] {
  return [...adapters.keys()];
}

/** The adapter for a URL when the URL alone makes it certain, else undefined. */
export function detectAdapter(source: URL): FeedAdapter | undefined {
  for (const adapter of adapters.values()) {
    if (adapter.matchesUrl?.(source)) return adapter;
  }
  return undefined;
}

/**
 * The adapter for a feed: the named one, else the one the URL makes certain,
 * else `auto`, which reads the URL once and picks the format its body matches.
 */
export function resolveAdapter(source: URL, name?: string): FeedAdapter {
  if (name) return getAdapter(name);
  return detectAdapter(source) ?? lazyAuto;
}
