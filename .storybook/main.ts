import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  // The mock service worker (mockServiceWorker.js, from `npx msw init`) is served from the root.
  staticDirs: ['./public'],
  core: { disableTelemetry: true },
  // Serve Lit unbundled: the elements, the stories and Storybook's renderer then share
  // one copy of it in the dev server (pre-bundling splits it in two, which makes Lit warn
  // "Multiple versions of Lit loaded").
  viteFinal: (vite) => ({
    ...vite,
    optimizeDeps: {
      ...vite.optimizeDeps,
      exclude: [
        ...(vite.optimizeDeps?.exclude ?? []),
        'lit',
        'lit-html',
        'lit-element',
        '@lit/reactive-element',
      ],
    },
  }),
};

export default config;
