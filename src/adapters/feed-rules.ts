// What every page knows about Atom and RSS history feeds before their reader
// (./feed.ts) loads.
import type { FormatRules } from './types.js';

export const feedRules: FormatRules = {
  name: 'feed',
  // Statuspage's history.atom/.rss, Uptime Kuma's /status/<slug>/rss, *.atom, *.rss.
  matchesUrl: (source) => /\.(atom|rss)$|^\/status\/[^/]+\/rss\/?$/i.test(source.pathname),
};
