// `npm run bench`: what the widgets cost the visitors of a site and the feed behind
// them, side by side with the vendor's own web component, in one run of headless
// Chromium on loopback. Prints one Markdown table (paste it into docs/performance.md)
// and fails (exit status 1) when a budget is broken. Each measurement is a module
// of scripts/bench/; `npm run bench -- feed-cost heap` runs only those.
//
// Timings are for comparison within the run; the machine is shared and noisy.
import { existsSync } from 'node:fs';
import { launchBrowser } from './bench/browser.mjs';
import { cachedPaint } from './bench/cached-paint.mjs';
import { dailyHistory } from './bench/daily-history.mjs';
import { feedCost, STEP_MS } from './bench/feed-cost.mjs';
import { firstRender } from './bench/first-render.mjs';
import { heap } from './bench/heap.mjs';
import { hostileFeed } from './bench/hostile-feed.mjs';
import { incidents } from './bench/incidents.mjs';
import { root, startOrigin } from './bench/origin.mjs';
import { startReferenceServer } from './bench/reference-server.mjs';
import { requests } from './bench/requests.mjs';
import { slowNetwork } from './bench/slow-network.mjs';
import { printTable, problem, rowCount } from './bench/table.mjs';
import { fetchVendorWidget, VENDOR } from './bench/vendor.mjs';

/** Each measurement, in the order of the table. */
const MEASUREMENTS = {
  'first-render': firstRender,
  'slow-network': slowNetwork,
  requests,
  'cached-paint': cachedPaint,
  'feed-cost': feedCost,
  incidents,
  heap,
  'hostile-feed': hostileFeed,
  'daily-history': dailyHistory,
};
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
// The slow-network rows alone take about 6 minutes (2 profiles × 8 cases × 10 views).
const TIME_LIMIT_MS = 20 * 60_000;

const chosen = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
for (const name of chosen) {
  if (!(name in MEASUREMENTS)) {
    console.error(
      `bench: unknown measurement "${name}"; they are ${Object.keys(MEASUREMENTS).join(', ')}.`,
    );
    process.exit(1);
  }
}

fetchVendorWidget();
for (const file of ['dist/cdn/status-widgets.js', 'dist/cdn/status-badge.js']) {
  if (!existsSync(new URL(file, root))) {
    console.error(`bench: ${file} is missing. Run \`npm run bench\` (it builds first).`);
    process.exit(1);
  }
}

const started = performance.now();
// Bounded: a run that hangs (a page that never renders) ends with a message.
setTimeout(() => {
  console.error(`bench: gave up after ${TIME_LIMIT_MS / 60_000} minutes; ${rowCount()} rows done.`);
  process.exit(1);
}, TIME_LIMIT_MS).unref();

const origin = await startOrigin({ vendor: VENDOR });
const browser = await launchBrowser();
const reference = await startReferenceServer();
if (!reference) problem('the reference server (dist/server/cli.js) did not start');
const ctx = {
  browser,
  origin,
  reference: reference?.origin,
  runs: RUNS,
  verbose: process.argv.includes('--verbose'),
};
try {
  for (const [name, measure] of Object.entries(MEASUREMENTS)) {
    if (chosen.length === 0 || chosen.includes(name)) await measure(ctx);
  }
  const passed = printTable({
    browserVersion: browser.version(),
    encodings: origin.encodings,
    runs: RUNS,
    stepMs: STEP_MS,
    started,
  });
  if (!passed) process.exitCode = 1;
} finally {
  await browser.close();
  origin.close();
  reference?.stop();
}
