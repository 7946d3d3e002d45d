// `npm run screenshots`: renders each element in light and dark from the built CDN
// bundle and recorded feeds (all on loopback), in headless Chromium, and writes
// docs/images/<tag>-light.png and <tag>-dark.png (the npm script builds first).
import { createServer } from 'node:http';
import { mkdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'docs/images');
const fixtures = join(root, 'test/fixtures/statuspage');
const readJson = async (name) => JSON.parse(await readFile(join(fixtures, name), 'utf8'));

const outage = await readJson('github-summary-major-2020-04-02.json');
const history = await readJson('github-incidents-2024-09-17.json');
const maintenance = await readJson('documented-summary-maintenance-groups.json');
// GitHub's components, all well, with GitHub's recorded incident history of 2024.
const calm = structuredClone(outage);
calm.status = { indicator: 'none', description: 'All Systems Operational' };
calm.incidents = [];
calm.components.forEach((component) => (component.status = 'operational'));

// Each feed answers summary.json and incidents.json, as a Statuspage page does.
const FEEDS = {
  outage: { summary: outage, incidents: outage },
  history: { summary: calm, incidents: history },
  maintenance: { summary: maintenance, incidents: maintenance },
};

// What each screenshot shows, and the moment it is taken (recordings are old).
const SHOTS = [
  {
    tag: 'status-badge',
    now: '2020-04-02T20:45:00Z',
    width: 640,
    html: `<div style="display:flex;gap:12px;flex-wrap:wrap;align-items:center">
      <status-badge src="/feeds/outage/api/v2/summary.json"></status-badge>
      <status-badge src="/feeds/outage/api/v2/summary.json" component="GitHub Actions"></status-badge>
      <status-badge src="/feeds/maintenance/api/v2/summary.json"></status-badge>
      <status-badge src="/feeds/history/api/v2/summary.json"></status-badge>
      <status-badge src="/feeds/outage/api/v2/summary.json" compact></status-badge></div>`,
  },
  {
    tag: 'status-banner',
    now: '2020-04-02T20:45:00Z',
    width: 720,
    html: `<status-banner src="/feeds/outage/api/v2/summary.json"></status-banner>`,
  },
  {
    tag: 'status-incidents',
    now: '2024-09-17T09:00:00Z',
    width: 720,
    html: `<status-incidents src="/feeds/history/api/v2/summary.json" show-maintenance></status-incidents>`,
  },
  {
    tag: 'status-components',
    now: '2026-11-20T20:00:00Z',
    width: 560,
    html: `<status-components src="/feeds/maintenance/api/v2/summary.json"></status-components>`,
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
  const feed = path.match(/^\/feeds\/(\w+)\/api\/v2\/(summary|incidents)\.json$/);
  const shot = SHOTS.find((s) => path === `/${s.tag}.html`);
  try {
    if (feed && FEEDS[feed[1]]) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(FEEDS[feed[1]][feed[2]]));
    } else if (shot) {
      response.writeHead(200, { 'content-type': 'text/html' }).end(page(shot));
    } else if (path.startsWith('/dist/cdn/') && !path.includes('..')) {
      const body = await readFile(join(root, path));
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
      await tab.clock.setFixedTime(new Date(shot.now));
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
}
