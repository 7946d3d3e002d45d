// A Rollup output plugin for the CDN build: a dynamic import also starts, at the same
// moment, every chunk the imported chunk imports statically, all the way down (less
// what the importing chunk holds already), as bundlers' preload helpers do. Without it
// the browser finds a chunk's own imports only once the chunk has arrived: one more
// round trip on the way to the first paint (the feed's reader, then its helpers).
import { dirname, join, normalize, relative } from 'node:path/posix';

const DYNAMIC_IMPORT = /\bimport\("(\.\.?\/[^"]+)"\)/g;

export function preloadImports() {
  return {
    name: 'preload-imports',
    // After minification: the calls are in their final form, the file names final.
    generateBundle(_options, bundle) {
      const closure = (file, seen = new Set()) => {
        if (seen.has(file)) return seen;
        seen.add(file);
        for (const imported of bundle[file]?.imports ?? []) closure(imported, seen);
        return seen;
      };
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || chunk.dynamicImports.length === 0) continue;
        const from = dirname(chunk.fileName);
        const held = closure(chunk.fileName);
        const specifier = (file) => {
          const path = relative(from, file);
          return path.startsWith('.') ? path : `./${path}`;
        };
        chunk.code = chunk.code.replace(DYNAMIC_IMPORT, (call, path) => {
          const target = normalize(join(from, path));
          if (bundle[target]?.type !== 'chunk') return call;
          const needed = [...closure(target)].filter((file) => !held.has(file));
          if (needed.length < 2) return call;
          // The target first: its value is the import's. Promise.all handles every
          // rejection (a helper that fails to load fails the target too).
          const imports = needed.map((file) => `import("${specifier(file)}")`);
          return `Promise.all([${imports.join()}]).then(m=>m[0])`;
        });
      }
    },
  };
}
