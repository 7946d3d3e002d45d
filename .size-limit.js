// Size budgets, checked by `npm run size` in CI: every byte ships to every visitor of
// every site. Each entry counts the file and the chunks it imports statically. The
// budgets are DESIGN.md's; where a file is still over its budget, CI holds it to a
// ceiling at today's size instead, so that nothing grows unnoticed while the gap is
// closed (docs/performance.md says by how much, and where the bytes go).
import { ALL_ELEMENTS, elementEntries, staticClosure } from './scripts/bundle-files.mjs';

/** kB, min+gzip. */
export const BUDGETS = {
  /** All five elements in one file, Lit inside. */
  all: 26.0,
  /** `<status-badge>` alone, Lit inside. */
  badge: 15.5,
  /** Each other element's own file, Lit inside. */
  element: 19.0,
};

/** kB: files still over their budget, held at today's size plus a few bytes. */
const CEILINGS = {
  'status-widgets.js': 28.1,
  'status-badge.js': 16.15,
  'status-banner.js': 19.87,
  'status-incidents.js': 19.33,
  'status-uptime.js': 19.9,
};

/** The budget of one CDN entry (a path under dist/cdn/). */
export function budgetOf(entry) {
  if (entry === ALL_ELEMENTS) return BUDGETS.all;
  return entry.endsWith('/status-badge.js') ? BUDGETS.badge : BUDGETS.element;
}

export default [ALL_ELEMENTS, ...elementEntries()].map((entry) => ({
  name: `${entry.slice('dist/cdn/'.length)} (Lit inside)`,
  path: staticClosure(entry),
  limit: `${Math.max(budgetOf(entry), CEILINGS[entry.slice('dist/cdn/'.length)] ?? 0)} kB`,
  gzip: true,
}));
