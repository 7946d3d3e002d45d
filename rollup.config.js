import { existsSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

const elements = readdirSync('src/components', { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

// The npm build: one ES module per source module, `lit` left to the site's bundler,
// declarations beside them.
const npmBuild = {
  input: {
    index: 'src/index.ts',
    define: 'src/define.ts',
    'adapters/index': 'src/adapters/index.ts',
    ...Object.fromEntries(
      elements.map((tag) => [`components/${tag}/define`, `src/components/${tag}/define.ts`]),
    ),
  },
  external: [/^lit(\/|$)/, /^@lit\//, /^tslib$/],
  output: {
    dir: 'dist',
    format: 'es',
    preserveModules: true,
    preserveModulesRoot: 'src',
    sourcemap: true,
  },
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
  external: [...builtinModules, /^node:/],
  output: {
    dir: 'dist',
    format: 'es',
    preserveModules: true,
    preserveModulesRoot: 'src',
    sourcemap: true,
  },
  plugins: [
    typescript({ tsconfig: './tsconfig.server.json', outDir: 'dist', declarationDir: 'dist' }),
  ],
};

const minify = terser({
  module: true,
  ecma: 2021,
  compress: { passes: 2 },
  format: { comments: false },
});

// The CDN bundle: self-contained, Lit inside, minified, defines every element.
const cdnPlugins = () => [
  nodeResolve({ exportConditions: ['production'] }),
  typescript({
    tsconfig: './tsconfig.json',
    declaration: false,
    sourceMap: false,
    outDir: undefined,
  }),
  // Every byte ships to every visitor: squeeze the CSS and HTML inside templates too.
  minifyHTML(),
  minify,
];

const cdnBuilds = [
  {
    input: 'src/define.ts',
    output: {
      dir: 'dist/cdn',
      format: 'es',
      entryFileNames: 'status-widgets.js',
      // Lazily loaded parts (adapters a page may not use) become small chunks.
      chunkFileNames: 'chunks/[name]-[hash].js',
    },
    plugins: cdnPlugins(),
  },
  {
    input: 'src/define.ts',
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
    output: {
      dir: 'dist/cdn',
      format: 'es',
      entryFileNames: `${tag}.js`,
      chunkFileNames: 'chunks/[name]-[hash].js',
    },
    plugins: cdnPlugins(),
  })),
];

export default [npmBuild, serverBuild, ...cdnBuilds].filter(Boolean);
