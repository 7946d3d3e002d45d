// `npm start`: serves the demo page, the CDN bundle and a Statuspage-format feed
// (a recorded GitHub outage) from one local origin, and prints the URL.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 8787);
const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.css': 'text/css',
};
const ROUTES = {
  '/': 'demo/index.html',
  '/api/v2/summary.json': 'test/fixtures/statuspage/github-summary-major-2020-04-02.json',
};

const server = createServer(async (request, response) => {
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  const file = ROUTES[path] ?? (path.startsWith('/dist/') ? normalize(path.slice(1)) : undefined);
  if (!file || file.includes('..')) {
    response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
    return;
  }
  try {
    const body = await readFile(join(root, file));
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'access-control-allow-origin': '*',
      'cache-control': 'no-cache',
    });
    response.end(body);
  } catch {
    response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
  }
});

server.listen(port, host, () => {
  console.log(`status-widgets demo: http://${host}:${port}/`);
});
