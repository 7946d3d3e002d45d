import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium.mjs';
import { cspPage } from './test/browser/csp-page.mjs';
import { historyServer } from './test/browser/history-server.mjs';
import { relayServers } from './test/browser/relay-servers.mjs';
import { zoneServer } from './test/browser/zone-server.mjs';

// MODE=prod runs the suite against Lit's production build (no dev-mode checks).
const production = process.env.MODE === 'prod';

// The suite runs Lit's development build on purpose (its checks fail tests, see
// test/browser/helpers/lit-warnings.ts), and Lit says so on every test page: that one
// known notice is dropped; every other browser log is shown.
const isLitDevModeNotice = (args) =>
  typeof args[0] === 'string' && args[0].startsWith('Lit is in dev mode.');

export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: { exportConditions: production ? ['production'] : ['development'] },
  middleware: [cspPage],
  filterBrowserLogs: ({ args }) => !isLitDevModeNotice(args),
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2021' }),
    relayServers(),
    historyServer(),
    zoneServer(),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS },
    }),
  ],
  // One page at a time: a background test page is "hidden", and the store rightly stops polling there.
  concurrency: 1,
  testFramework: { config: { timeout: 5000 } },
};
