// Image badges over real HTTP on loopback: /badge.svg (drawn by badge-maker) and
// shields' /badge.json for the page, its components, a relay's sources; their
// validators, their errors, their words in every language, and what export writes.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { DOMParser } from '@xmldom/xmldom';
import { exportStatic } from '../../../dist/server/index.js';
import { enCommon as en } from '../../../dist/i18n/messages/en.js';
import { messages as de } from '../../../dist/i18n/messages/de.js';
import { messages as zhCN } from '../../../dist/i18n/messages/zh-CN.js';
import { messages as ja } from '../../../dist/i18n/messages/ja.js';
import { seed, startServer, tempDir } from './helpers.js';

const closers = [];
after(async () => {
  for (const close of closers.reverse()) await close();
});

async function started(options) {
  const server = await startServer(options);
  closers.push(server.close);
  return server;
}

const STYLES = ['flat', 'flat-square', 'plastic', 'for-the-badge', 'social'];
// The elements' palette, read from their styles (light scheme; minor takes its dark tone).
const styles = readFileSync(new URL('../../../src/internal/styles.ts', import.meta.url), 'utf8');
const tone = (name, dark = false) =>
  new RegExp(`--status-color-${name}, light-dark\\((#[0-9a-f]{6}), (#[0-9a-f]{6})\\)`).exec(styles)[
    dark ? 2 : 1
  ];

/** The SVG as XML: its root, its accessible name and title, and the colours it fills. */
function parseSvg(text) {
  const errors = [];
  const document = new DOMParser({
    onError: (level, message) => errors.push(`${level}: ${message}`),
  }).parseFromString(text, 'image/svg+xml');
  assert.deepEqual(errors, [], 'the SVG is well-formed XML');
  const root = document.documentElement;
  assert.equal(root.nodeName, 'svg');
  const title = root.getElementsByTagName('title')[0];
  const fills = [];
  const all = root.getElementsByTagName('*');
  for (let i = 0; i < all.length; i++) {
    const fill = all[i].getAttribute('fill');
    if (fill) fills.push(fill.toLowerCase());
  }
  return {
    root,
    role: root.getAttribute('role'),
    name: root.getAttribute('aria-label'),
    title: title?.textContent,
    fills,
    scripts: root.getElementsByTagName('script').length,
    text: root.textContent,
  };
}

async function badge(base, query = '', init) {
  const [svg, json] = await Promise.all([
    fetch(`${base}/badge.svg${query}`, init),
    fetch(`${base}/badge.json${query}`, init),
  ]);
  return {
    svg,
    json,
    svgText: await svg.text(),
    body: json.headers.get('content-type')?.startsWith('application/json')
      ? await json.json()
      : undefined,
  };
}

describe('each state', () => {
  // How the page gets each overall state: component statuses, or an incident's impact.
  const cases = [
    ['operational', 'operational', undefined],
    ['minor', 'degraded_performance', undefined],
    ['major', 'major_outage', undefined],
    ['critical', 'major_outage', 'critical'],
    ['maintenance', 'under_maintenance', undefined],
  ];
  for (const [indicator, status, impact] of cases) {
    test(`${indicator}: the word, the palette's colour, an accessible name, every style`, async () => {
      const { base, admin } = await started();
      await admin('PUT', '/admin/page', { name: 'Acme', timeZone: 'Etc/UTC' });
      await admin('PUT', '/admin/components/api', { name: 'API', status });
      if (impact) {
        await admin('POST', '/admin/incidents', {
          name: 'Down',
          impact,
          body: 'We are investigating.',
          components: [{ id: 'api', status }],
          nextUpdateInMinutes: 30,
        });
      }
      const word = en[`indicator.${indicator}`];
      const color = tone(indicator, indicator === 'minor').slice(1);
      const { svg, json, svgText, body } = await badge(base);
      assert.equal(svg.status, 200);
      assert.equal(svg.headers.get('content-type'), 'image/svg+xml; charset=utf-8');
      const drawn = parseSvg(svgText);
      assert.equal(drawn.role, 'img');
      assert.equal(drawn.name, `Acme: ${word}`);
      assert.equal(drawn.title, `Acme: ${word}`);
      assert.ok(drawn.fills.includes(`#${color}`), `${drawn.fills} has #${color}`);
      assert.equal(json.status, 200);
      assert.deepEqual(body, { schemaVersion: 1, label: 'Acme', message: word, color });
      for (const style of STYLES) {
        const response = await fetch(`${base}/badge.svg?style=${style}`);
        assert.equal(response.status, 200, style);
        const styled = parseSvg(await response.text());
        const shown = style === 'for-the-badge' ? `ACME: ${word.toUpperCase()}` : `Acme: ${word}`;
        assert.equal(styled.name, shown, style);
        assert.equal(styled.title, shown, style);
        const styledJson = await (await fetch(`${base}/badge.json?style=${style}`)).json();
        assert.equal(styledJson.style, style === 'flat' ? undefined : style);
      }
    });
  }
});

