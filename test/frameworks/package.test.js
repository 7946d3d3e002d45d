// What the package ships for frameworks, checked against dist/ after the build.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const tags = readdirSync('src/components', { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const classNameOf = (tag) => tag.replace(/(^|-)(\w)/g, (_, _dash, letter) => letter.toUpperCase());

test('every framework export points at a built file', () => {
  for (const subpath of ['./react', './types/react', './types/vue', './types/svelte']) {
    const target = pkg.exports[subpath];
    for (const file of typeof target === 'string' ? [target] : Object.values(target)) {
      assert.ok(existsSync(file), `${subpath}: ${file} is missing`);
    }
  }
  assert.ok(existsSync(pkg['web-types']));
  assert.ok(existsSync(pkg.exports['./vscode.html-custom-data.json']));
});

test('every element has its React component and its place in each declaration', () => {
  const react = readFileSync('dist/react/index.d.ts', 'utf8');
  const declarations = ['react', 'vue', 'svelte'].map((name) =>
    readFileSync(`dist/frameworks/${name}.d.ts`, 'utf8'),
  );
  for (const tag of tags) {
    assert.match(react, new RegExp(`export declare const ${classNameOf(tag)}\\b`), tag);
    for (const declaration of declarations) assert.ok(declaration.includes(`'${tag}'`), tag);
  }
});

test('the React components stay out of the CDN files', () => {
  const files = readdirSync('dist/cdn', { recursive: true }).filter((file) => file.endsWith('.js'));
  assert.ok(files.length > 0);
  for (const file of files) {
    const code = readFileSync(`dist/cdn/${file}`, 'utf8');
    // What @lit/react's createComponent always writes, minified or not.
    assert.doesNotMatch(code, /useLayoutEffect|forwardRef/, file);
  }
});
