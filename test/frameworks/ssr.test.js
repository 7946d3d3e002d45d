// A server rendering a page (Next.js, Nuxt, SvelteKit, Astro…) may import the define
// entries and the React components: there they register nothing and throw nothing,
// whether the runtime resolves Lit's Node build or, under the `browser` condition,
// its browser build, and they leave no stand-in DOM behind. Runs against dist/.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import process from 'node:process';
import { test } from 'node:test';
import { URL } from 'node:url';

const entries = [
  ['dist/define.js', 'StatusBadge'],
  ...readdirSync('dist/components').map((tag) => [`dist/components/${tag}/define.js`, null]),
  ['dist/react/index.js', 'StatusBadge'],
];

/** Imports `entry` in a fresh Node process (no DOM) and reports what it saw. */
function importOnServer(entry, conditions) {
  const script = `
    const module = await import(${JSON.stringify(new URL(`../../${entry}`, import.meta.url).href)});
    console.log(JSON.stringify({
      exports: Object.keys(module),
      HTMLElement: typeof HTMLElement,
      document: typeof document,
      customElements: typeof customElements,
    }));`;
  const output = execFileSync(
    process.execPath,
    [...conditions, '--input-type=module', '--eval', script],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return JSON.parse(output.trim().split('\n').pop());
}

test('the main entry sets no stand-ins: it registers nothing', () => {
  const seen = importOnServer('dist/index.js', []);
  assert.ok(seen.exports.includes('defineElement'));
  assert.equal(seen.HTMLElement, 'undefined');
  assert.equal(seen.document, 'undefined');
});

for (const conditions of [[], ['--conditions=browser']]) {
  for (const [entry, exported] of entries) {
    test(`${entry} imports on a server (${conditions.join(' ') || 'default conditions'})`, () => {
      const seen = importOnServer(entry, conditions);
      assert.ok(seen.exports.length > 0, 'the module exports its classes');
      if (exported) assert.ok(seen.exports.includes(exported));
      // No stand-in stays: server code that checks for a DOM finds none.
      assert.equal(seen.HTMLElement, 'undefined');
      assert.equal(seen.document, 'undefined');
      // Lit's browser build brings no registry: nothing was registered.
      if (conditions.length) assert.equal(seen.customElements, 'undefined');
    });
  }
}
