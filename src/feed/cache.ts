// The last good snapshot of each feed, kept in localStorage so that the next page
// view paints at once. Storage is a nicety: when it is full, disabled or throws
// (private modes, sandboxed iframes), every function here quietly does nothing.
import { area } from '../internal/storage.js';
import type { StatusSnapshot } from '../model/types.js';
import { KEY_PREFIX } from './key.js';

/** Kept snapshots are stored under the feed's key with this prefix. */
export const CACHE_PREFIX = KEY_PREFIX;
/** Larger snapshots (long histories) are not worth a synchronous write per poll. */
const MAX_CHARS = 100_000;
const MAX_ENTRIES = 20;
/** Older than this, a snapshot says more about the past than about now. */
export const CACHE_MAX_AGE = 24 * 60 * 60 * 1000;

export interface CachedSnapshot {
  snapshot: StatusSnapshot;
  fetchedAt: number;
  /** True when the snapshot holds the resolved history. */
  history: boolean;
}

const storage = () => area('localStorage');

function looksLikeSnapshot(value: unknown): value is StatusSnapshot {
  const snapshot = value as StatusSnapshot | null;
  return (
    typeof snapshot === 'object' &&
    snapshot !== null &&
    typeof snapshot.indicator === 'string' &&
    typeof snapshot.page === 'object' &&
    Array.isArray(snapshot.components) &&
    Array.isArray(snapshot.incidents) &&
    Array.isArray(snapshot.maintenances)
  );
}

/** The kept snapshot for this feed key, or undefined (none, too old, unreadable). */
export function readCache(key: string, now = Date.now()): CachedSnapshot | undefined {
  try {
    const text = storage()?.getItem(CACHE_PREFIX + key);
    if (text === null || text === undefined) return undefined;
    const entry = JSON.parse(text) as { t?: unknown; h?: unknown; s?: unknown };
    const fetchedAt = entry.t;
    if (
      typeof fetchedAt === 'number' &&
      fetchedAt <= now &&
      now - fetchedAt < CACHE_MAX_AGE &&
      looksLikeSnapshot(entry.s)
    ) {
      return { snapshot: entry.s, fetchedAt, history: entry.h === 1 };
    }
  } catch {
    // Unreadable or inaccessible: as if there were nothing.
  }
  forget(key);
  return undefined;
}

function forget(key: string): void {
  try {
    storage()?.removeItem(CACHE_PREFIX + key);
  } catch {
    // Nothing to clean up where storage is out of reach.
  }
}

/**
 * Keeps `snapshotJson` (JSON.stringify of a snapshot) for this feed key, and
 * whether it holds the resolved history.
 */
export function writeCache(
  key: string,
  snapshotJson: string,
  fetchedAt: number,
  history = false,
): void {
  const store = storage();
  if (!store || snapshotJson.length > MAX_CHARS) return;
  const entry = `{"t":${fetchedAt},"h":${history ? 1 : 0},"s":${snapshotJson}}`;
  try {
    if (store.getItem(CACHE_PREFIX + key) === null) prune(store, MAX_ENTRIES - 1);
    store.setItem(CACHE_PREFIX + key, entry);
  } catch {
    // Probably full: make room among our own entries and try once more.
    try {
      prune(store, 0);
      store.setItem(CACHE_PREFIX + key, entry);
    } catch {
      // Storage is not available to us; the widget works without it.
    }
  }
}

/** Removes our oldest entries until at most `keep` remain. */
function prune(store: Storage, keep: number): void {
  const entries: Array<[string, number]> = [];
  for (let index = 0; index < store.length; index++) {
    const key = store.key(index);
    if (!key?.startsWith(CACHE_PREFIX)) continue;
    const time = Number(/^\{"t":(\d+)/.exec(store.getItem(key) ?? '')?.[1] ?? 0);
    entries.push([key, time]);
  }
  entries.sort((a, b) => a[1] - b[1]);
  for (const [key] of entries.slice(0, Math.max(0, entries.length - keep))) store.removeItem(key);
}
