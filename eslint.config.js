import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'storybook-static/',
      'custom-elements.json',
      // Written by the build (scripts/react-wrappers.mjs).
      'src/react/index.ts',
      'coverage/',
      '.cache/',
      'examples/*/dist/',
      'examples/*/out/',
      'examples/*/.next/',
      'examples/*/.angular/',
      'examples/*/next-env.d.ts',
    ],
  },
  // What `npm start` and the demo checks build.
  { ignores: ['.demo*/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'test/browser/**/*.ts', 'stories/**/*.ts'],
    plugins: { lit, wc },
    languageOptions: { globals: globals.browser },
    rules: {
      ...lit.configs.recommended.rules,
      ...wc.configs.recommended.rules,
      ...wc.configs['best-practice'].rules,
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: [
      'src/server/**/*.ts',
      'scripts/**/*.{js,mjs}',
      'test/node/**/*.js',
      '*.{js,mjs}',
      '.ci/**',
    ],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['test/**/*'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
);