describe('component and components', () => {
  test('one component: its name and its own status word; several: the worst of them', async () => {
    const { base, admin } = await started();
    await seed(admin); // API in partial outage under a major incident; Database, Website fine
    let shown = await badge(base, '?component=api');
    assert.equal(parseSvg(shown.svgText).name, `API: ${en['component.partial_outage']}`);
    assert.deepEqual(shown.body, {
      schemaVersion: 1,
      label: 'API',
      message: en['component.partial_outage'],
      color: tone('minor', true).slice(1),
    });
    // By name, case-insensitively, as the elements' attribute matches.
    shown = await badge(base, '?component=database');
    assert.equal(shown.body.message, en['component.operational']);
    assert.equal(shown.body.label, 'Database');
    // components: the worst of them and of what touches them (the major incident on API).
    shown = await badge(base, `?components=${encodeURIComponent('Website, api')}`);
    assert.equal(shown.body.label, 'Acme');
    assert.equal(shown.body.message, en['indicator.major']);
    shown = await badge(base, '?components=web,db');
    assert.equal(shown.body.message, en['indicator.operational']);
    // label replaces the default.
    shown = await badge(base, '?component=api&label=Our%20API');
    assert.equal(parseSvg(shown.svgText).name, `Our API: ${en['component.partial_outage']}`);
  });

  test('an unknown component: a readable 404 badge, a 400 JSON error', async () => {
    const { base, admin } = await started();
    await seed(admin);
    for (const query of ['?component=Billing', '?components=api,Billing']) {
      const { svg, json, svgText, body } = await badge(base, query);
      assert.equal(svg.status, 404);
      assert.equal(svg.headers.get('content-type'), 'image/svg+xml; charset=utf-8');
      const drawn = parseSvg(svgText);
      assert.equal(drawn.role, 'img');
      assert.match(drawn.name, new RegExp(`${en['component.unknown']}$`));
      assert.equal(json.status, 400);
      assert.equal(body.error.code, 'unknown_component');
      assert.match(body.error.message, /"Billing"/);
    }
  });

  test('a bad option: 400 with what to write instead', async () => {
    const { base } = await started();
    const cases = [
      ['?style=rounded', 'style', /one of flat, flat-square/],
      ['?locale=%3Cx%3E', 'locale', /language tag/],
      ['?colour=red', 'colour', /not a badge option/],
      ['?style=flat&style=social', 'style', /once/],
      ['?component=a&components=b', 'component', /not both/],
      [
        `?components=${Array.from({ length: 51 }, (_, i) => `c${i}`).join(',')}`,
        'components',
        /at most 50/,
      ],
      [`?label=${'x'.repeat(3000)}`, 'query', /longer than 2048/],
    ];
    for (const [query, field, message] of cases) {
      const { svg, json, svgText, body } = await badge(base, query);
      assert.equal(json.status, 400, query);
      assert.equal(body.error.field, field, query);
      assert.match(body.error.message, message, query);
      assert.equal(svg.status, 400, query);
      assert.equal(parseSvg(svgText).role, 'img', query);
    }
  });
});

