// Requests and bytes a feed pays over SIMULATED_MINUTES of page time (Playwright's
// fake clock drives the page's Date and timers; the network runs in real time):
// 1, 10 and 100 badges on one feed answering 304 when unchanged, two tabs of one
// browser, a tab hidden half the time, the reference server, the vendor's widget.
/* global window -- the function given to page.waitForFunction runs in the page. */
import { setVisibility, watchFeed } from './browser.mjs';
import { bytes, problem, row } from './table.mjs';

export const SIMULATED_MINUTES = Number(process.env.SIMULATED_MINUTES ?? 10);
export const STEP_MS = 1000;
/** The hidden-tab row: visible for this long, then hidden as long, and so on. */
const HIDE_PERIOD_MS = 150_000;

/**
 * One row: `tabs` pages of one browser context with `count` elements each, on one
 * fake clock (the tabs share time, as real tabs do); every page visible, as separate
 * windows would be (headless shows one tab at a time), or hidden half the time.
 */
async function feedCostRow(ctx, name, kind, options) {
  const { count, src, tabs = 1, hideHalfTheTime = false, note = '' } = options;
  const context = await ctx.browser.newContext();
  await context.clock.install();
  let hidden = false;
  const pages = [];
  const counters = [];
  for (let tab = 0; tab < tabs; tab++) {
    const page = await context.newPage();
    counters.push(await watchFeed(context, page, () => hidden, ctx));
    await page.goto(ctx.origin.pageUrl(kind, { count, ...(src ? { src } : {}) }));
    await page.evaluate(setVisibility, 'visible');
    pages.push(page);
  }
  // The fake clock holds requestAnimationFrame too: poll from Node instead.
  for (const page of pages) {
    await page.waitForFunction(() => window.shownAll(), undefined, { polling: 50 });
  }
  const pending = () => counters.some((counter) => counter.pending.size);
  const started = performance.now();
  let hiddenMs = 0;
  for (let elapsed = 0; elapsed < SIMULATED_MINUTES * 60_000; elapsed += STEP_MS) {
    if (hideHalfTheTime && elapsed % HIDE_PERIOD_MS === 0) {
      // Let a request under way land before the tab hides.
      await pages[0].waitForTimeout(50);
      hidden = (elapsed / HIDE_PERIOD_MS) % 2 === 1;
      await pages[0].evaluate(setVisibility, hidden ? 'hidden' : 'visible');
    }
    if (hidden) hiddenMs += STEP_MS;
    await context.clock.runFor(STEP_MS);
    // Page time stands still while a request is under way (else its 10-second
    // timeout would pass in a few real milliseconds).
    for (let wait = 0; pending() && wait < 100; wait++) await pages[0].waitForTimeout(5);
  }
  const wall = performance.now() - started;
  const sum = (key) => counters.reduce((total, counter) => total + counter[key], 0);
  const statuses = counters.map((counter) => counter.statuses());
  const ok = statuses.reduce((total, status) => total + status.ok, 0);
  const notModified = statuses.reduce((total, status) => total + status.notModified, 0);
  await context.close();
  const requests = sum('requests');
  const whileHidden = sum('whileHidden');
  row(
    `feed cost, ${SIMULATED_MINUTES} min`,
    hideHalfTheTime
      ? `${name}, hidden ${hiddenMs / 60_000} of ${SIMULATED_MINUTES} min (${HIDE_PERIOD_MS / 60_000} min on, ${HIDE_PERIOD_MS / 60_000} off)`
      : name,
    {
      requests: `${requests} (${ok}×200, ${notModified}×304)`,
      bytes: bytes(sum('bytes')),
      time: `${(wall / 1000).toFixed(1)} s wall`,
      notes: [hideHalfTheTime ? `${whileHidden} while hidden` : '', note]
        .filter(Boolean)
        .join('; '),
    },
  );
  return { requests, notModified, whileHidden };
}

export async function feedCost(ctx) {
  const costs = [];
  for (const count of [1, 10, 100]) {
    costs.push(await feedCostRow(ctx, `${count} <status-badge>`, 'badge', { count }));
  }
  const tabs = await feedCostRow(ctx, '10 <status-badge> in each of 2 tabs', 'badge', {
    count: 10,
    tabs: 2,
    note: 'one tab polls for both',
  });
  const hidden = await feedCostRow(ctx, '10 <status-badge>', 'badge', {
    count: 10,
    hideHalfTheTime: true,
  });
  if (ctx.reference) {
    await feedCostRow(ctx, '10 <status-badge>, reference server', 'badge', {
      count: 10,
      src: `${ctx.reference}/api/v2/summary.json`,
    });
  }
  await feedCostRow(ctx, '100 <statuspage-widget>', 'vendor', {
    count: 100,
    note: 'fetches once, never refreshes',
  });
  const [one, , hundred] = costs;
  if (hundred.requests > one.requests + 1) {
    problem(`100 badges made ${hundred.requests} feed requests where 1 badge made ${one.requests}`);
  }
  if (tabs.requests > one.requests + 1) {
    problem(`2 tabs made ${tabs.requests} feed requests where 1 tab made ${one.requests}`);
  }
  if (one.notModified === 0) problem('no 304 answers to the polls of one badge');
  if (hidden.whileHidden > 0)
    problem(`${hidden.whileHidden} feed requests while the tab was hidden`);
}
