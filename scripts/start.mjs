// `npm start`: the demo support site with live widgets, one origin, a few seconds
// after a fresh install. It builds only what the demo serves, into .demo/ (never
// dist/, which `npm test` rebuilds): the widgets' CDN bundle and the reference
// server, with esbuild, in well under a second and without type checking (`npm test`
// and `npm run build` do that). Then it runs two reference servers, each playing the
// demo story in one language, behind one address:
//   /zh-CN/…  the Chinese page's feeds (/zh-CN/feed.json, /zh-CN/events, …)
//   /…        the English feeds, the demo pages (demo/) and the bundle at /dist/cdn/
// HOST and PORT override 127.0.0.1:8787; STEP_SECONDS the length of a story step.
// The front is a proxy: the servers behind it see one client, itself, so their
// per-client stream cap is off and the front applies it to each real visitor.
import { createServer, request as forward } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Seconds each step of the story stays on screen: nine steps make a 3-minute loop. */
export const STEP_SECONDS = 20;

/** The prefix under which the Chinese page's feeds are served. */
export const CHINESE_PREFIX = '/zh-CN';

/** Event streams one visitor may hold open through the front: the server's own default. */
export const STREAMS_PER_VISITOR = 16;

/** Builds the demo's bundle (`<out>/dist/cdn/`) and server (`<out>/server/index.js`). */
export async function buildDemo(out = join(root, '.demo')) {
  const common = {
    absWorkingDir: root,
    bundle: true,
    format: 'esm',
    outdir: out,
    sourcemap: true,
    logLevel: 'warning',
    // package.json's "sideEffects" names the built define modules; here the sources
    // are bundled, and src/define.ts is nothing but side effects.
    ignoreAnnotations: true,
  };
  await Promise.all([
    esbuild.build({
      ...common,
      entryPoints: { 'dist/cdn/status-widgets': 'src/define.ts' },
      // Lazily loaded readers and languages stay separate chunks, as in the CDN build.
      splitting: true,
      chunkNames: 'dist/cdn/chunks/[name]-[hash]',
      target: 'es2021',
      // Lit's production build: no dev-mode warnings in the demo's console.
      conditions: ['production'],
      tsconfig: join(root, 'tsconfig.json'),
    }),
    esbuild.build({
      ...common,
      // The scenario's own module too, for the steps of the story.
      entryPoints: {
        'server/index': 'src/server/index.ts',
        'server/scenario': 'src/server/scenario.ts',
        // How the server tells clients apart, for the front's own per-visitor cap.
        'server/client': 'src/server/client.ts',
      },
      platform: 'node',
      target: 'node20',
      packages: 'external',
      tsconfig: join(root, 'tsconfig.server.json'),
    }),
  ]);
  return out;
}

/**
 * Starts the demo: the English and the Chinese reference servers on loopback ports of
 * their own, and a front server on `port` that hands each request to one of them.
 * Resolves with `{ url, close }`.
 */
