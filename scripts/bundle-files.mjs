// What a browser downloads for a CDN entry: the file and every chunk it imports
// statically; and, apart, the chunks it imports on demand (a feed format's reader,
// a language) with what those import in turn.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

export const ALL_ELEMENTS = 'dist/cdn/status-widgets.js';

const STATIC_IMPORT =
  /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["'](\.\.?\/[^"']+)["']/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["'](\.\.?\/[^"']+)["']\s*\)/g;

const relativeImports = (file, pattern) =>
  [...readFileSync(file, 'utf8').matchAll(pattern)].map((match) =>
    normalize(join(dirname(file), match[1])),
  );

/** The entry and its static import closure, as paths relative to the cwd. */
export function staticClosure(entry) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    for (const imported of relativeImports(file, STATIC_IMPORT)) visit(imported);
  };
  visit(normalize(entry));
  return [...seen].map((file) => relative('.', file));
}

/** Every chunk the entry (or its chunks) imports on demand, outside its static closure. */
export function lazyChunks(entry) {
  const eager = new Set(staticClosure(entry));
  const found = new Set();
  const visit = (file) => {
    for (const imported of [
      ...relativeImports(file, STATIC_IMPORT),
      ...relativeImports(file, DYNAMIC_IMPORT),
    ]) {
      const path = relative('.', imported);
      if (eager.has(path) || found.has(path) || !existsSync(path)) continue;
      found.add(path);
      visit(path);
    }
  };
  for (const file of eager) visit(file);
  return [...found].sort();
}

/** The element entries of the CDN build: dist/cdn/<tag>.js. */
export function elementEntries() {
  return readdirSync('dist/cdn')
    .filter((name) => /^status-(?!widgets)[\w-]+\.js$/.test(name))
    .map((name) => join('dist/cdn', name));
}
