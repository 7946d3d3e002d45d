// `npm run screenshots`: the README pictures, each element in light and dark, showing
// the demo's story (`--scenario demo`) at a fixed moment, so every run draws the same
// pictures. The server's scenario writes each step of the story with its clock
// stopped; each step's feed is served on loopback to headless Chromium, whose clock
// is stopped at the same moment. Writes docs/images/<tag>-light.png and <tag>-dark.png.
import { createServer } from 'node:http';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';
import { buildDemo } from './start.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'docs/images');
const build = await buildDemo(join(root, `.demo-screenshots-${process.pid}`));

/** The moment every picture shows. */
const NOW = new Date('2026-11-24T14:30:00Z');

/** The demo scenario's feed at each step of its story, keyed by step name. */
async function storyFeeds() {
  const load = (name) => import(pathToFileURL(join(build, name)).href);
  const { createStatusServer } = await load('server/index.js');
  const { DEMO_STEPS } = await load('server/scenario.js');
  const server = await createStatusServer({ scenario: 'demo', stepSeconds: 0.2, now: () => NOW });
  const url = await server.listen(0, '127.0.0.1');
  const feeds = {};
  try {
    const response = await fetch(`${url}events`);
    const decoder = new TextDecoder();
    let text = '';
    for await (const chunk of response.body) {
      text += decoder.decode(chunk, { stream: true });
      const events = text.split('\n\n').filter((event) => event.includes('data: '));
      if (events.length >= DEMO_STEPS.length) {
        DEMO_STEPS.forEach((step, index) => {
          const data = events[index].split('\n').find((line) => line.startsWith('data: '));
          feeds[step.name] = data.slice('data: '.length);
        });
        break;
      }
    }
  } finally {
    await server.close();
  }
  // The stream starts with the state at the moment it opened: the story's first step.
  if (JSON.parse(feeds[DEMO_STEPS[0].name]).incidents.length !== 1) {
    throw new Error('The story had moved on before its events were read; run again.');
  }
  return feeds;
}
const FEEDS = await storyFeeds();

// What each picture shows: the step of the story and the elements.
const SHOTS = [
  {
    tag: 'status-badge',
    width: 640,
    html: `<div style="display:grid;grid-template-columns:repeat(3,max-content);gap:12px">
      <status-badge src="/feeds/calm/feed.json"></status-badge>
      <status-badge src="/feeds/maintenance/feed.json"></status-badge>
      <status-badge src="/feeds/investigating/feed.json"></status-badge>
      <status-badge src="/feeds/major/feed.json"></status-badge>
      <status-badge src="/feeds/critical/feed.json"></status-badge>
      <status-badge src="/feeds/critical/feed.json" component="Deploys"></status-badge></div>`,
  },
  {
    tag: 'status-banner',
    width: 720,
    html: `<status-banner src="/feeds/major/feed.json"></status-banner>`,
  },
  {
    tag: 'status-incidents',
    width: 720,
    html: `<status-incidents src="/feeds/monitoring/feed.json" show-maintenance time-zone="UTC"></status-incidents>`,
  },
  {
    tag: 'status-components',
    width: 560,
    html: `<status-components src="/feeds/critical/feed.json"></status-components>`,
  },
];

const page = (shot) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<script type="module" src="/dist/cdn/status-widgets.js"></script>
<style>
  :root { color-scheme: light dark; }
  body { margin: 0; padding: 24px; background: light-dark(#f6f8fa, #010409);
         font-family: system-ui, sans-serif; }
  #shot { width: ${shot.width}px; padding: 16px; }
</style></head>
<body><div id="shot">${shot.html}</div></body></html>`;

const server = createServer(async (request, response) => {
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  const feed = path.match(/^\/feeds\/([\w-]+)\/feed\.json$/);
  const shot = SHOTS.find((s) => path === `/${s.tag}.html`);
  try {
    if (feed && FEEDS[feed[1]]) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(FEEDS[feed[1]]);
    } else if (shot) {
      response.writeHead(200, { 'content-type': 'text/html' }).end(page(shot));
    } else if (path.startsWith('/dist/cdn/') && !path.includes('..')) {
      const body = await readFile(join(build, path));
      const type = extname(path) === '.js' ? 'text/javascript' : 'application/octet-stream';
      response.writeHead(200, { 'content-type': type }).end(body);
    } else {
      response.writeHead(404).end();
    }
  } catch {
    response.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: findChromium(),
  headless: true,
  args: CHROMIUM_ARGS,
});
try {
  await mkdir(out, { recursive: true });
  for (const shot of SHOTS) {
    for (const scheme of ['light', 'dark']) {
      const context = await browser.newContext({
        colorScheme: scheme,
        reducedMotion: 'reduce',
        timezoneId: 'UTC',
        locale: 'en-US',
        viewport: { width: shot.width + 80, height: 600 },
        deviceScaleFactor: 2,
      });
      const tab = await context.newPage();
      await tab.clock.setFixedTime(NOW);
      await tab.goto(`${origin}/${shot.tag}.html`);
      // Every element on the page has data (or an error) and has drawn it
      // (these functions run in the page).
      await tab.waitForFunction(() =>
        [...globalThis.document.querySelectorAll('#shot *')]
          .filter((el) => el.localName.startsWith('status-'))
          .every((el) => el.getAttribute('state') && el.getAttribute('state') !== 'loading'),
      );
      await tab.evaluate(() =>
        Promise.all(
          [...globalThis.document.querySelectorAll('#shot *')]
            .filter((el) => 'updateComplete' in el)
            .map((el) => el.updateComplete),
        ),
      );
      const file = join(out, `${shot.tag}-${scheme}.png`);
      await tab.locator('#shot').screenshot({ path: file });
      console.log(`wrote ${file.slice(root.length)}`);
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.close();
  await rm(build, { recursive: true, force: true });
}
