// What every page knows about Uptime Kuma status pages before their reader
// (./uptime-kuma.ts) loads: the page at `/status/<slug>` and the two API URLs its
// own page reads, `/api/status-page/<slug>` and `/api/status-page/heartbeat/<slug>`.
import type { FormatRules } from './types.js';

export const uptimeKumaRules: FormatRules = {
  name: 'uptime-kuma',
  // Certain only at the root of a host: under a prefix, such a path could be anything.
  matchesUrl: (source) =>
    /^\/(status|api\/status-page(\/heartbeat)?)\/[^/]+\/?$/.test(source.pathname),
};
