// The critical path of a first view, in headless Chromium on loopback: a badge page
// built from dist/cdn, its chunks answered 400 ms late and the feed 200 ms late, so
// that a chunk found only once another one has arrived starts after the feed's reply.
// Resource Timing says when each request started; nothing here measures how fast.
/* global document, requestAnimationFrame -- page.evaluate runs in the page. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.mjs';

const root = new URL('../../', import.meta.url);
const FEED = '/api/v2/summary.json';
const SUMMARY = readFileSync(
  new URL('test/fixtures/statuspage/github-summary-major-2020-04-02.json', root),
);
const CHUNK_DELAY_MS = 400;
const FEED_DELAY_MS = 200;

let server;
let origin;
let browser;
let feedRequests = 0;

const page = ({ preload }) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>first view</title>
<link rel="icon" href="data:,">
${preload ? `<link rel="preload" as="fetch" crossorigin href="${FEED}">` : ''}
<script type="module" src="/cdn/status-badge.js"></script>
</head><body><status-badge src="${FEED}"></status-badge></body></html>`;

before(async () => {
  server = createServer((request, response) => {
    const { pathname, searchParams } = new URL(request.url, 'http://localhost');
    if (pathname === '/page') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return response.end(page({ preload: searchParams.has('preload') }));
    }
    if (pathname === FEED) {
      feedRequests += 1;
      const headers = { 'content-type': 'application/json', 'cache-control': 'max-age=0' };
      return setTimeout(() => response.writeHead(200, headers).end(SUMMARY), FEED_DELAY_MS);
    }
    const file = /^\/cdn\/((?:chunks\/)?[\w-]+\.js)$/.exec(pathname)?.[1];
    if (!file) return response.writeHead(404).end();
    let body;
    try {
      body = readFileSync(new URL(`dist/cdn/${file}`, root));
    } catch {
      return response.writeHead(404).end();
    }
    const send = () => response.writeHead(200, { 'content-type': 'text/javascript' }).end(body);
    if (file.startsWith('chunks/')) setTimeout(send, CHUNK_DELAY_MS);
    else send();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** A cold view: the time the badge painted the feed, every request, the console's warnings. */
async function firstView(query = '') {
  feedRequests = 0;
  const context = await browser.newContext();
  const tab = await context.newPage();
  const warnings = [];
  tab.on('console', (message) => {
    if (message.type() === 'warning' || message.type() === 'error') warnings.push(message.text());
  });
  await tab.goto(`${origin}/page${query}`);
  const view = await tab.evaluate(async () => {
    const painted = await new Promise((resolve) => {
      const check = () => {
        const state = document.querySelector('status-badge')?.getAttribute('state');
        if (state && state !== 'loading') resolve(performance.now());
        else requestAnimationFrame(check);
      };
      check();
    });
    // Time for a second request of the feed, were one made.
    await new Promise((resolve) => setTimeout(resolve, 500));
    return {
      painted,
      indicator: document.querySelector('status-badge').getAttribute('indicator'),
      requests: performance.getEntriesByType('resource').map((entry) => ({
        path: new URL(entry.name).pathname,
        start: entry.startTime,
        end: entry.responseEnd,
      })),
    };
  });
  await context.close();
  return { ...view, warnings, feedRequests };
}

test('on a first view every script the badge paints with is requested before the feed has answered', async () => {
  const view = await firstView();
  assert.equal(view.indicator, 'major', 'the badge shows the recorded feed');
  const feed = view.requests.filter((request) => request.path === FEED);
  assert.equal(feed.length, 1, 'one feed request');
  const scripts = view.requests.filter(
    (request) => request.path.endsWith('.js') && request.start < view.painted,
  );
  assert.ok(scripts.length >= 2, 'the entry and the reader');
  for (const script of scripts) {
    assert.ok(
      script.start < feed[0].end,
      `${script.path} was requested at ${script.start.toFixed(0)} ms, after the feed's reply ` +
        `ended at ${feed[0].end.toFixed(0)} ms: one more round trip before the first paint`,
    );
  }
});

test('a feed the page preloads is requested once, and the badge paints it', async () => {
  const view = await firstView('?preload');
  assert.equal(view.indicator, 'major');
  assert.equal(view.feedRequests, 1, 'the feed server saw one request');
  assert.equal(view.requests.filter((request) => request.path === FEED).length, 1);
  assert.deepEqual(
    view.warnings.filter((text) => /preload/i.test(text)),
    [],
    'Chromium matched the preload',
  );
});
