// The reference server (dist/server) as a feed for the bench, on a free port.
import { existsSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { root } from './origin.mjs';

/**
 * Starts the reference server playing its demo page without moving on (one step a
 * day); resolves to { origin, stop }, or undefined when it does not start.
 */
export async function startReferenceServer() {
  const cli = new URL('dist/server/cli.js', root);
  if (!existsSync(cli)) return undefined;
  const child = spawn(
    process.execPath,
    [
      cli.pathname,
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--scenario',
      'demo',
      '--step-seconds',
      '86400',
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const origin = await new Promise((resolve) => {
    let output = '';
    const timer = setTimeout(() => resolve(undefined), 10_000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /listening on (http:\/\/[^/\s]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', () => resolve(undefined));
  });
  if (!origin) child.kill();
  return origin && { origin, stop: () => child.kill() };
}
