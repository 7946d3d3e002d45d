// `npm run bench`: what the widgets cost the visitors of a site and the feed behind
// them, side by side with the vendor's own web component, in one run of headless
// Chromium on loopback. Prints one Markdown table (paste it into docs/performance.md):
//
// - first render: bytes and requests until <status-badge> (alone, from its own
//   module), all four elements (the CDN module and the classic script) and
//   <statuspage-widget> (@statuspage/status-widget) have painted, and the time to
//   the frame that paints them; median of BENCH_RUNS cold page views, ratio ours/theirs;
//   and the badge reading the reference server (dist/server) across origins;
// - cached paint: first and repeat page views with the feed's reply delayed;
// - feed cost: requests and bytes over 10 minutes of page time (Playwright's fake
//   clock) for 1, 10 and 100 badges on one feed answering 304 when unchanged, with
//   the tab hidden half the time, and against the reference server;
// - <status-incidents> render and update time with 50, 500 and 2,000 incidents;
// - heap and DOM after 1,000 poll cycles of all four elements (must be flat).
//
// The vendor's widget is not a dependency of this package (its own dependencies pin
// peers that conflict with every install): the first run fetches its published
// tarball, checks it against the integrity recorded below, and keeps its
// dist/index.js in .cache/vendor/.
//
// Everything is served by one tiny local server (the page, dist/cdn, the vendor's
// dist/index.js and a recorded Statuspage summary.json with ETag / 304, gzip or
// brotli as a CDN would), so both widgets load from the same origin. Timings are
// for comparison within the run; the machine is shared and noisy.
/* global window, document, location, customElements, requestAnimationFrame -- the functions given to page.evaluate run in the page. */
import { readFileSync, readdirSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { availableParallelism, cpus } from 'node:os';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const TIME_LIMIT_MS = 5 * 60_000;
const VERBOSE = process.argv.includes('--verbose');
/** `node scripts/bench.mjs heap incidents` runs only those parts. */
const SECTIONS = ['first-render', 'cached-paint', 'feed-cost', 'incidents', 'heap'];
const chosen = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
for (const name of chosen) {
  if (!SECTIONS.includes(name)) {
    console.error(`bench: unknown part "${name}"; the parts are ${SECTIONS.join(', ')}.`);
    process.exit(1);
  }
}
const runs = (name) => chosen.length === 0 || chosen.includes(name);
const FEED_DELAY_MS = Number(process.env.FEED_DELAY_MS ?? 400);
const SIMULATED_MINUTES = 10;
const STEP_MS = 1000;
/** The hidden-tab row: visible for this long, then hidden as long, and so on. */
const HIDE_PERIOD_MS = 150_000;
const INCIDENT_COUNTS = [50, 500, 2000];
const UPDATES = 10;
/** Cycles before the first heap reading: V8's compiled code and type feedback settle in these. */
const HEAP_WARMUP = 1500;
const HEAP_CYCLES = 1000;
/** Heap growth per poll cycle, once warm, above which the run reports a leak. */
const LEAK_BYTES_PER_CYCLE = 256;

const root = new URL('../', import.meta.url);
const read = (path) => readFileSync(new URL(path, root));
const VENDOR_PACKAGE = '@statuspage/status-widget@1.0.5';
const VENDOR_INTEGRITY =
  'sha512-4gzP+n17XfkocRPz+Q7TrWsPRCjR8xxnez5EyAGkUhN1FTqqnT3i3Y4SNeVlh+LUGUpMlyN+9wWf1jWZjjL4eQ==';
const VENDOR_DIR = '.cache/vendor/status-widget-1.0.5/';
const VENDOR = `${VENDOR_DIR}package/dist/index.js`;

/** Fetches the vendor's published tarball once and unpacks its bundle into .cache/. */
function fetchVendorWidget() {
  if (existsSync(new URL(VENDOR, root))) return;
  const dir = new URL(VENDOR_DIR, root);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  console.error(`bench: fetching ${VENDOR_PACKAGE} (once) into ${VENDOR_DIR}`);
  // Run through the npm that runs this script when there is one (`npm run bench`).
  const [command, ...npmArgs] = process.env.npm_execpath
    ? [process.execPath, process.env.npm_execpath]
    : ['npm'];
  let packed;
  try {
    const output = execFileSync(
      command,
      [...npmArgs, 'pack', VENDOR_PACKAGE, '--json', '--loglevel=error', '--pack-destination', '.'],
      { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    );
    [packed] = JSON.parse(output);
  } catch (error) {
    console.error(
      `bench: could not fetch ${VENDOR_PACKAGE} from the npm registry (${error.message.split('\n')[0]}). ` +
        'The comparison needs it once; check the network or the registry in .npmrc, then run again.',
    );
    process.exit(1);
  }
  if (packed.integrity !== VENDOR_INTEGRITY) {
    console.error(
      `bench: ${VENDOR_PACKAGE} from the registry has integrity ${packed.integrity}, not the ` +
        `recorded ${VENDOR_INTEGRITY}; the figures would not compare with docs/performance.md. ` +
        'Nothing was unpacked.',
    );
    rmSync(dir, { recursive: true, force: true });
    process.exit(1);
  }
  execFileSync('tar', ['-xzf', packed.filename, 'package/dist/index.js'], { cwd: dir });
  rmSync(new URL(packed.filename, dir));
}

fetchVendorWidget();
for (const file of ['dist/cdn/status-widgets.js', 'dist/cdn/status-badge.js']) {
  if (!existsSync(new URL(file, root))) {
    console.error(`bench: ${file} is missing. Run \`npm run bench\` (it builds first).`);
    process.exit(1);
  }
}

// ---------------------------------------------------------------------------
// The local origin

const SUMMARY = read('test/fixtures/statuspage/github-summary-major-2020-04-02.json');
const INCIDENTS = read('test/fixtures/statuspage/github-incidents-2024-09-17.json');

/**
 * A response body with its validator; compressed on first use, as a CDN keeps
 * its files (best quality) or a server compresses a live feed (quick setting).
 */
function prepare(body, type, { live = false } = {}) {
  const raw = Buffer.isBuffer(body) ? body : Buffer.from(body);
  const encoded = {};
  return {
    type,
    raw,
    etag: `"${createHash('sha1').update(raw).digest('base64url')}"`,
    encoded(encoding) {
      encoded[encoding] ??=
        encoding === 'br'
          ? brotliCompressSync(raw, {
              params: { [constants.BROTLI_PARAM_QUALITY]: live ? 5 : 11 },
            })
          : gzipSync(raw, { level: live ? 6 : 9 });
      return encoded[encoding];
    },
  };
}

// Read once at start, so a build running meanwhile cannot change what is measured.
const files = new Map(
  [
    ...readdirSync(new URL('dist/cdn/', root), { recursive: true })
      .filter((name) => name.endsWith('.js'))
      .map((name) => `dist/cdn/${name}`),
    VENDOR,
  ].map((path) => [path, prepare(read(path), 'text/javascript')]),
);

/** Counts what the feed paths saw (for the heap run). */
const seen = { requests: 0, ok: 0, notModified: 0 };
const resetSeen = () => Object.assign(seen, { requests: 0, ok: 0, notModified: 0 });
/** Set by the cached-paint rows: every feed reply waits this long. */
let feedDelay = 0;

const recorded = {
  '/api/v2/summary.json': prepare(SUMMARY, 'application/json'),
  '/api/v2/incidents.json': prepare(INCIDENTS, 'application/json'),
};

// A feed that changes every other poll, cycling through three versions of the
// recording (new update text, new page.updated_at), for the heap run.
const cycle = { polls: 0 };
const cycleVersions = [0, 1, 2].map((version) => {
  const summary = JSON.parse(SUMMARY);
  const at = new Date(Date.parse(summary.page.updated_at) + version * 60_000).toISOString();
  summary.page.updated_at = at;
  summary.incidents[0].updated_at = at;
  summary.incidents[0].status = version % 2 ? 'identified' : 'investigating';
  summary.incidents[0].incident_updates[0].body = `We are investigating (version ${version}).`;
  return prepare(JSON.stringify(summary), 'application/json');
});

// Generated feeds of N incidents for <status-incidents>: every summary request is a
// new version in which the newest (active) incident has a new update.
const generated = new Map();
function generatedFeed(count) {
  let feed = generated.get(count);
  if (!feed) {
    feed = { version: 0, now: Date.now() };
    generated.set(count, feed);
  }
  return feed;
}
function generatedIncident(index, version, now) {
  const created = now - (index + 1) * 3_600_000;
  const iso = (ms) => new Date(ms).toISOString();
  const active = index === 0;
  const updates = (
    active ? ['investigating', 'identified'] : ['investigating', 'monitoring', 'resolved']
  ).map((status, step) => ({
    id: `u${index}-${step}`,
    status,
    body: `${status}: requests to the API in region ${index % 7} returned errors; ${
      active && step === 1 ? `update ${version}, ` : ''
    }we are working on it and will post the next update within the hour.`,
    created_at: iso(created + step * 600_000 + (active ? version * 1000 : 0)),
    display_at: iso(created + step * 600_000 + (active ? version * 1000 : 0)),
  }));
  return {
    id: `inc${index}`,
    name: `Elevated error rates for API requests (${index})`,
    status: active ? 'identified' : 'resolved',
    impact: ['minor', 'major', 'critical'][index % 3],
    created_at: iso(created),
    updated_at: updates.at(-1).created_at,
    resolved_at: active ? null : updates.at(-1).created_at,
    shortlink: `https://stspg.io/bench${index}`,
    components: [{ id: 'api', name: 'API Requests' }],
    incident_updates: updates.reverse(),
  };
}
function generatedDocument(count, file) {
  const feed = generatedFeed(count);
  if (file === 'summary.json') feed.version += 1;
  const incidents = Array.from({ length: count }, (_, index) =>
    generatedIncident(index, feed.version, feed.now),
  );
  const page = {
    id: 'bench',
    name: 'Bench',
    url: 'https://status.example.com',
    time_zone: 'Etc/UTC',
    updated_at: new Date(feed.now + feed.version * 1000).toISOString(),
  };
  const body =
    file === 'summary.json'
      ? {
          page,
          status: { indicator: 'minor', description: 'Minor Service Outage' },
          components: [{ id: 'api', name: 'API Requests', status: 'degraded_performance' }],
          incidents: incidents.filter((incident) => incident.status !== 'resolved'),
          scheduled_maintenances: [],
        }
      : { page, incidents };
  return prepare(JSON.stringify(body), 'application/json', { live: true });
}

const probe = `<script>
// When every [data-bench] element shows data: the frame that paints it.
(() => {
  const shown = (el) =>
    el.localName === 'statuspage-widget'
      ? !!el.shadowRoot?.querySelector('.status-container')
      : !!el.shadowRoot &&
        el.hasAttribute('state') &&
        el.getAttribute('state') !== 'loading' &&
        !el.shadowRoot.querySelector('[part~="skeleton"]');
  window.shownAll = () => {
    const els = [...document.querySelectorAll('[data-bench]')];
    return els.length > 0 && els.every(shown);
  };
  window.firstRender = new Promise((resolve) => {
    // performance.now(), not the frame's start time: the data may have come in during
    // the frame, before this callback ran; either way the frame paints it next.
    const check = () =>
      window.shownAll() ? resolve(performance.now()) : requestAnimationFrame(check);
    requestAnimationFrame(check);
  });
})();
</script>`;

const FEED = '/api/v2/summary.json';
const ELEMENTS = ['status-badge', 'status-banner', 'status-components', 'status-incidents'];
const BADGE_MODULE = '<script type="module" src="/cdn/status-badge.js"></script>';
const ALL_MODULE = '<script type="module" src="/cdn/status-widgets.js"></script>';
/** The test pages; `count` elements (default 1) reading `src` (default the recorded feed). */
const pages = {
  badge: ({ count, src }) => ({
    script: BADGE_MODULE,
    body: `<status-badge data-bench src="${src}"></status-badge>\n`.repeat(count),
  }),
  all: ({ src }) => ({
    script: ALL_MODULE,
    body: ELEMENTS.map((tag) => `<${tag} data-bench src="${src}"></${tag}>`).join('\n'),
  }),
  'all-classic': ({ src }) => ({
    script: '<script src="/cdn/status-widgets.global.js"></script>',
    body: pages.all({ src }).body,
  }),
  empty: () => ({ script: ALL_MODULE, body: '' }),
  // The vendor widget reads <src>/api/v2/summary.json: its src is the origin.
  vendor: ({ count }) => ({
    script: '<script src="/vendor/index.js"></script>',
    body: `<statuspage-widget data-bench src="${origin}/"></statuspage-widget>\n`.repeat(count),
  }),
};

function html(kind, options) {
  const { script, body } = pages[kind](options);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>bench</title>
<link rel="icon" href="data:,">
${probe}
${script}
</head><body>
<h1>Support</h1>
${body}
</body></html>`;
}

function send(request, response, item, { status = 200, cacheControl, etag = true } = {}) {
  const headers = { 'content-type': item.type, vary: 'accept-encoding' };
  if (cacheControl) headers['cache-control'] = cacheControl;
  if (etag) headers.etag = item.etag;
  if (etag && request.headers['if-none-match'] === item.etag) {
    response.writeHead(304, headers).end();
    return 304;
  }
  const accepted = request.headers['accept-encoding'] ?? '';
  const encoding = /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : '';
  if (encoding) headers['content-encoding'] = encoding;
  response.writeHead(status, headers).end(encoding ? item.encoded(encoding) : item.raw);
  encodings.add(encoding || 'identity');
  return status;
}
const encodings = new Set();

function serveFeed(request, response, item) {
  seen.requests += 1;
  const reply = () => {
    // Revalidate every time, as Statuspage's own feeds ask.
    const status = send(request, response, item, {
      cacheControl: 'public, max-age=0, must-revalidate',
    });
    if (status === 304) seen.notModified += 1;
    else seen.ok += 1;
  };
  if (feedDelay) setTimeout(reply, feedDelay);
  else reply();
}

const server = createServer((request, response) => {
  const url = new URL(request.url, 'http://localhost');
  const path = url.pathname;
  const generatedPath = /^\/gen\/(\d+)\/api\/v2\/(summary|incidents)\.json$/.exec(path);
  const cyclePath = /^\/cycle\/api\/v2\/(summary|incidents)\.json$/.exec(path);
  if (path === '/page') {
    const kind = url.searchParams.get('kind');
    const body = html(kind, {
      count: Number(url.searchParams.get('count') ?? 1),
      src: url.searchParams.get('src') ?? FEED,
    });
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  } else if (/^\/cdn\/[\w/.-]+\.js$/.test(path) && !path.includes('..')) {
    const file = files.get(`dist${path}`);
    if (!file) return response.writeHead(404).end();
    // A versioned CDN URL: cached by the browser between page views.
    send(request, response, file, { cacheControl: 'public, max-age=604800' });
  } else if (path === '/vendor/index.js') {
    send(request, response, files.get(VENDOR), { cacheControl: 'public, max-age=604800' });
  } else if (recorded[path]) {
    serveFeed(request, response, recorded[path]);
  } else if (generatedPath) {
    serveFeed(
      request,
      response,
      generatedDocument(Number(generatedPath[1]), `${generatedPath[2]}.json`),
    );
  } else if (cyclePath) {
    if (cyclePath[1] === 'summary') cycle.polls += 1;
    const version = Math.floor(cycle.polls / 2) % cycleVersions.length;
    const item =
      cyclePath[1] === 'summary' ? cycleVersions[version] : recorded['/api/v2/incidents.json'];
    serveFeed(request, response, item);
  } else {
    response.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;
const pageUrl = (kind, options = {}) =>
  `${origin}/page?${new URLSearchParams({ kind, ...options })}`;

// ---------------------------------------------------------------------------
// Helpers

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const ms = (value) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
const bytes = (value) => `${value.toLocaleString('en-US')} B`;
const kib = (value) => `${(value / 1024).toFixed(1)} KiB`;
const ratio = (ours, theirs) => (theirs ? `${(ours / theirs).toFixed(2)}×` : '—');

/**
 * What the page fetched until its first render, from Resource Timing: requests that
 * went to the network (a 304 counts; the HTTP cache does not) and bytes on the wire.
 * With `waitForFeedMs`, also waits that long for a feed reply that comes after.
 */
async function firstRenderFigures(page, waitForFeedMs = 0) {
  return page.evaluate(async (waitForFeedMs) => {
    const frame = await window.firstRender;
    const isFeed = (entry) => entry.name.includes('/api/v2/');
    const isScript = (entry) => /\.js($|\?)/.test(entry.name);
    const until = performance.now() + waitForFeedMs;
    while (performance.now() < until && !performance.getEntriesByType('resource').some(isFeed)) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const entries = [
      ...performance.getEntriesByType('navigation'),
      ...performance.getEntriesByType('resource'),
    ];
    const before = entries.filter((entry) => entry.responseEnd <= frame);
    // Sizes of cross-origin responses are hidden without Timing-Allow-Origin.
    const crossOrigin = (entry) => !entry.name.startsWith(location.origin);
    const network = before.filter((entry) => entry.transferSize > 0 || crossOrigin(entry));
    const sum = (list) => list.reduce((total, entry) => total + entry.transferSize, 0);
    const feed = network.filter(isFeed);
    return {
      frame,
      requests: network.length,
      fromCache: before.length - network.length,
      bytes: sum(network),
      scripts: network.filter(isScript).length,
      scriptBytes: sum(network.filter(isScript)),
      feedRequests: feed.length,
      feedBytes: sum(feed),
      hiddenSizes: network.filter((entry) => crossOrigin(entry) && entry.transferSize === 0).length,
      paths: network.map((entry) => new URL(entry.name).pathname),
      firstFeedReply: Math.min(...entries.filter(isFeed).map((entry) => entry.responseEnd)),
    };
  }, waitForFeedMs);
}

const executablePath = findChromium();
if (!executablePath) {
  console.error(
    'bench: no Chromium found. Install one (Debian: apt-get install chromium) or set CHROME_PATH.',
  );
  process.exit(1);
}
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
const rows = [];
const row = (measurement, name, cells = {}) =>
  rows.push({ measurement, case: name, requests: '', bytes: '', time: '', notes: '', ...cells });

/** RUNS cold page views (a new browser profile each): the median time and the figures of the last. */
async function coldViews(kind, options) {
  const runs = [];
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(pageUrl(kind, options));
    runs.push(await firstRenderFigures(page));
    await context.close();
  }
  return { ...runs.at(-1), frame: median(runs.map((figures) => figures.frame)) };
}

// ---------------------------------------------------------------------------
// 1. Bytes, requests and time to first render, ours and the vendor's

async function firstRenderRows(reference) {
  const cases = [
    ['<status-badge> (status-badge.js)', 'badge'],
    ['all four elements (status-widgets.js)', 'all'],
    ['all four elements (classic status-widgets.global.js)', 'all-classic'],
    ['<statuspage-widget> (@statuspage/status-widget)', 'vendor'],
  ];
  if (reference) {
    cases.push([
      '<status-badge>, feed from the reference server (cross-origin)',
      'badge',
      { src: `${reference}/api/v2/summary.json` },
    ]);
  }
  const results = {};
  for (const [name, kind, options] of cases) {
    const figures = await coldViews(kind, options);
    results[kind] ??= figures;
    if (VERBOSE) console.error(`${name}: ${figures.paths.join(' ')}`);
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

// ---------------------------------------------------------------------------
// 2. Time to first paint with and without the kept snapshot (feed reply delayed)

async function cachedPaintRows() {
  feedDelay = FEED_DELAY_MS;
  const samples = { first: [], repeat: [], stale: [], vendorFirst: [], vendorRepeat: [] };
  const last = {};
  const add = (key, figures) => {
    samples[key].push(figures.frame);
    last[key] = figures;
  };
  try {
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const wait = FEED_DELAY_MS + 1000;
      await page.goto(pageUrl('badge'));
      add('first', await firstRenderFigures(page));
      // Within an interval of the first view: the kept snapshot is as good as a poll.
      await page.goto(pageUrl('badge'));
      add('repeat', await firstRenderFigures(page, wait));
      // As if the visitor came back 5 minutes later: the kept snapshot is older than
      // an interval, so the page paints it and asks the feed at the same time.
      const aged = await page.evaluate(() => {
        let count = 0;
        for (const key of Object.keys(localStorage)) {
          if (!key.startsWith('status-widgets:')) continue;
          const entry = JSON.parse(localStorage.getItem(key));
          if (typeof entry?.t !== 'number') continue;
          entry.t -= 5 * 60_000;
          localStorage.setItem(key, JSON.stringify(entry));
          count += 1;
        }
        return count;
      });
      if (!aged) throw new Error('bench: no kept snapshot in localStorage after a page view.');
      await page.goto(pageUrl('badge'));
      add('stale', await firstRenderFigures(page, wait));
      await page.goto(pageUrl('vendor'));
      add('vendorFirst', await firstRenderFigures(page));
      await page.goto(pageUrl('vendor'));
      add('vendorRepeat', await firstRenderFigures(page));
      await context.close();
    }
  } finally {
    feedDelay = 0;
  }
  const note = (figures) =>
    figures.feedRequests > 0
      ? "after the feed's reply"
      : Number.isFinite(figures.firstFeedReply)
        ? `painted ${ms(figures.firstFeedReply - figures.frame)} before the feed replied`
        : `no feed request within ${ms(FEED_DELAY_MS + 1000)}`;
  for (const [key, name] of [
    ['first', '<status-badge>, first view (no kept snapshot)'],
    ['repeat', '<status-badge>, repeat view within the interval'],
    ['stale', '<status-badge>, repeat view 5 min later'],
    ['vendorFirst', '<statuspage-widget>, first view'],
    ['vendorRepeat', '<statuspage-widget>, repeat view'],
  ]) {
    const figures = last[key];
    row(`first paint, feed +${FEED_DELAY_MS} ms`, name, {
      requests: `${figures.requests} (${figures.feedRequests} feed), ${figures.fromCache} from cache`,
      bytes: bytes(figures.bytes),
      time: ms(median(samples[key])),
      notes: note(figures),
    });
  }
  row(`first paint, feed +${FEED_DELAY_MS} ms`, 'ratio repeat/first view: ours, theirs', {
    time: `${ratio(median(samples.stale), median(samples.first))}, ${ratio(
      median(samples.vendorRepeat),
      median(samples.vendorFirst),
    )}`,
  });
}

// ---------------------------------------------------------------------------
// 3. Requests and bytes over 10 minutes of page time

/**
 * Counts the feed requests the page makes, their raw status (the page sees a
 * revalidated 304 as the cached 200; the raw headers say 304) and the bytes
 * received (headers included). `hidden()` says whether the page is hidden then.
 */
async function watchFeed(context, page, hidden) {
  const session = await context.newCDPSession(page);
  const feed = new Map();
  const counter = { requests: 0, whileHidden: 0, bytes: 0, pending: new Set() };
  session.on('Network.requestWillBeSent', ({ requestId, request }) => {
    if (!request.url.includes('/api/v2/')) return;
    feed.set(requestId, { status: 0 });
    counter.pending.add(requestId);
    counter.requests += 1;
    if (hidden()) counter.whileHidden += 1;
  });
  session.on('Network.responseReceived', ({ requestId, response }) => {
    if (feed.has(requestId)) feed.get(requestId).status = response.status;
  });
  // The raw headers may come before the request is reported: keep them all.
  const raw = new Map();
  session.on('Network.responseReceivedExtraInfo', ({ requestId, statusCode }) => {
    raw.set(requestId, statusCode);
  });
  session.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    if (!feed.has(requestId)) return;
    counter.bytes += encodedDataLength;
    counter.pending.delete(requestId);
  });
  session.on('Network.loadingFailed', ({ requestId, errorText }) => {
    if (!feed.has(requestId)) return;
    feed.get(requestId).failed = errorText;
    counter.pending.delete(requestId);
  });
  await session.send('Network.enable');
  counter.statuses = () => {
    const codes = [...feed].map(([id, request]) => raw.get(id) ?? request.status);
    if (VERBOSE) {
      for (const [id, request] of feed) {
        console.error(
          `  feed request: raw ${raw.get(id)}, seen ${request.status} ${request.failed ?? ''}`,
        );
      }
    }
    const count = (code) => codes.filter((value) => value === code).length;
    return { ok: count(200), notModified: count(304) };
  };
  return counter;
}

const setVisibility = (state) => {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => state === 'hidden' });
  document.dispatchEvent(new Event('visibilitychange'));
};

async function feedCostRow(name, kind, { count, src, hideHalfTheTime = false, note = '' }) {
  const context = await browser.newContext();
  await context.clock.install();
  const page = await context.newPage();
  let hidden = false;
  const counter = await watchFeed(context, page, () => hidden);
  await page.goto(pageUrl(kind, { count, ...(src ? { src } : {}) }));
  await page.evaluate(setVisibility, 'visible');
  // The fake clock holds requestAnimationFrame too: poll from Node instead.
  await page.waitForFunction(() => window.shownAll(), undefined, { polling: 50 });
  const started = performance.now();
  let hiddenMs = 0;
  for (let elapsed = 0; elapsed < SIMULATED_MINUTES * 60_000; elapsed += STEP_MS) {
    if (hideHalfTheTime && elapsed % HIDE_PERIOD_MS === 0) {
      // Let a request under way land before the tab hides.
      await page.waitForTimeout(50);
      hidden = (elapsed / HIDE_PERIOD_MS) % 2 === 1;
      await page.evaluate(setVisibility, hidden ? 'hidden' : 'visible');
    }
    if (hidden) hiddenMs += STEP_MS;
    await context.clock.runFor(STEP_MS);
    // Page time stands still while a request is under way (else its 10-second
    // timeout would pass in a few real milliseconds).
    for (let wait = 0; counter.pending.size && wait < 100; wait++) await page.waitForTimeout(5);
  }
  const wall = performance.now() - started;
  const { ok, notModified } = counter.statuses();
  counter.notModified = notModified;
  await context.close();
  row(
    `feed cost, ${SIMULATED_MINUTES} min`,
    hideHalfTheTime
      ? `${name}, hidden ${hiddenMs / 60_000} of ${SIMULATED_MINUTES} min (${HIDE_PERIOD_MS / 60_000} min on, ${HIDE_PERIOD_MS / 60_000} off)`
      : name,
    {
      requests: `${counter.requests} (${ok}×200, ${notModified}×304)`,
      bytes: bytes(counter.bytes),
      time: `${(wall / 1000).toFixed(1)} s wall`,
      notes: [hideHalfTheTime ? `${counter.whileHidden} while hidden` : '', note]
        .filter(Boolean)
        .join('; '),
    },
  );
  return counter;
}

async function feedCostRows(reference) {
  const results = [];
  for (const count of [1, 10, 100]) {
    results.push(await feedCostRow(`${count} <status-badge>`, 'badge', { count }));
  }
  results.hidden = (
    await feedCostRow('10 <status-badge>', 'badge', { count: 10, hideHalfTheTime: true })
  ).whileHidden;
  if (reference) {
    await feedCostRow('10 <status-badge>, reference server', 'badge', {
      count: 10,
      src: `${reference}/api/v2/summary.json`,
    });
  }
  await feedCostRow('100 <statuspage-widget>', 'vendor', {
    count: 100,
    note: 'fetches once, never refreshes',
  });
  return results;
}

// ---------------------------------------------------------------------------
// 4. <status-incidents> render and update time

async function incidentsRow(count) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(pageUrl('empty'));
  const figures = await page.evaluate(
    async ({ count, updates }) => {
      const { getFeed } = await import('/cdn/status-widgets.js');
      await customElements.whenDefined('status-incidents');
      const src = `/gen/${count}/api/v2/summary.json`;
      const el = document.createElement('status-incidents');
      const renders = [];
      // Lit's update() renders the template and patches the DOM; reading layout
      // right after adds style and layout, so each figure is what one render costs.
      const update = el.update;
      el.update = function (changed) {
        const start = performance.now();
        update.call(this, changed);
        this.getBoundingClientRect();
        renders.push(performance.now() - start);
      };
      el.setAttribute('src', src);
      el.setAttribute('limit', String(count));
      el.setAttribute('days', '3650');
      const shown = () => el.shadowRoot?.querySelectorAll('[part~="incident"]').length ?? 0;
      const connected = performance.now();
      document.body.append(el);
      while (shown() < count) await new Promise(requestAnimationFrame);
      const firstPaint = performance.now() - connected;
      const firstRender = renders.at(-1);
      const store = getFeed({ src });
      const updateRenders = [];
      const cycles = [];
      for (let index = 0; index < updates; index++) {
        const before = renders.length;
        const start = performance.now();
        await store.refresh();
        await el.updateComplete;
        cycles.push(performance.now() - start);
        updateRenders.push(renders.slice(before).reduce((total, value) => total + value, 0));
      }
      return { firstRender, firstPaint, updateRenders, cycles, shown: shown() };
    },
    { count, updates: UPDATES },
  );
  await context.close();
  const mean = (values) => values.reduce((total, value) => total + value, 0) / values.length;
  row('<status-incidents>', `${count.toLocaleString('en-US')} incidents`, {
    time: `render ${ms(figures.firstRender)}; update ${ms(mean(figures.updateRenders))} mean, ${ms(
      Math.max(...figures.updateRenders),
    )} max`,
    notes: `to first paint ${ms(figures.firstPaint)}; poll+parse+render ${ms(
      mean(figures.cycles),
    )} mean of ${UPDATES}; ${figures.shown} shown`,
  });
}

// ---------------------------------------------------------------------------
// 5. Heap after 1,000 poll cycles

async function heapRow() {
  resetSeen();
  cycle.polls = 0;
  const context = await browser.newContext();
  const page = await context.newPage();
  const session = await context.newCDPSession(page);
  await page.goto(pageUrl('all', { src: '/cycle/api/v2/summary.json' }));
  await page.evaluate(() => window.firstRender);
  const poll = (cycles) =>
    page.evaluate(async (cycles) => {
      const { getFeed } = await import('/cdn/status-widgets.js');
      const store = getFeed({ src: '/cycle/api/v2/summary.json' });
      const els = [...document.querySelectorAll('[data-bench]')];
      for (let index = 0; index < cycles; index++) {
        // One poll cycle: what the store's timer runs.
        await store.refresh();
        await Promise.all(els.map((el) => el.updateComplete));
        if (index % 100 === 0) performance.clearResourceTimings();
      }
      performance.clearResourceTimings();
    }, cycles);
  const measure = async () => {
    await session.send('HeapProfiler.collectGarbage');
    await session.send('HeapProfiler.collectGarbage');
    const { usedSize } = await session.send('Runtime.getHeapUsage');
    const { nodes, jsEventListeners } = await session.send('Memory.getDOMCounters');
    return { heap: usedSize, nodes, listeners: jsEventListeners };
  };
  await poll(HEAP_WARMUP);
  resetSeen();
  const before = await measure();
  await poll(HEAP_CYCLES / 2);
  const middle = await measure();
  await poll(HEAP_CYCLES / 2);
  const after = await measure();
  await context.close();
  const growth = after.heap - before.heap;
  // The second half says whether the heap still grows once warm: a leak grows on.
  const perCycle = (after.heap - middle.heap) / (HEAP_CYCLES / 2);
  const leak = perCycle > LEAK_BYTES_PER_CYCLE || after.nodes > before.nodes + 50;
  const signed = (value) => `${value >= 0 ? '+' : ''}${bytes(Math.round(value))}`;
  row(
    'heap',
    `all four elements, ${HEAP_CYCLES.toLocaleString('en-US')} poll cycles after ${HEAP_WARMUP.toLocaleString('en-US')}`,
    {
      requests: `${seen.requests} (${seen.ok}×200, ${seen.notModified}×304)`,
      bytes: `${kib(before.heap)} → ${kib(middle.heap)} → ${kib(after.heap)} (${signed(growth)})`,
      notes:
        `${leak ? 'LEAK' : 'flat'}: ${signed(perCycle)} per cycle in the last ${HEAP_CYCLES / 2}; ` +
        `DOM nodes ${before.nodes} → ${after.nodes}, listeners ${before.listeners} → ${after.listeners}`,
    },
  );
  return { leak, growth, requests: seen.requests };
}

// ---------------------------------------------------------------------------

/**
 * The reference server (dist/server) on a free port, playing its demo page without
 * moving on (one step a day); its origin, or undefined when it does not start.
 */
async function startReferenceServer() {
  const cli = new URL('dist/server/cli.js', root);
  if (!existsSync(cli)) return undefined;
  const child = spawn(
    process.execPath,
    [
      cli.pathname,
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--scenario',
      'demo',
      '--step-seconds',
      '86400',
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const origin = await new Promise((resolve) => {
    let output = '';
    const timer = setTimeout(() => resolve(undefined), 10_000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /listening on (http:\/\/[^/\s]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', () => resolve(undefined));
  });
  if (!origin) child.kill();
  return origin && { origin, stop: () => child.kill() };
}

const started = performance.now();
const problems = [];
// Bounded: a run that hangs (a page that never renders) ends with a message.
setTimeout(() => {
  console.error(
    `bench: gave up after ${TIME_LIMIT_MS / 60_000} minutes; ${rows.length} rows done.`,
  );
  process.exit(1);
}, TIME_LIMIT_MS).unref();
const reference = await startReferenceServer();
if (!reference) problems.push('the reference server (dist/server/cli.js) did not start');
try {
  if (runs('first-render')) await firstRenderRows(reference?.origin);
  if (runs('cached-paint')) await cachedPaintRows();
  if (runs('feed-cost')) {
    const costs = await feedCostRows(reference?.origin);
    if (costs[2].requests > costs[0].requests + 1) {
      problems.push(
        `100 badges made ${costs[2].requests} feed requests where 1 badge made ${costs[0].requests}`,
      );
    }
    if (costs[0].notModified === 0) problems.push('no 304 answers to the polls of one badge');
    if (costs.hidden > 0) problems.push(`${costs.hidden} feed requests while the tab was hidden`);
  }
  if (runs('incidents')) for (const count of INCIDENT_COUNTS) await incidentsRow(count);
  if (runs('heap')) {
    const heap = await heapRow();
    if (heap.leak) {
      problems.push(`the heap grew by ${bytes(heap.growth)} over ${HEAP_CYCLES} poll cycles`);
    }
  }
  const version = browser.version();
  const columns = ['measurement', 'case', 'requests', 'bytes', 'time', 'notes'];
  const line = (cells) => `| ${cells.join(' | ')} |`;
  console.log(
    `\nstatus-widgets bench: Chromium ${version} headless, Node ${process.version}, ` +
      `${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), loopback, ` +
      `content-encoding ${[...encodings].join('/')}; times are medians of ${RUNS} cold page views ` +
      `measured from navigation start to the frame that paints the data (requestAnimationFrame).` +
      `\nFeed cost: Playwright's fake clock drives page timers and Date in ${STEP_MS / 1000} s steps ` +
      `(default interval 60 s ±10%), network in real time.\n`,
  );
  console.log(line(columns));
  console.log(line(columns.map(() => '---')));
  for (const cells of rows)
    console.log(
      line(
        columns.map((key) =>
          // Markdown: tag names as code (else they read as HTML), pipes escaped.
          String(cells[key])
            .replaceAll('|', '\\|')
            .replace(/<[a-z-]+>/g, '`$&`'),
        ),
      ),
    );
  console.log(`\n${Math.round((performance.now() - started) / 1000)} s in all.`);
  if (problems.length) {
    console.log(`\nProblems:\n- ${problems.join('\n- ')}`);
    process.exitCode = 1;
  }
} finally {
  await browser.close();
  server.close();
  reference?.stop();
}
