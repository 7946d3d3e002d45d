import type { FeedAdapter } from './types.js';
import { statuspageAdapter } from './statuspage.js';

const adapters = new Map<string, FeedAdapter>([[statuspageAdapter.name, statuspageAdapter]]);

/** Adds (or replaces) an adapter, so `adapter="<name>"` can pick it. */
export function registerAdapter(adapter: FeedAdapter): void {
  adapters.set(adapter.name, adapter);
}

/** The adapter with this name; throws a readable error naming the known ones. */
export function getAdapter(name: string): FeedAdapter {
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
 * else Statuspage (the most common hosted format).
 */
export function resolveAdapter(source: URL, name?: string): FeedAdapter {
  if (name) return getAdapter(name);
  return detectAdapter(source) ?? statuspageAdapter;
}
