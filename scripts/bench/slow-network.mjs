// First paint on a phone network: the bench's pages under Chromium's network
// emulation (DevTools protocol `Network.emulateNetworkConditions`), each element
// alone, all five, the vendor's widget and the badge with the preload line of
// docs/usage.md; SLOW_RUNS cold views each (default 9), the cases taking turns so
// that the machine's load falls on all of them alike. Prints the median first paint,
// the requests before it, the ratio to the vendor's, and the waterfall of one view
// per case. The critical path of a first view is the page, one script and the feed:
// the run fails when a script the paint waited for ends more than 30 ms after the
// feed's reply, when the preloaded feed is requested twice, or when a goal is missed.
/* global window -- the function given to page.evaluate runs in the page. */
import { loadavg } from 'node:os';
import { TAGS } from './origin.mjs';
import { kib, median, ms, problem, row, section } from './table.mjs';

/**
 * Lighthouse's mobile "Slow 4G" (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up),
 * and DevTools' "Fast 3G" preset (the same throughput × 0.9, latency × 3.75: how
 * DevTools approximates the round trips a real connection adds).
 */
export const PROFILES = [
  { name: 'Slow 4G', latency: 150, down: 1_600_000, up: 750_000 },
  { name: 'Fast 3G', latency: 562.5, down: 1_440_000, up: 675_000 },
];
const RUNS = Number(process.env.SLOW_RUNS ?? 9);
/** A script the paint waited for may end this long after the feed's reply. */
const SLACK_MS = 30;
/** Ours / the vendor's first paint on Slow 4G (DESIGN.md's budgets). */
const GOALS = { badge: 0.7, 'status-banner': 0.75, 'all-five': 0.8, preload: 0.55 };

const CASES = [
  ['<status-badge> (status-badge.js)', 'badge', {}, 'badge'],
  ...TAGS.slice(1).map((tag) => [`<${tag}> alone (${tag}.js)`, 'alone', { tag }, tag]),
  ['all five (status-widgets.js)', 'all-five', {}, 'all-five'],
  ['<statuspage-widget> (vendor)', 'vendor', {}, 'vendor'],
  ['<status-badge> with the preload line', 'badge', { preload: 1 }, 'preload'],
];

const isFeed = (path) => path.startsWith('/api/v2/');
const isScript = (path) => path.endsWith('.js');

/** One cold view under `profile`: the paint and every request's start and end. */
async function view({ browser, origin }, profile, kind, options) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const warnings = [];
  page.on('console', (message) => {
    if (message.type() === 'warning' || message.type() === 'error') warnings.push(message.text());
  });
  const session = await context.newCDPSession(page);
  await session.send('Network.enable');
  await session.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: profile.latency,
    downloadThroughput: profile.down / 8,
    uploadThroughput: profile.up / 8,
  });
  await page.goto(origin.pageUrl(kind, options));
  const figures = await page.evaluate(async () => {
    const frame = await window.firstRender;
    // Long enough for a second request of a preloaded feed to show.
    await new Promise((resolve) => setTimeout(resolve, 300));
    return {
      frame,
      requests: [
        ...performance.getEntriesByType('navigation'),
        ...performance.getEntriesByType('resource'),
      ].map((entry) => ({
        path: new URL(entry.name).pathname,
        start: entry.startTime,
        end: entry.responseEnd,
        bytes: entry.transferSize,
        by: entry.initiatorType,
      })),
    };
  });
  await context.close();
  const before = figures.requests.filter((request) => request.end <= figures.frame);
  // The feed reply the paint waited for: the last one before it.
  const feedEnd = Math.max(...before.filter((r) => isFeed(r.path)).map((r) => r.end));
  const late = before.filter((r) => isScript(r.path) && r.end > feedEnd + SLACK_MS);
  return { ...figures, warnings, before, feedEnd, late };
}

const describe = (requests) => {
  const scripts = requests.filter((r) => isScript(r.path)).length;
  const feeds = requests.filter((r) => isFeed(r.path)).length;
  return `${requests.length} (page, ${scripts} JS, ${feeds} feed)`;
};