export async function startDemo({
  host = '127.0.0.1',
  port = 8787,
  stepSeconds = STEP_SECONDS,
  out,
} = {}) {
  const dir = await buildDemo(out);
  // The server file is rebuilt on every start; a query keeps Node from reusing an
  // import of an earlier build in the same process (tests start the demo twice).
  const load = (name) => import(`${pathToFileURL(join(dir, name)).href}?${Date.now()}`);
  const { createStatusServer } = await load('server/index.js');
  const { DEMO_STEPS } = await load('server/scenario.js');
  const { clientKey } = await load('server/client.js');
  // Behind the front every visitor has the front's address: the cap is the front's.
  const english = await createStatusServer({
    scenario: 'demo',
    stepSeconds,
    static: [join(root, 'demo'), { prefix: '/dist/cdn/', dir: join(dir, 'dist/cdn') }],
    maxStreamsPerClient: 0,
  });
  // One language per feed: the Chinese page reads a feed of its own, written from the
  // zh-CN templates, whose event stream is under the same prefix.
  const chinese = await createStatusServer({
    scenario: 'demo-zh-CN',
    stepSeconds,
    eventsUrl: `${CHINESE_PREFIX}/events`,
    maxStreamsPerClient: 0,
  });
  const backends = await Promise.all([
    english.listen(0, '127.0.0.1'),
    chinese.listen(0, '127.0.0.1'),
  ]);
  const [englishUrl, chineseUrl] = backends.map((url) => new URL(url));

  // Event streams open through the front, per visitor (the server's client key).
  const streams = new Map();
  const front = createServer((incoming, outgoing) => {
    const path = incoming.url ?? '/';
    const toChinese = path === CHINESE_PREFIX || path.startsWith(`${CHINESE_PREFIX}/`);
    const target = toChinese ? chineseUrl : englishUrl;
    const pathname = new URL(path, 'http://front').pathname;
    if (pathname === '/events' || pathname === `${CHINESE_PREFIX}/events`) {
      const visitor = clientKey(incoming);
      const open = streams.get(visitor) ?? 0;
      if (open >= STREAMS_PER_VISITOR) {
        incoming.resume();
        const message = `Your address already holds ${STREAMS_PER_VISITOR} event streams, the most one client may; poll /feed.json instead.`;
        outgoing
          .writeHead(429, {
            'content-type': 'application/json; charset=utf-8',
            'retry-after': '60',
            'access-control-allow-origin': '*',
            connection: 'close',
          })
          .end(
            `${JSON.stringify({ error: { status: 429, code: 'too_many_streams', message } })}\n`,
          );
        return;
      }
      streams.set(visitor, open + 1);
      outgoing.once('close', () => {
        const left = (streams.get(visitor) ?? 1) - 1;
        if (left > 0) streams.set(visitor, left);
        else streams.delete(visitor);
      });
    }
    const proxied = forward(
      {
        host: target.hostname,
        port: target.port,
        method: incoming.method,
        path: toChinese ? path.slice(CHINESE_PREFIX.length) || '/' : path,
        headers: incoming.headers,
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    proxied.on('error', () => {
      if (!outgoing.headersSent) outgoing.writeHead(502).end();
      else outgoing.destroy();
    });
    // An event stream the page closes closes the stream behind it too.
    outgoing.on('close', () => proxied.destroy());
    incoming.pipe(proxied);
  });
  try {
    await new Promise((resolve, reject) => {
      front.once('error', reject);
      front.listen(port, host, resolve);
    });
  } catch (error) {
    await Promise.all([english.close(), chinese.close()]);
    throw new Error(
      `cannot listen on ${host}:${port} (${error.code ?? error.message}). Set PORT to a free port, e.g. PORT=8788 npm start.`,
    );
  }
  const address = front.address();
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shown}:${address.port}/`,
    /** The steps of the story, in order, e.g. `calm`, `maintenance`, `investigating`. */
    steps: DEMO_STEPS.map((step) => step.name),
    async close() {
      front.closeAllConnections();
      await Promise.all([
        new Promise((resolve) => front.close(resolve)),
        english.close(),
        chinese.close(),
      ]);
    },
  };
}

const invokedDirectly = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
/** A number from the environment (or `fallback`); anything `valid` rejects stops with a message. */
function fromEnvironment(name, fallback, valid, expected) {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!valid(number)) {
    console.error(`npm start: ${name} must be ${expected}, not "${value}".`);
    process.exit(1);
  }
  return number;
}

if (invokedDirectly) {
  const port = fromEnvironment(
    'PORT',
    8787,
    (n) => Number.isInteger(n) && n >= 0 && n < 65536,
    'a port number (0 picks a free one)',
  );
  const stepSeconds = fromEnvironment(
    'STEP_SECONDS',
    STEP_SECONDS,
    (n) => Number.isFinite(n) && n > 0,
    'a number of seconds above 0',
  );
  let demo;
  try {
    demo = await startDemo({ host: process.env.HOST || undefined, port, stepSeconds });
  } catch (error) {
    console.error(`npm start: ${error.message}`);
    process.exit(1);
  }
  const loop = Math.round((stepSeconds * demo.steps.length) / 6) / 10;
  console.log(
    [
      `status-widgets demo listening on ${demo.url}`,
      `  English page ${demo.url}  ·  Chinese page ${demo.url}zh-CN.html`,
      `  One incident is told from start to finish, ${stepSeconds} s a step (a ${loop}-minute loop). Ctrl+C stops.`,
    ].join('\n'),
  );
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => demo.close().then(() => process.exit(0)));
  }
}
