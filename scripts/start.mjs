// `npm start` (after `npm run build`): the reference feed server playing the demo
// scenario, with the demo page at / and the built package at /dist/, all from one
// origin. HOST and PORT override 127.0.0.1:8787; extra arguments go to the server.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const host = process.env.HOST ?? '127.0.0.1';
const port = process.env.PORT ?? '8787';

const server = spawn(
  process.execPath,
  [
    'dist/server/cli.js',
    '--host',
    host,
    '--port',
    port,
    '--scenario',
    'demo',
    '--static',
    'demo',
    '--static',
    '/dist=dist',
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
);

server.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  const url = /listening on (\S+)/.exec(String(chunk))?.[1];
  if (url) console.log(`\nDemo page: ${url}  (a scripted incident plays on a loop; Ctrl+C stops)`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
