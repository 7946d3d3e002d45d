// Makes sure a Chromium is there for the browser tests. On a fresh Debian machine
// running as root it installs Debian's `chromium`; elsewhere it says what to install.
import { execFileSync } from 'node:child_process';
import { findChromium } from './chromium.mjs';

const found = findChromium();
if (found) process.exit(0);

const isRoot = process.getuid?.() === 0;
let hasApt = false;
try {
  execFileSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' });
  hasApt = true;
} catch {
  hasApt = false;
}

if (!isRoot || !hasApt) {
  console.error(
    'No Chromium found: install one (Debian/Ubuntu: "sudo apt-get install chromium") or set CHROME_PATH to a Chrome or Chromium binary.',
  );
  process.exit(1);
}

console.log('No Chromium found; installing Debian\'s "chromium" package (once)…');
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], {
  stdio: 'inherit',
  env,
});
if (!findChromium()) {
  console.error('Installing "chromium" did not provide a browser; set CHROME_PATH to one.');
  process.exit(1);
}
