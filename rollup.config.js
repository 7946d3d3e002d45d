import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

// The npm build: one ES module per source module, `lit` left to the site's bundler,
// declarations beside them.
const npmBuild = {
  input: {
    index: 'src/index.ts',
    define: 'src/define.ts',
    'adapters/index': 'src/adapters/index.ts',
    'components/status-badge/define': 'src/components/status-badge/define.ts',
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
    output: { file: 'dist/cdn/status-widgets.js', format: 'es' },
    plugins: cdnPlugins(),
  },
  {
    input: 'src/define.ts',
    output: { file: 'dist/cdn/status-widgets.global.js', format: 'iife', name: 'StatusWidgets' },
    plugins: cdnPlugins(),
  },
  {
    input: 'src/components/status-badge/define.ts',
    output: { file: 'dist/cdn/status-badge.js', format: 'es' },
    plugins: cdnPlugins(),
  },
];

export default [npmBuild, ...cdnBuilds];
