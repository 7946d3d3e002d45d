// The vendor's web component, <statuspage-widget> from @statuspage/status-widget,
// which the bench compares against. It is not a dependency of this package (its own
// dependencies pin peers that conflict with every install): the first run fetches
// its published tarball, checks it against the integrity recorded here, and keeps
// its dist/index.js in .cache/vendor/.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { root } from './origin.mjs';

const VENDOR_PACKAGE = '@statuspage/status-widget@1.0.5';
const VENDOR_INTEGRITY =
  'sha512-4gzP+n17XfkocRPz+Q7TrWsPRCjR8xxnez5EyAGkUhN1FTqqnT3i3Y4SNeVlh+LUGUpMlyN+9wWf1jWZjjL4eQ==';
const VENDOR_DIR = '.cache/vendor/status-widget-1.0.5/';
/** The vendor's bundle, relative to the repository. */
export const VENDOR = `${VENDOR_DIR}package/dist/index.js`;

/** Fetches the vendor's published tarball once and unpacks its bundle into .cache/. */
export function fetchVendorWidget() {
  if (existsSync(new URL(VENDOR, root))) return;
  const dir = new URL(VENDOR_DIR, root);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  console.error(`bench: fetching ${VENDOR_PACKAGE} (once) into ${VENDOR_DIR}`);
  // Run through the npm that runs this script when there is one (`npm run bench`).
  const [command, ...npmArgs] = process.env.npm_execpath
    ? [process.execPath, process.env.npm_execpath]
    : ['npm'];
  let packed;
  try {
    const output = execFileSync(
      command,
      [...npmArgs, 'pack', VENDOR_PACKAGE, '--json', '--loglevel=error', '--pack-destination', '.'],
      { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    );
    [packed] = JSON.parse(output);
  } catch (error) {
    console.error(
      `bench: could not fetch ${VENDOR_PACKAGE} from the npm registry (${error.message.split('\n')[0]}). ` +
        'The comparison needs it once; check the network or the registry in .npmrc, then run again.',
    );
    process.exit(1);
  }
  if (packed.integrity !== VENDOR_INTEGRITY) {
    console.error(
      `bench: ${VENDOR_PACKAGE} from the registry has integrity ${packed.integrity}, not the ` +
        `recorded ${VENDOR_INTEGRITY}; the figures would not compare with docs/performance.md. ` +
        'Nothing was unpacked.',
    );
    rmSync(dir, { recursive: true, force: true });
    process.exit(1);
  }
  execFileSync('tar', ['-xzf', packed.filename, 'package/dist/index.js'], { cwd: dir });
  rmSync(new URL(packed.filename, dir));
}
