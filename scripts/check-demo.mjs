// Watches the demo in headless Chromium through one pass of its story and says which
// states it saw: on `/`, every step of the incident in the widgets themselves; on
// `/zh-CN.html`, the Chinese incident text; at 375 px, no page wider than the screen. `npm test` runs it with one-second steps
// (test/node/demo.test.js); `node scripts/check-demo.mjs [--screenshots DIR]` runs it
// alone and can keep a screenshot of each state.
import { execFileSync } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';
import { startDemo } from './start.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** What the page shows, read from the widgets' shadow DOM (this function runs in the page). */
function readPage() {
  const shadow = (tag) => globalThis.document.querySelector(tag)?.shadowRoot;
  const text = (node) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const banner = shadow('status-banner');
  const list = shadow('status-incidents');
  const timestamp = banner?.querySelector('[part~="timestamp"]');
  return {
    badge: globalThis.document.querySelector('status-badge')?.getAttribute('indicator'),
    banner: text(banner?.querySelector('[part~="base"]')),
    title: text(banner?.querySelector('[part~="title"]')),
    overdue:
      Boolean(banner?.querySelector('[part~="overdue"]')) || /overdue/i.test(text(timestamp)),
    statusPage: banner?.querySelector('[part~="link"]')?.getAttribute('href') ?? null,
    subscribe: banner?.querySelector('[part~="subscribe"]')?.getAttribute('href') ?? null,
    // A banner that confirms a resolved incident for a while (`resolved-for`) has the property.
    confirmsResolved: 'resolvedFor' in (globalThis.document.querySelector('status-banner') ?? {}),
    list: text(list),
    postmortems: [...(list?.querySelectorAll('[part~="postmortem"]') ?? [])].map((link) =>
      link.getAttribute('href'),
    ),
  };
}