function waterfall(name, profile, figures) {
  const width = Math.max(...figures.requests.map((r) => r.path.length));
  const lines = figures.requests
    .toSorted((a, b) => a.start - b.start)
    .map(
      (r) =>
        `  ${r.path.padEnd(width)}  ${ms(r.start).padStart(7)} → ${ms(r.end).padStart(7)}` +
        `  ${kib(r.bytes).padStart(8)}  ${r.by}${r.end > figures.frame ? ', after the paint' : ''}`,
    );
  lines.push(`  ${'first paint'.padEnd(width)}  ${ms(figures.frame).padStart(7)}`);
  section(`Waterfall, ${profile.name}, ${name} (the median view):`, ['```text', ...lines, '```']);
}

export async function slowNetwork(ctx) {
  const load = loadavg()[1];
  for (const profile of PROFILES) {
    const label = `first paint, ${profile.name}`;
    // One view of each first: the origin compresses each file on its first request.
    for (const [, kind, options] of CASES) await view(ctx, profile, kind, options);
    const views = new Map(CASES.map(([name]) => [name, []]));
    for (let run = 0; run < RUNS; run++) {
      for (const [name, kind, options] of CASES) {
        views.get(name).push(await view(ctx, profile, kind, options));
      }
    }
    const paint = (name) => median(views.get(name).map((figures) => figures.frame));
    const vendor = paint('<statuspage-widget> (vendor)');
    for (const [name, , options, key] of CASES) {
      const list = views.get(name);
      const sorted = list.toSorted((a, b) => a.frame - b.frame);
      const middle = sorted[Math.floor(sorted.length / 2)];
      const ratio = paint(name) / vendor;
      const goal = profile.name === 'Slow 4G' ? GOALS[key] : undefined;
      const notes = [];
      if (goal !== undefined) notes.push(`goal ≤ ${goal.toFixed(2)}×`);
      if (key !== 'vendor') {
        notes.push(`feed replied at ${ms(middle.feedEnd)}`);
        const lastScript = Math.max(
          ...middle.before.filter((r) => isScript(r.path)).map((r) => r.end),
        );
        notes.push(`last script at ${ms(lastScript)}`);
      }
      // The preloaded feed answers before the entry has run: the reader comes after it.
      const lateViews = options.preload ? [] : list.filter((figures) => figures.late.length);
      if (key !== 'vendor' && lateViews.length) {
        const example = lateViews[0].late[0];
        problem(
          `${profile.name}, ${name}: in ${lateViews.length} of ${list.length} first views a script ` +
            `ended more than ${SLACK_MS} ms after the feed's reply (${example.path} at ` +
            `${ms(example.end)}, the feed at ${ms(lateViews[0].feedEnd)})`,
        );
      }
      if (options.preload) {
        const twice = list.filter(
          (figures) => figures.requests.filter((r) => r.path === '/api/v2/summary.json').length > 1,
        );
        const warned = list
          .flatMap((figures) => figures.warnings)
          .filter((w) => /preload/i.test(w));
        notes.push(
          twice.length ? `feed fetched twice in ${twice.length} views` : 'feed fetched once',
        );
        if (twice.length || warned.length) {
          problem(
            `${profile.name}, ${name}: the preloaded feed was fetched again in ${twice.length} of ` +
              `${list.length} views${warned.length ? `; Chromium said: ${warned[0]}` : ''}`,
          );
        }
      }
      if (goal !== undefined && ratio > goal) {
        problem(
          `${profile.name}, ${name}: first paint ${ratio.toFixed(2)}× the vendor's, goal ≤ ${goal}×`,
        );
      }
      row(label, name, {
        requests: `${describe(middle.before)} before the paint`,
        bytes: kib(middle.before.reduce((total, r) => total + r.bytes, 0)),
        time: `${ms(paint(name))} (${ratio.toFixed(2)}×)`,
        notes: notes.join('; '),
      });
      if (profile === PROFILES[0] || ctx.verbose) waterfall(name, profile, middle);
    }
  }
  section('Network profiles (Chromium emulation, CPU not slowed):', [
    ...PROFILES.map(
      (p) =>
        `- ${p.name}: ${p.latency} ms added to each request, ${p.down / 1e6} Mbit/s down, ` +
        `${p.up / 1e3} kbit/s up`,
    ),
    `- ${RUNS} cold views of each case, medians; load average ${load.toFixed(1)} over the 5 minutes before`,
  ]);
}
