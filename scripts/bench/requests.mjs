// Requests per first view: each element alone on a page (from its own CDN module),
// the first four and all five together, and the vendor's widget, on the recorded
// Statuspage feed. A page whose elements show no resolved history (badge, banner,
// component list) must make one feed request; the history (incidents.json) is for
// the elements that show it (incident list, uptime).
/* global window -- the function given to page.evaluate runs in the page. */
import { TAGS } from './origin.mjs';
import { kib, ms, problem, row } from './table.mjs';

/** Elements that show no resolved history: one feed request (DESIGN.md's budget). */
const NO_HISTORY = new Set(['status-badge', 'status-banner', 'status-components']);
/** Quiet for this long after the first render: the first view is over. */
const QUIET_MS = 1000;

/** Every request of a cold first view, once the page has rendered and gone quiet. */
async function firstView({ browser, origin }, kind, options) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(origin.pageUrl(kind, options));
  const figures = await page.evaluate(async (quietMs) => {
    const frame = await window.firstRender;
    let count = -1;
    while (performance.getEntriesByType('resource').length !== count) {
      count = performance.getEntriesByType('resource').length;
      await new Promise((resolve) => setTimeout(resolve, quietMs));
    }
    const entries = [
      ...performance.getEntriesByType('navigation'),
      ...performance.getEntriesByType('resource'),
    ];
    const path = (entry) => new URL(entry.name).pathname;
    const feed = entries.filter((entry) => path(entry).includes('/api/v2/'));
    return {
      frame,
      requests: entries.length,
      scripts: entries.filter((entry) => /\.js$/.test(path(entry))).length,
      feed: feed.map((entry) => path(entry).split('/').pop()),
      bytes: entries.reduce((total, entry) => total + entry.transferSize, 0),
    };
  }, QUIET_MS);
  await context.close();
  return figures;
}

export async function requests(ctx) {
  const cases = [
    ...TAGS.map((tag) => [`<${tag}> alone (${tag}.js)`, 'alone', { tag }, tag]),
    ['all four elements but <status-uptime> (status-widgets.js)', 'all', {}],
    ['all five elements (status-widgets.js)', 'all-five', {}],
    ['<statuspage-widget> (@statuspage/status-widget)', 'vendor', {}],
  ];
  let vendor;
  const ours = [];
  for (const [name, kind, options, tag] of cases) {
    const figures = await firstView(ctx, kind, options);
    if (kind === 'vendor') vendor = figures;
    else ours.push([name, figures]);
    row('requests per first view', name, {
      requests: `${figures.requests} (page, ${figures.scripts} JS, ${figures.feed.length} feed)`,
      bytes: kib(figures.bytes),
      time: `first render ${ms(figures.frame)}`,
      notes: `feed: ${figures.feed.join(', ') || 'none'}`,
    });
    if (NO_HISTORY.has(tag) && figures.feed.length !== 1) {
      problem(
        `a page with only <${tag}> made ${figures.feed.length} feed requests on its first view ` +
          `(${figures.feed.join(', ')}); it shows no history, so it makes one`,
      );
    }
  }
  for (const [name, figures] of ours) {
    if (figures.feed.length > vendor.feed.length + 1 || figures.feed.length === 0) {
      problem(`${name}: ${figures.feed.length} feed requests on a first view`);
    }
  }
}
