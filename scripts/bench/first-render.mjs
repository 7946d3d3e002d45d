// Bytes, requests and time to first render, ours and the vendor's: <status-badge>
// alone (its own module), all four elements (the CDN module and the classic
// script), <statuspage-widget>, and the badge reading the reference server across
// origins; median of BENCH_RUNS cold page views, with ratios ours/theirs.
import { coldViews } from './browser.mjs';
import { kib, ms, ratio, row } from './table.mjs';

export async function firstRender(ctx) {
  const cases = [
    ['<status-badge> (status-badge.js)', 'badge'],
    ['all four elements (status-widgets.js)', 'all'],
    ['all four elements (classic status-widgets.global.js)', 'all-classic'],
    ['<statuspage-widget> (@statuspage/status-widget)', 'vendor'],
  ];
  if (ctx.reference) {
    cases.push([
      '<status-badge>, feed from the reference server (cross-origin)',
      'badge',
      { src: `${ctx.reference}/api/v2/summary.json` },
    ]);
  }
  const results = {};
  for (const [name, kind, options] of cases) {
    const figures = await coldViews(ctx, kind, options);
    results[kind] ??= figures;
    if (ctx.verbose) console.error(`${name}: ${figures.paths.join(' ')}`);
    row('first render', name, {
      requests: `${figures.requests} (page, ${figures.scripts} JS, ${figures.feedRequests} feed)`,
      bytes: `${kib(figures.bytes)} (JS ${kib(figures.scriptBytes)}, feed ${kib(figures.feedBytes)})`,
      time: ms(figures.frame),
      notes: figures.hiddenSizes
        ? `bytes leave out ${figures.hiddenSizes} cross-origin responses (no Timing-Allow-Origin)`
        : '',
    });
  }
  const vendor = results.vendor;
  for (const [name, kind] of [
    ['ratio ours/theirs: badge', 'badge'],
    ['ratio ours/theirs: all four', 'all'],
  ]) {
    const ours = results[kind];
    row('first render', name, {
      requests: ratio(ours.requests, vendor.requests),
      bytes: `${ratio(ours.bytes, vendor.bytes)} (JS ${ratio(ours.scriptBytes, vendor.scriptBytes)})`,
      time: ratio(ours.frame, vendor.frame),
    });
  }
}
