// The one identity of a feed: its adapter and absolute URL. The page's registry of
// stores, the cross-tab lock and channel, the kept snapshot, and what elements
// remember per feed (banner dismissals, announcements) all key on it, so that
// src="/feed.json" and src="https://site.example/feed.json" are one feed everywhere.

/** What every name this library keeps in the browser per feed starts with. */
export const KEY_PREFIX = 'status-widgets:v1:';

/** The feed's key: `<adapter> <absolute URL>`. */
export function feedKey(adapter: string, url: URL): string {
  return `${adapter} ${url.href}`;
}