describe('locale', () => {
  test("the widgets' words in the language asked for, English otherwise", async () => {
    const { base, admin } = await started();
    await seed(admin);
    const cases = [
      ['de', de, ''],
      ['zh-CN', zhCN, ''],
      ['zh-Hans-CN', zhCN, ''],
      ['ja', ja, '&component=api'],
      ['pt-BR', en, ''],
    ];
    for (const [locale, table, extra] of cases) {
      const { svgText, body } = await badge(base, `?locale=${locale}${extra}`);
      const word = extra ? table['component.partial_outage'] : table['indicator.major'];
      assert.ok(word, locale);
      assert.equal(body.message, word, locale);
      assert.equal(parseSvg(svgText).title, `${extra ? 'API' : 'Acme'}: ${word}`, locale);
    }
  });
});

describe('relay', () => {
  test('a failing source never reads operational: grey, in words, isError', async () => {
    // The source is a second server of ours, read through its native feed.
    const upstream = await startServer({ dataFile: undefined });
    closers.push(upstream.close);
    await upstream.admin('PUT', '/admin/components/api', { name: 'API', status: 'operational' });
    const upstreamBase = `${upstream.base}/`;
    const { base, server } = await started({
      dataFile: undefined,
      sources: [`adapter=native,name=Upstream,${upstreamBase}feed.json`],
      sourceUnknownAfterSeconds: 3600,
    });
    let shown = await badge(base, '?source=Upstream');
    assert.equal(shown.body.message, en['indicator.operational']);
    assert.equal(shown.body.isError, undefined);
    shown = await badge(base, '?source=127.0.0.1'); // by its key, the host name
    assert.equal(shown.body.label, 'Upstream');
    // A component within the source, and the same one on the merged page.
    for (const query of ['?source=Upstream&component=API', '?component=api']) {
      shown = await badge(base, query);
      assert.deepEqual(
        [shown.body.label, shown.body.message],
        ['API', en['component.operational']],
      );
    }
    // It stops answering: its last data is stale; the badge says so, in grey.
    await upstream.close();
    await server.relay.pollNow();
    const grey = tone('unknown').slice(1);
    for (const query of ['?source=Upstream', '']) {
      shown = await badge(base, query);
      assert.equal(shown.svg.status, 200, query);
      assert.deepEqual(shown.body, {
        schemaVersion: 1,
        label: 'Upstream',
        message: en['state.error'],
        color: grey,
        isError: true,
      });
      const drawn = parseSvg(shown.svgText);
      assert.equal(drawn.name, `Upstream: ${en['state.error']}`);
      assert.ok(drawn.fills.includes(`#${grey}`));
      assert.ok(!drawn.text.includes(en['indicator.operational']));
    }
    for (const query of ['?source=Upstream&component=API', '?component=API', '?components=api']) {
      shown = await badge(base, query);
      assert.equal(shown.body.message, en['state.error'], query);
      assert.equal(shown.body.isError, true, query);
    }
    const missing = await badge(base, '?source=elsewhere');
    assert.equal(missing.svg.status, 404);
    assert.match(missing.body.error.message, /the sources are 127\.0\.0\.1/);
  });

  test('a source that never answered reads "Status unknown"; the page it is part of too', async () => {
    const probe = createServer();
    await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = probe.address().port;
    await new Promise((resolve) => probe.close(resolve));
    const { base, admin } = await started({
      sources: [`adapter=native,name=Gone,http://127.0.0.1:${port}/feed.json`],
    });
    await admin('PUT', '/admin/page', { name: 'Acme' });
    await admin('PUT', '/admin/components/api', { name: 'API', status: 'operational' });
    for (const [query, label] of [
      ['?source=Gone', 'Gone'],
      ['', 'Acme'],
    ]) {
      const { body, svgText } = await badge(base, query);
      assert.equal(body.message, en['indicator.unknown'], query);
      assert.equal(body.isError, true, query);
      assert.equal(parseSvg(svgText).name, `${label}: ${en['indicator.unknown']}`);
    }
    // Our own component, not from the source, is still known.
    const own = await badge(base, '?component=api');
    assert.equal(own.body.message, en['component.operational']);
  });
});

