import { chmodSync, existsSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, resolve } from 'node:path';
import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { preloadImports } from './scripts/preload-imports.mjs';

const elements = readdirSync('src/components', { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

// dist/ mirrors src/: one ES module per source module, with its source map.
const moduleOutput = {
  dir: 'dist',
  format: 'es',
  preserveModules: true,
  preserveModulesRoot: 'src',
  sourcemap: true,
};

// The npm build: one ES module per source module, `lit` (and `react`, for the React
// components) left to the site's bundler, declarations beside them.
const npmBuild = {
  input: {
    index: 'src/index.ts',
    define: 'src/define.ts',
    'adapters/index': 'src/adapters/index.ts',
    'react/index': 'src/react/index.ts',
    ...Object.fromEntries(
      elements.map((tag) => [`components/${tag}/define`, `src/components/${tag}/define.ts`]),
    ),
  },
  external: [/^lit(\/|$)/, /^@lit\//, /^tslib$/, /^react(\/|$)/],
  output: moduleOutput,
  plugins: [
    typescript({ tsconfig: './tsconfig.build.json', outDir: 'dist', declarationDir: 'dist' }),
  ],
};

// The reference server (Node only): its own modules under dist/server.
const serverEntries = ['cli', 'index'].filter((name) => existsSync(`src/server/${name}.ts`));
const serverBuild = serverEntries.length && {
  input: Object.fromEntries(
    serverEntries.map((name) => [`server/${name}`, `src/server/${name}.ts`]),
  ),
  external: [...builtinModules, /^node:/, '@xmldom/xmldom', 'badge-maker'],
  output: moduleOutput,
  plugins: [
    {
      // The model modules come from the npm build above: emitting them here too would
      // overwrite dist/model with copies tree-shaken to what the server uses. The
      // import is kept as written, since dist/ mirrors src/.
      name: 'shared-modules-from-npm-build',
      resolveId: (source, importer) =>
        importer &&
        source.startsWith('../') &&
        !resolve(dirname(importer), source).includes('/src/server/')
          ? { id: source, external: 'absolute' }
          : null,
    },
    typescript({ tsconfig: './tsconfig.server.json', outDir: 'dist', declarationDir: 'dist' }),
    {
      // `npx status-widgets-server` in a clone runs dist/server/cli.js itself: it
      // needs its run bit (npm sets it only when it installs the package).
      name: 'server-cli-run-bit',
      writeBundle: () => chmodSync('dist/server/cli.js', 0o755),
    },
  ],
};

const minify = terser({
  module: true,
  ecma: 2021,
  compress: { passes: 2 },
  // Our private members are named `_camelCase` (Lit's own internals are `_$…`, and
  // no public API, attribute, event or feed field starts with `_`), so they get
  // short names. One name cache for every chunk keeps them the same across chunks.
  mangle: { properties: { regex: /^_[a-z]/ } },
  nameCache: {},
  // ASCII only: the classic script is often served without a charset.
  format: { comments: false, ascii_only: true },
});

// The CDN files run in browsers only: the stand-ins that let a server import the
// define modules (src/internal/server-stand-ins*.ts) stay out of them.
const browserOnly = {
  name: 'browser-only',
  load: (id) => (/\/src\/internal\/server-stand-ins(-end)?\.ts$/.test(id) ? '' : null),
};

// Beside each CDN entry, <entry>.chunks.json: what each chunk file of it is (the
// name of its first module, `statuspage`, `read`, …), for people and the tests.
const chunkNames = {
  name: 'chunk-names',
  generateBundle(_options, bundle) {
    const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
    const entry = chunks.find((chunk) => chunk.isEntry);
    if (!entry || chunks.length === 1) return;
    const names = chunks
      .filter((chunk) => !chunk.isEntry)
      .map((chunk) => [chunk.fileName, chunk.name])
      .sort(([, a], [, b]) => a.localeCompare(b));
    this.emitFile({
      type: 'asset',
      fileName: entry.fileName.replace(/\.js$/, '.chunks.json'),
      source: `${JSON.stringify(Object.fromEntries(names), null, 2)}\n`,
    });
  },
};

// The CDN bundle: self-contained, Lit inside, minified, defines every element.
const cdnPlugins = () => [
  browserOnly,
  nodeResolve({ exportConditions: ['production'] }),
  // The library's own sources only: tsconfig.json also covers the stories and
  // Storybook, which import custom-elements.json, written after this build.
  typescript({
    tsconfig: './tsconfig.build.json',
    declaration: false,
    sourceMap: false,
    outDir: undefined,
  }),
  // Every byte ships to every visitor: squeeze the CSS and HTML inside templates too.
  minifyHTML(),
  minify,
  // A reader's helper chunks load with the reader, not one round trip after it.
  preloadImports(),
  chunkNames,
];

// What every page loads just after its entry, in one chunk rather than a file each:
// the model helpers all readers share (with the text-only readers' promise rule),
// and cross-tab sharing (loaded after the first
// request). Only modules that import nothing the entry holds: a rule pulling in one
// of those would split the entry.
const AFTER_ENTRY = /\/src\/(model\/(sanitize|sort|types|incident-url|promise)|feed\/tabs)\.ts$/;
const cdnChunks = {
  // A chunk's name is written in the entry that loads it (twice or more, with the
  // chunks it needs): every character ships to every visitor. Six characters of hash
  // (36 bits) tell a few hundred files apart; <entry>.chunks.json names them.
  chunkFileNames: 'chunks/[hash:6].js',
  manualChunks: (id) => (AFTER_ENTRY.test(id) ? 'shared' : undefined),
};

const cdnBuilds = [
  {
    input: 'src/cdn.ts',
    // The entry itself holds the eager code and exports what the lazy chunks share,
    // instead of being a stub that imports one more chunk: one request, not two.
    preserveEntrySignatures: 'allow-extension',
    output: {
      dir: 'dist/cdn',
      format: 'es',
      entryFileNames: 'status-widgets.js',
      // Lazily loaded parts (adapters a page may not use) become small chunks.
      ...cdnChunks,
    },
    plugins: cdnPlugins(),
  },
  {
    input: 'src/cdn.ts',
    output: {
      file: 'dist/cdn/status-widgets.global.js',
      format: 'iife',
      name: 'StatusWidgets',
      // A classic script cannot load chunks: everything goes inside.
      inlineDynamicImports: true,
    },
    plugins: cdnPlugins(),
  },
  // Each element alone, for pages that use only one (and for the size budgets).
  ...elements.map((tag) => ({
    input: `src/components/${tag}/define.ts`,
    preserveEntrySignatures: 'allow-extension',
    output: {
      dir: 'dist/cdn',
      format: 'es',
      entryFileNames: `${tag}.js`,
      ...cdnChunks,
    },
    plugins: cdnPlugins(),
  })),
];

// A type error stops the build: as a warning it would scroll past unread.
function failOnTypeErrors(level, log, handler) {
  handler(level === 'warn' && log.plugin === 'typescript' ? 'error' : level, log);
}

export default [npmBuild, serverBuild, ...cdnBuilds]
  .filter(Boolean)
  .map((build) => ({ ...build, onLog: failOnTypeErrors }));
