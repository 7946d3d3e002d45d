// What every page knows about Atom and RSS history feeds before their reader
// (./feed.ts) loads.
import type { FormatRules } from './types.js';

export const feedRules: FormatRules = {
  name: 'feed',
  // Statuspage's history.atom/.rss, Uptime Kuma's /status/<slug>/rss, *.atom, *.rss.
  matchesUrl: (source) => /\.(atom|rss)$|^\/status\/[^/]+\/rss\/?$/i.test(source.pathname),
  matchesBody: (body) =>
    typeof body === 'string' &&
    // A comment's text cannot hold "-->", so each comment is read one way only.
    /^\s*(<\?xml[^>]*\?>\s*)?(<!--(?:[^-]|-(?!->))*-->\s*)*<(feed|rss|rdf:RDF)[\s>]/.test(body),
};
