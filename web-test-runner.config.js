import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium.mjs';
import { cspPage } from './test/browser/csp-page.mjs';

// MODE=prod runs the suite against Lit's production build (no dev-mode checks).
const production = process.env.MODE === 'prod';

export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: { exportConditions: production ? ['production'] : ['development'] },
  middleware: [cspPage],
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2021' })],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS },
    }),
  ],
  // One page at a time: a background test page is "hidden", and the store rightly stops polling there.
  concurrency: 1,
  testFramework: { config: { timeout: 5000 } },
};