describe('caching', () => {
  test('a strong ETag, 304, HEAD, a short max-age, Vary when compressed', async () => {
    const { base, admin } = await started();
    await seed(admin);
    for (const path of ['/badge.svg?component=api', '/badge.json?component=api']) {
      const first = await fetch(`${base}${path}`);
      const etag = first.headers.get('etag');
      assert.match(etag, /^"[^"]+"$/, 'strong');
      assert.match(first.headers.get('cache-control'), /max-age=60/);
      const body = await first.text();
      if (first.headers.get('content-encoding') === 'gzip') {
        assert.equal(first.headers.get('vary'), 'Accept-Encoding');
      }
      const again = await fetch(`${base}${path}`, { headers: { 'if-none-match': etag } });
      assert.equal(again.status, 304);
      assert.equal(await again.text(), '');
      const head = await fetch(`${base}${path}`, { method: 'HEAD' });
      assert.equal(head.status, 200);
      assert.equal(head.headers.get('etag'), etag);
      assert.equal(await head.text(), '');
      assert.ok(body.length > 0);
    }
    const before = (await fetch(`${base}/badge.json?component=api`)).headers.get('etag');
    await admin('PUT', '/admin/components/api', { name: 'API', status: 'operational' });
    const changed = await fetch(`${base}/badge.json?component=api`, {
      headers: { 'if-none-match': before },
    });
    assert.equal(changed.status, 200);
    assert.equal((await changed.json()).message, en['component.operational']);
  });
});

describe('safety', () => {
  test('hostile labels and names are escaped, stripped of bidi controls and capped', async () => {
    const { base, admin } = await started();
    const hostile = '<script>alert(1)</script>"&\' \u202Egnp.exe';
    await admin('PUT', '/admin/page', { name: hostile });
    await admin('PUT', '/admin/components/x', {
      name: `<img src=x onerror=alert(1)>`,
      status: 'operational',
    });
    for (const query of ['', '?component=x', `?label=${encodeURIComponent(hostile)}`]) {
      const { svgText, body } = await badge(base, query);
      const drawn = parseSvg(svgText);
      assert.equal(drawn.scripts, 0);
      assert.equal(drawn.root.getElementsByTagName('img').length, 0);
      assert.ok(!svgText.includes('<script'), query);
      assert.ok(!drawn.title.includes('\u202E'), query);
      assert.ok(drawn.title.startsWith(query === '?component=x' ? '<img src=x' : '<script>'));
      assert.ok(!body.label.includes('\u202E'));
    }
    const long = await badge(base, `?label=${'Ä'.repeat(300)}`);
    assert.equal(Array.from(long.body.label).length, 64);
    assert.ok(long.body.label.endsWith('…'));
    assert.equal(
      parseSvg(long.svgText).title,
      `${long.body.label}: ${en['indicator.operational']}`,
    );
  });
});

describe('export', () => {
  test('writes badge.svg and badge.json beside the feeds, and one per component', async () => {
    const { admin, dataFile, base } = await started();
    await seed(admin);
    const served = await (await fetch(`${base}/badge.svg?component=api`)).text();
    const out = tempDir();
    const files = await exportStatic(dataFile, out);
    assert.equal(readFileSync(join(out, 'badges/api.svg'), 'utf8'), served, 'the bytes served');
    for (const name of ['badge', 'badges/api', 'badges/db', 'badges/web']) {
      assert.ok(files.includes(join(out, `${name}.svg`)), name);
      assert.ok(files.includes(join(out, `${name}.json`)), name);
    }
    assert.equal(
      JSON.parse(readFileSync(join(out, 'badge.json'), 'utf8')).message,
      en['indicator.major'],
    );
    const api = JSON.parse(readFileSync(join(out, 'badges/api.json'), 'utf8'));
    assert.deepEqual([api.label, api.message], ['API', en['component.partial_outage']]);
    const drawn = parseSvg(readFileSync(join(out, 'badges/db.svg'), 'utf8'));
    assert.equal(drawn.title, `Database: ${en['component.operational']}`);
    assert.ok(readFileSync(join(out, 'feed.json'), 'utf8').includes('Elevated errors'));
  });
});
