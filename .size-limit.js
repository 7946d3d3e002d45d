// Size budgets, enforced by `npm run size` in CI: every byte ships to every visitor of
// every site. Each entry counts the file and the chunks it imports statically. The
// numbers are DESIGN.md's budgets themselves: the features a support site needs (the
// overdue warning, the resolved confirmation, the uptime details, the relay's stale
// line) are inside them.
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

/** The budget of one CDN entry (a path under dist/cdn/). */
export function budgetOf(entry) {
  if (entry === ALL_ELEMENTS) return BUDGETS.all;
  return entry.endsWith('/status-badge.js') ? BUDGETS.badge : BUDGETS.element;
}

export default [ALL_ELEMENTS, ...elementEntries()].map((entry) => ({
  name: `${entry.slice('dist/cdn/'.length)} (Lit inside)`,
  path: staticClosure(entry),
  limit: `${budgetOf(entry)} kB`,
  gzip: true,
}));
