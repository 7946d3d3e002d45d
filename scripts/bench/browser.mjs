// Headless Chromium for the bench (scripts/chromium.mjs's, driven by playwright-core)
// and what the measurements read from it: first-render figures from Resource
// Timing, feed requests over the DevTools protocol, the page's visibility.
/* global window, document, location -- the functions given to page.evaluate run in the page. */
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../chromium.mjs';
import { median } from './table.mjs';

export async function launchBrowser() {
  const executablePath = findChromium();
  if (!executablePath) {
    console.error(
      'bench: no Chromium found. Install one (Debian: apt-get install chromium) or set CHROME_PATH.',
    );
    process.exit(1);
  }
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

/**
 * What the page fetched until its first render, from Resource Timing: requests that
 * went to the network (a 304 counts; the HTTP cache does not) and bytes on the wire.
 * With `waitForFeedMs`, also waits that long for a feed reply that comes after.
 */
export async function firstRenderFigures(page, waitForFeedMs = 0) {
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

/** `runs` cold page views (a new browser profile each): the median time and the figures of the last. */
export async function coldViews({ browser, origin, runs }, kind, options) {
  const views = [];
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(origin.pageUrl(kind, options));
    views.push(await firstRenderFigures(page));
    await context.close();
  }
  return { ...views.at(-1), frame: median(views.map((figures) => figures.frame)) };
}

/**
 * Counts the feed requests (`/api/v2/`) a page makes, their raw status (the page
 * sees a revalidated 304 as the cached 200; the raw headers say 304) and the bytes
 * received (headers included). `hidden()` says whether the page is hidden then.
 */
export async function watchFeed(context, page, hidden = () => false, { verbose = false } = {}) {
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
    if (verbose) {
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

/** Runs in the page: sets its visibility as a tab switch does. */
export const setVisibility = (state) => {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => state === 'hidden' });
  document.dispatchEvent(new Event('visibilitychange'));
};
