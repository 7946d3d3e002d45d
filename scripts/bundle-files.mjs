// What a browser downloads for a CDN entry: the file and every chunk it imports
// statically (lazily imported chunks — adapters a page may not use — are left out).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

const STATIC_IMPORT =
  /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["'](\.\.?\/[^"']+)["']/g;

/** The entry and its static import closure, as paths relative to the cwd. */
export function staticClosure(entry) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const match of code.matchAll(STATIC_IMPORT)) {
      visit(normalize(join(dirname(file), match[1])));
    }
  };
  visit(normalize(entry));
  return [...seen].map((file) => relative('.', file));
}

/** Chunks in dist/cdn/chunks that no entry imports statically: the lazy ones. */
export function lazyChunks(entries) {
  const dir = 'dist/cdn/chunks';
  if (!existsSync(dir)) return [];
  const eager = new Set(entries.flatMap(staticClosure));
  return readdirSync(dir)
    .filter((name) => name.endsWith('.js'))
    .map((name) => join(dir, name))
    .filter((file) => !eager.has(file));
}

/** The element entries of the CDN build: dist/cdn/<tag>.js. */
export function elementEntries() {
  return readdirSync('dist/cdn')
    .filter((name) => /^status-(?!widgets)[\w-]+\.js$/.test(name))
    .map((name) => join('dist/cdn', name));
}
