// The CDN files carry what their elements need and nothing they never use: every
// byte ships to every visitor of every site.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const cdn = (file) => readFileSync(new URL(`../../dist/cdn/${file}`, import.meta.url), 'utf8');

// One message of each element's own part of the English table.
const WORDS = {
  'status-badge': 'Checking status',
  'status-banner': 'Status notice dismissed',
  'status-incidents': 'Earlier updates',
  'status-components': 'No components to show',
  'status-uptime': 'days with data',
};

test("each element's own file carries its English words and no other element's", () => {
  for (const [element, own] of Object.entries(WORDS)) {
    const code = cdn(`${element}.js`);
    for (const [other, words] of Object.entries(WORDS)) {
      // The badge's words are everyone's (loading, error, statuses).
      const expected = other === element || other === 'status-badge';
      assert.equal(code.includes(words), expected, `${element}.js and "${words}" (${other})`);
    }
    assert.ok(code.includes(own));
  }
});

test('the all-elements file carries every word, and no lazily loaded reader', () => {
  const code = cdn('status-widgets.js');
  for (const words of Object.values(WORDS)) assert.ok(code.includes(words), words);
  // Cachet's reader (a chunk of its own) is not in the entry.
  assert.ok(!code.includes('per_page'), 'no Cachet reader inside');
});

test('the all-elements module exports what a page calls beside the elements, not the model helpers', () => {
  const code = cdn('status-widgets.js');
  const list = /export\s*\{([^}]*)\}\s*;?\s*$/.exec(code)?.[1] ?? '';
  const exported = new Set(
    list.split(',').map((item) =>
      item
        .trim()
        .split(/\s+as\s+/)
        .pop(),
    ),
  );
  // docs/feeds.md and docs/localization.md import these from the CDN file.
  for (const name of ['registerAdapter', 'FeedFormatError', 'setMessages', 'loadLocale', 'getFeed'])
    assert.ok(exported.has(name), `exports ${name}`);
  for (const name of ['incidentUrl', 'plainText', 'sortNewestFirst'])
    assert.ok(!exported.has(name), `leaves ${name} to the npm package`);
});

test('each CDN entry is one file, and the Statuspage reader comes with at most two helper chunks', async () => {
  const { elementEntries, staticClosure, ALL_ELEMENTS } =
    await import('../../scripts/bundle-files.mjs');
  // The paths are the repository's, as `npm test` runs this from its root.
  for (const entry of [ALL_ELEMENTS, ...elementEntries()]) {
    assert.deepEqual(staticClosure(entry), [entry], `${entry} imports no chunk statically`);
    // The chunk files are named by their hash alone; <entry>.chunks.json says which is which.
    const names = JSON.parse(readFileSync(entry.replace(/\.js$/, '.chunks.json'), 'utf8'));
    const reader = Object.keys(names).find((file) => names[file] === 'statuspage');
    assert.ok(
      readFileSync(entry, 'utf8').includes(`import("./${reader}")`),
      `${entry} loads the Statuspage reader on demand`,
    );
    // Its helpers: the model helpers the readers share, with cross-tab sharing, and
    // the readers' fetch helpers. They are requested with the reader (next test).
    const files = staticClosure(`dist/cdn/${reader}`).filter((file) => file !== entry);
    assert.ok(files.length <= 3, `${entry}: the reader and ${files.length - 1} chunks`);
  }
});

test("each chunk an entry loads on demand is requested together with its static imports, so none waits for another's arrival", async () => {
  const { elementEntries, staticClosure, ALL_ELEMENTS } =
    await import('../../scripts/bundle-files.mjs');
  const { dirname, join, normalize } = await import('node:path');
  for (const entry of [ALL_ELEMENTS, ...elementEntries()]) {
    const code = readFileSync(entry, 'utf8');
    const resolve = (path) => normalize(join(dirname(entry), path));
    // Each dynamic import alone, or a Promise.all of imports started at once.
    const groups = [
      ...code.matchAll(/Promise\.all\(\[((?:import\("[^"]+"\),?)+)\]\)|import\("([^"]+)"\)/g),
    ].map((match) =>
      match[1] ? [...match[1].matchAll(/import\("([^"]+)"\)/g)].map((m) => m[1]) : [match[2]],
    );
    let preloaded = 0;
    for (const [target, ...rest] of groups) {
      const needed = staticClosure(resolve(target)).filter((file) => file !== entry);
      assert.deepEqual(
        [resolve(target), ...rest.map(resolve)].toSorted(),
        needed.toSorted(),
        `${entry}: import("${target}") starts what that chunk imports statically`,
      );
      if (rest.length) preloaded += 1;
    }
    // The readers import their helper chunks: the check above saw them.
    assert.ok(preloaded > 0, `${entry} starts some chunk's helpers with it`);
  }
});
