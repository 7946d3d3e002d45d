// `npm run test:frameworks`: the apps in examples/ (React 18, React 19, Vue 3 and
// Svelte 5 built with Vite; Next.js; Angular), each with the packed package installed
// as a site installs it, type-checked in strict mode, built, then loaded in Chromium
// against a live native feed.
/* global document -- in page.evaluate, which runs in the page */
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import process from 'node:process';
import { promisify } from 'node:util';
import { extname, join, normalize } from 'node:path';
import { after, before, test } from 'node:test';
import { URL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.mjs';

// Each app and the folder its build writes.
const APPS = {
  react18: 'dist',
  react19: 'dist',
  vue: 'dist',
  svelte: 'dist',
  // A static export: pages rendered on the server at build time, hydrated in the browser.
  nextjs: 'out',
  angular: 'dist/browser',
};
// The documented native feed, polled: without its event stream link.
const documented = JSON.parse(readFileSync('test/fixtures/native/documented-feed.json', 'utf8'));
delete documented.links;
const feed = JSON.stringify(documented);
const run = promisify(execFile);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NG_CLI_ANALYTICS: 'false' };
const npm = (args, cwd) => execFileSync('npm', args, { cwd, env, stdio: 'pipe', encoding: 'utf8' });

let tarball;
let packDir;
let browser;

before(async () => {
  // The package as published: `npm pack` of the build (`npm run test:frameworks` builds first).
  packDir = mkdtempSync(join(tmpdir(), 'status-widgets-pack-'));
  const name = npm(['pack', '--silent', '--pack-destination', packDir], '.').trim();
  tarball = join(packDir, name.split('\n').pop());
  // Installs in parallel: mostly waiting on the registry.
  await Promise.all(
    Object.keys(APPS).map((app) => {
      const cwd = join('examples', app);
      rmSync(join(cwd, 'node_modules', 'status-widgets'), { recursive: true, force: true });
      const install = ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund'];
      return run('npm', [...install, tarball], { cwd, env });
    }),
  );
  browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  if (packDir) rmSync(packDir, { recursive: true, force: true });
});

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

/** Serves an app's build and the native feed at /status.json, on an ephemeral port. */
async function serve(root) {
  const server = createServer((request, response) => {
    const path = new URL(request.url, 'http://localhost').pathname;
    if (path === '/status.json') {
      response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      response.end(feed);
      return;
    }
    if (path === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    const file = join(root, normalize(path === '/' ? '/index.html' : path));
    try {
      const body = readFileSync(file);
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${server.address().port}/` };
}

for (const [app, out] of Object.entries(APPS)) {
  test(`${app}: type-checks, builds and runs against a live feed`, async () => {
    const cwd = join('examples', app);
    npm(['run', '--silent', 'check'], cwd);
    npm(['run', '--silent', 'build'], cwd);

    const { server, url } = await serve(join(cwd, out));
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('response', (response) => {
      if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
    });
    try {
      await page.goto(url);
      await page.waitForSelector('status-badge[state="ready"]', { timeout: 15_000 });
      await page.waitForSelector('status-banner[state="ready"]', { timeout: 15_000 });
      const seen = await page.evaluate(() => {
        const badge = document.querySelector('status-badge');
        const banner = document.querySelector('status-banner');
        const incidents = document.querySelector('status-incidents');
        return {
          interval: badge.interval,
          resolvedFor: banner.resolvedFor,
          dismissible: banner.dismissible,
          showMaintenance: incidents.showMaintenance,
          bannerText: banner.shadowRoot.textContent,
          closeButtons: banner.shadowRoot.querySelectorAll('[part~="dismiss"]').length,
          lastStatus: document.querySelector('#last-status').textContent,
        };
      });
      // Numbers arrive as numbers, booleans as booleans.
      assert.equal(seen.interval, 30);
      assert.equal(seen.resolvedFor, 10);
      assert.equal(seen.dismissible, false);
      assert.equal(seen.showMaintenance, false);
      // The banner shows the feed's major incident, and `dismissible` false is honoured:
      // no close button (a major incident has one by default).
      assert.match(seen.bannerText, /API unavailable/);
      assert.equal(seen.closeButtons, 0);
      // The status-change handler ran with the feed's indicator.
      assert.equal(seen.lastStatus, 'major');
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
      server.close();
    }
  });
}