/** The top of the page and its status section, in light and in dark. */
async function keep(page, dir, name) {
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    await page.evaluate(() => globalThis.scrollTo(0, 0));
    await page.screenshot({ path: join(dir, `${name}-${colorScheme}.png`) });
    await page
      .locator('#system-status')
      .screenshot({ path: join(dir, `${name}-status-${colorScheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

const STATUS_PAGE = 'https://status.acmecloud.example';
const INCIDENT = 'Deploys failing for some customers';
const CRITICAL = 'Deploys failing in all regions';

/**
 * Each state of the English story, recognised from what the widgets show. A state
 * that shows an incident or maintenance also links to the status and subscribe pages.
 */
const STATES = {
  calm: (p) =>
    p.badge === 'operational' && /Dashboard upgrade/.test(p.banner) && !/started/.test(p.banner),
  maintenance: (p) =>
    p.badge === 'maintenance' && /The dashboard upgrade has started/.test(p.banner),
  investigating: (p) =>
    p.badge === 'minor' && p.title.includes(INCIDENT) && /We are investigating/.test(p.banner),
  major: (p) =>
    p.badge === 'major' &&
    p.title.includes(INCIDENT) &&
    /We have identified the cause/.test(p.banner),
  critical: (p) =>
    p.badge === 'critical' &&
    p.title.includes(CRITICAL) &&
    /deploys are now failing in every region/.test(p.banner) &&
    !p.overdue,
  overdue: (p) => p.badge === 'critical' && p.title.includes(CRITICAL) && p.overdue,
  monitoring: (p) => p.title.includes(CRITICAL) && /A fix has been applied/.test(p.banner),
  resolved: (p) =>
    p.badge === 'operational' &&
    /This incident has been resolved/.test(p.list) &&
    p.postmortems.every((href) => !href.includes('deploys-failing')) &&
    // Once the banner confirms resolutions, it shows this one.
    (!p.confirmsResolved || p.title.includes(CRITICAL)),
  postmortem: (p) =>
    p.badge === 'operational' &&
    p.postmortems.includes(`${STATUS_PAGE}/incidents/deploys-failing/postmortem`) &&
    (!p.confirmsResolved || p.title.includes(CRITICAL)),
};

/**
 * The Chinese page's incident text: the history every step has (an incident written
 * from the zh-CN templates), and the story's own titles in the banner; none of the
 * English ones may show there.
 */
const CHINESE_HISTORY = ['构建日志延迟', '本次事故的复盘报告已发布'];
const CHINESE_TITLES = ['控制台升级', '部分用户部署失败', '所有区域部署失败'];
const ENGLISH_TITLES = ['Build logs delayed', 'Dashboard upgrade', INCIDENT, CRITICAL];

/**
 * Starts the demo with short steps, watches `/` until every state of the story was
 * seen (or `timeoutMs` passed), then `/zh-CN.html` until it shows a Chinese title.
 * Returns what it saw; never throws for a state it missed, so a test can say which.
 */
export async function checkDemo({ stepSeconds = 1, timeoutMs, screenshots } = {}) {
  // The Node tests run before the browser tests: find or install Chromium as they do.
  if (!findChromium()) {
    execFileSync(process.execPath, [join(root, 'scripts/ensure-chromium.mjs')], {
      stdio: 'inherit',
    });
  }
  const out = join(root, `.demo-check-${process.pid}`);
  const demo = await startDemo({ port: 0, stepSeconds, out });
  const limit = timeoutMs ?? (demo.steps.length + 3) * stepSeconds * 1000;
  let browser;
  const seen = new Map();
  const problems = [];
  try {
    browser = await chromium.launch({
      executablePath: findChromium(),
      headless: true,
      args: CHROMIUM_ARGS,
    });
    if (screenshots) await mkdir(screenshots, { recursive: true });
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await page.goto(demo.url);
    const until = Date.now() + limit;
    while (seen.size < Object.keys(STATES).length && Date.now() < until) {
      const shown = await page.evaluate(readPage);
      for (const [name, matches] of Object.entries(STATES)) {
        if (seen.has(name) || !matches(shown)) continue;
        seen.set(name, shown);
        const linked = shown.statusPage?.startsWith(STATUS_PAGE) && shown.subscribe;
        if (shown.title && !linked) {
          problems.push(`${name}: the banner has no status page or subscribe link`);
        }
        if (screenshots) await keep(page, screenshots, `demo-${name}`);
      }
      await page.waitForTimeout(100);
    }

    await page.goto(`${demo.url}zh-CN.html`);
    let chinese;
    const zhUntil = Date.now() + limit;
    while (!chinese && Date.now() < zhUntil) {
      const shown = await page.evaluate(readPage);
      const inList = CHINESE_HISTORY.every((text) => shown.list.includes(text));
      if (inList && CHINESE_TITLES.some((title) => shown.title.includes(title))) chinese = shown;
      else await page.waitForTimeout(100);
    }
    if (chinese) {
      const english = ENGLISH_TITLES.filter((title) =>
        (chinese.banner + chinese.list).includes(title),
      );
      if (english.length) problems.push(`/zh-CN.html shows English titles: ${english.join(', ')}`);
      if (screenshots) await keep(page, screenshots, 'demo-zh-CN');
    }
    // On a phone, nothing may stick out sideways.
    await page.setViewportSize({ width: 375, height: 800 });
    for (const path of ['', 'zh-CN.html', 'statuspage.html']) {
      await page.goto(`${demo.url}${path}`);
      await page.waitForFunction(() =>
        globalThis.document.querySelector('status-badge')?.getAttribute('indicator'),
      );
      const width = await page.evaluate(() => globalThis.document.documentElement.scrollWidth);
      if (width > 375) problems.push(`/${path} is ${width} px wide at 375 px`);
    }
    await context.close();
    return {
      steps: demo.steps,
      seen: [...seen.keys()],
      missing: Object.keys(STATES).filter((name) => !seen.has(name)),
      chinese: chinese?.title,
      problems,
    };
  } finally {
    await browser?.close();
    await demo.close();
    await rm(out, { recursive: true, force: true });
  }
}

const invokedDirectly = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (invokedDirectly) {
  const { values } = parseArgs({
    options: { screenshots: { type: 'string' }, 'step-seconds': { type: 'string' } },
  });
  const result = await checkDemo({
    stepSeconds: Number(values['step-seconds'] ?? 1),
    screenshots: values.screenshots,
  });
  console.log(JSON.stringify(result, null, 2));
  if (result.missing.length || !result.chinese || result.problems.length) process.exitCode = 1;
}
