// `npm run bench:feed`: how many requests and bytes the feed store costs a feed.
// Loads a page with 1, 10 and 100 <status-badge> elements on one feed (then two tabs
// of one browser with 10 each, and a page hidden once loaded) in headless Chromium,
// lets SIMULATED_MINUTES of page time pass on Playwright's fake clock, and prints
// the feed requests the server saw and the bytes the browser received for them.
// The feed comes from a tiny local server that sends an ETag and answers
// If-None-Match with 304, on loopback only. Bounded: a few seconds per row.
/* global document -- the functions given to page.evaluate run in the page. */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';

const SIMULATED_MINUTES = Number(process.env.SIMULATED_MINUTES ?? 5);
const STEP_MS = 1000;
const root = new URL('../', import.meta.url);
const read = (path) => readFileSync(new URL(path, root));

const bundle = read('dist/cdn/status-widgets.global.js');
const feeds = {
  '/api/v2/summary.json': read('test/fixtures/statuspage/github-summary-major-2020-04-02.json'),
  '/api/v2/incidents.json': read('test/fixtures/statuspage/github-incidents-2024-09-17.json'),
};
const etags = Object.fromEntries(
  Object.entries(feeds).map(([path, body]) => [
    path,
    `"${createHash('sha1').update(body).digest('base64url')}"`,
  ]),
);

const seen = { requests: 0, notModified: 0 };
const page = (badges) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>bench</title>
<script src="/status-widgets.global.js"></script></head><body>
${'<status-badge src="/api/v2/summary.json" adapter="statuspage"></status-badge>\n'.repeat(badges)}
</body></html>`;

const server = createServer((request, response) => {
  const url = new URL(request.url, 'http://localhost');
  if (url.pathname === '/status-widgets.global.js') {
    response.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle);
  } else if (url.pathname === '/page') {
    response
      .writeHead(200, { 'content-type': 'text/html' })
      .end(page(Number(url.searchParams.get('badges'))));
  } else if (feeds[url.pathname]) {
    seen.requests += 1;
    const headers = {
      'content-type': 'application/json',
      'cache-control': 'public, max-age=0, must-revalidate',
      etag: etags[url.pathname],
    };
    if (request.headers['if-none-match'] === etags[url.pathname]) {
      seen.notModified += 1;
      response.writeHead(304, headers).end();
    } else {
      response.writeHead(200, headers).end(feeds[url.pathname]);
    }
  } else {
    response.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

/** Counts the bytes the browser received for feed requests (headers included). */
async function watchBytes(context, tab) {
  const session = await context.newCDPSession(tab);
  const feedRequests = new Set();
  const notModified = new Set();
  const counter = { bytes: 0, bytesOf304s: 0 };
  session.on('Network.requestWillBeSent', ({ requestId, request }) => {
    if (request.url.includes('/api/v2/')) feedRequests.add(requestId);
  });
  // The raw status: the page itself sees a revalidated 304 as the cached 200.
  session.on('Network.responseReceivedExtraInfo', ({ requestId, statusCode }) => {
    if (statusCode === 304) notModified.add(requestId);
  });
  session.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    if (!feedRequests.has(requestId)) return;
    counter.bytes += encodedDataLength;
    if (notModified.has(requestId)) counter.bytesOf304s += encodedDataLength;
  });
  await session.send('Network.enable');
  return counter;
}

const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });

/**
 * One row: `tabs` pages of one browser context with `badges` elements each; with
 * `hide`, another tab comes to the front once the page has loaded.
 */
async function run(badges, { tabs = 1, hide = false } = {}) {
  seen.requests = 0;
  seen.notModified = 0;
  const context = await browser.newContext();
  // One fake clock for the whole context: its tabs share time, as real tabs do.
  await context.clock.install();
  const pages = [];
  const counters = [];
  for (let index = 0; index < tabs; index++) {
    const tab = await context.newPage();
    counters.push(await watchBytes(context, tab));
    await tab.goto(`${origin}/page?badges=${badges}`);
    pages.push(tab);
  }
  // Every page visible, as separate windows would be (headless shows one tab at a
  // time); or, with `hide`, hidden once loaded (as when the visitor switches tabs).
  const setVisibility = (state) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
    document.dispatchEvent(new Event('visibilitychange'));
  };
  for (const tab of hide ? [] : pages) await tab.evaluate(setVisibility, 'visible');
  await pages[0].waitForFunction(
    (count) =>
      [...document.querySelectorAll('status-badge')].filter((el) => el.state === 'ready').length ===
      count,
    badges,
  );
  let requestsBefore = 0;
  if (hide) {
    await pages[0].evaluate(setVisibility, 'hidden');
    requestsBefore = seen.requests;
  }
  const started = performance.now();
  for (let elapsed = 0; elapsed < SIMULATED_MINUTES * 60_000; elapsed += STEP_MS) {
    await context.clock.runFor(STEP_MS);
  }
  const wall = performance.now() - started;
  const states = await Promise.all(
    pages.map((tab) =>
      tab.evaluate(() =>
        [...new Set([...document.querySelectorAll('status-badge')].map((el) => el.state))].join(),
      ),
    ),
  );
  await context.close();
  const sum = (key) => counters.reduce((total, counter) => total + counter[key], 0);
  return {
    elements: `${badges}${tabs > 1 ? ` × ${tabs} tabs` : ''}${hide ? ' (tab hidden)' : ''}`,
    'feed requests': seen.requests,
    '304s': seen.notModified,
    'while hidden': hide ? seen.requests - requestsBefore : '',
    'bytes received': sum('bytes'),
    'bytes in 304s': sum('bytesOf304s'),
    'element state': states.join(' / '),
    'wall ms': Math.round(wall),
  };
}

try {
  const rows = [];
  for (const badges of [1, 10, 100]) rows.push(await run(badges));
  rows.push(await run(10, { tabs: 2 }));
  rows.push(await run(10, { hide: true }));
  console.log(
    `Feed cost over ${SIMULATED_MINUTES} simulated minutes (interval 60 s ±10%), ` +
      `summary ${feeds['/api/v2/summary.json'].length} B + incidents ${feeds['/api/v2/incidents.json'].length} B, ETag/304:`,
  );
  console.table(rows);
} finally {
  await browser.close();
  server.close();
}
