import { statuspageAdapter } from './statuspage.js';
import type { FeedAdapter } from './types.js';

/**
 * A built-in adapter that is loaded only when a page uses it: the stub holds the
 * name and the URL rule; the reader itself is a separate chunk, and so are the body
 * rules (./auto.ts), which only a feed whose URL says nothing needs.
 */
function lazy(
  name: string,
  load: () => Promise<FeedAdapter>,
  matchesUrl?: (source: URL) => boolean,
): FeedAdapter {
  return {
    name,
    matchesUrl,
    load: async (source, fetch, signal) => (await load()).load(source, fetch, signal),
  };
}

const path = (pattern: RegExp) => (source: URL) => pattern.test(source.pathname);

// URL rules, from each provider's documented URLs (see each adapter's file): a URL
// rule must be certain. Order matters: the first match wins, also for the body
// rules in ./auto.ts.
const builtIns: FeedAdapter[] = [
  // Only our reference server speaks it, so most pages never load its reader.
  lazy('native', () => import('./native.js').then((module) => module.nativeAdapter)),
  statuspageAdapter,
  lazy(
    'feed',
    () => import('./feed.js').then((module) => module.feedAdapter),
    // Statuspage's history.atom/.rss, Uptime Kuma's /status/<slug>/rss, *.atom, *.rss.
    path(/\.(atom|rss)$|^\/status\/[^/]+\/rss\/?$/i),
  ),
  lazy(
    'uptime-kuma',
    () => import('./uptime-kuma.js').then((module) => module.uptimeKumaAdapter),
    path(/^\/(status|api\/status-page(\/heartbeat)?)\/[^/]+\/?$/),
  ),
  lazy(
    'gatus',
    () => import('./gatus.js').then((module) => module.gatusAdapter),
    path(/\/api\/v1\/endpoints\/statuses\/?$/),
  ),
  lazy(
    'cachet',
    () => import('./cachet.js').then((module) => module.cachetAdapter),
    path(/\/api\/v1\/(components|incidents|schedules)(\/.*)?$/),
  ),
  lazy(
    'instatus',
    () => import('./instatus.js').then((module) => module.instatusAdapter),
    (source) => /(^|\.)instatus\.com$/.test(source.hostname),
  ),
];

const adapters = new Map<string, FeedAdapter>(builtIns.map((adapter) => [adapter.name, adapter]));
/** The built-ins, whose body rules ./auto.ts holds. */
const builtInAdapters = new Set(builtIns);

const AUTO = 'auto';

/**
 * Detects the format from the first response; it tries the registered adapters in
 * order. Loaded only when neither `adapter` nor the URL names the format.
 */
let autoAdapter: FeedAdapter | undefined;
const lazyAuto: FeedAdapter = {
  name: AUTO,
  load: async (source, fetch, signal) => {
    autoAdapter ??= (await import('./auto.js')).createAutoAdapter(
      () => [...adapters.values()],
      builtInAdapters,
    );
    return autoAdapter.load(source, fetch, signal);
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
