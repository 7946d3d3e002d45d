// The bench's one local origin on 127.0.0.1: the test pages, dist/cdn and the
// vendor's bundle as a CDN serves them, and the feeds (a recorded Statuspage summary
// and history, and whatever a measurement mounts) with ETag / 304, gzip or brotli.
// Both widgets load from the same origin under the same conditions.
import { readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const root = new URL('../../', import.meta.url);
export const read = (path) => readFileSync(new URL(path, root));

export const SUMMARY = read('test/fixtures/statuspage/github-summary-major-2020-04-02.json');
export const INCIDENTS = read('test/fixtures/statuspage/github-incidents-2024-09-17.json');

/** The recorded feed every page reads unless told otherwise. */
export const FEED = '/api/v2/summary.json';
/** Every element, each with its own CDN module. */
export const TAGS = [
  'status-badge',
  'status-banner',
  'status-components',
  'status-incidents',
  'status-uptime',
];
const FOUR = TAGS.slice(0, 4);

/**
 * A response body with its validator; compressed on first use, as a CDN keeps
 * its files (best quality) or a server compresses a live feed (quick setting).
 */
export function prepare(body, type, { live = false } = {}) {
  const raw = Buffer.isBuffer(body) ? body : Buffer.from(body);
  const encoded = {};
  return {
    type,
    raw,
    etag: `"${createHash('sha1').update(raw).digest('base64url')}"`,
    encoded(encoding) {
      encoded[encoding] ??=
        encoding === 'br'
          ? brotliCompressSync(raw, {
              params: { [constants.BROTLI_PARAM_QUALITY]: live ? 5 : 11 },
            })
          : gzipSync(raw, { level: live ? 6 : 9 });
      return encoded[encoding];
    },
  };
}

const probe = `<script>
// When every [data-bench] element shows data: the frame that paints it.
(() => {
  const shown = (el) =>
    el.localName === 'statuspage-widget'
      ? !!el.shadowRoot?.querySelector('.status-container')
      : !!el.shadowRoot &&
        el.hasAttribute('state') &&
        el.getAttribute('state') !== 'loading' &&
        !el.shadowRoot.querySelector('[part~="skeleton"]');
  window.shownAll = () => {
    const els = [...document.querySelectorAll('[data-bench]')];
    return els.length > 0 && els.every(shown);
  };
  window.firstRender = new Promise((resolve) => {
    // performance.now(), not the frame's start time: the data may have come in during
    // the frame, before this callback ran; either way the frame paints it next.
    const check = () =>
      window.shownAll() ? resolve(performance.now()) : requestAnimationFrame(check);
    requestAnimationFrame(check);
  });
})();
</script>`;

const moduleScript = (file) => `<script type="module" src="/cdn/${file}"></script>`;
const elements = (tags, src) =>
  tags.map((tag) => `<${tag} data-bench src="${src}"></${tag}>`).join('\n');

/**
 * Starts the origin. Measurements add feeds with `mount(prefix, answer)`: a request
 * under `prefix` is answered with `answer(rest of the path)` (a `prepare`d body), or 404.
 */
export async function startOrigin({ vendor }) {
  // Read once at start, so a build running meanwhile cannot change what is measured.
  const files = new Map(
    [
      ...readdirSync(new URL('dist/cdn/', root), { recursive: true })
        .filter((name) => name.endsWith('.js'))
        .map((name) => `dist/cdn/${name}`),
      vendor,
    ].map((path) => [path, prepare(read(path), 'text/javascript')]),
  );
  const encodings = new Set();
  /** Counts what the feed paths saw. */
  const seen = { requests: 0, ok: 0, notModified: 0 };
  let feedDelay = 0;
  const mounts = new Map([
    [
      '/api/v2/',
      new Map([
        ['summary.json', prepare(SUMMARY, 'application/json')],
        ['incidents.json', prepare(INCIDENTS, 'application/json')],
      ]),
    ],
  ]);

  /** The test pages; `count` elements (default 1) reading `src` (default the recorded feed). */
  const pages = {
    badge: ({ count, src }) => ({
      script: moduleScript('status-badge.js'),
      body: `<status-badge data-bench src="${src}"></status-badge>\n`.repeat(count),
    }),
    all: ({ src }) => ({ script: moduleScript('status-widgets.js'), body: elements(FOUR, src) }),
    'all-five': ({ src }) => ({
      script: moduleScript('status-widgets.js'),
      body: elements(TAGS, src),
    }),
    'all-classic': ({ src }) => ({
      script: '<script src="/cdn/status-widgets.global.js"></script>',
      body: elements(FOUR, src),
    }),
    // One element from its own module, as a site that shows only it loads it.
    alone: ({ tag, src }) => ({ script: moduleScript(`${tag}.js`), body: elements([tag], src) }),
    // Any elements (comma-separated `tags`) from the all-elements module.
    elements: ({ tags, src }) => ({
      script: moduleScript('status-widgets.js'),
      body: elements(tags.split(','), src),
    }),
    empty: () => ({ script: moduleScript('status-widgets.js'), body: '' }),
    // The vendor widget reads <src>/api/v2/summary.json: its src is the origin.
    vendor: ({ count }) => ({
      script: '<script src="/vendor/index.js"></script>',
      body: `<statuspage-widget data-bench src="${url}/"></statuspage-widget>\n`.repeat(count),
    }),
  };

  function html(options) {
    const { script, body } = pages[options.kind](options);
    // `preload=1`: the line docs/usage.md gives a host page, which the store reuses.
    const preload = options.preload
      ? `<link rel="preload" as="fetch" crossorigin href="${options.src}">\n`
      : '';
    return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>bench</title>
<link rel="icon" href="data:,">
${preload}${probe}
${script}
</head><body>
<h1>Support</h1>
${body}
</body></html>`;
  }

  function send(request, response, item, { cacheControl } = {}) {
    const headers = { 'content-type': item.type, vary: 'accept-encoding', etag: item.etag };
    if (cacheControl) headers['cache-control'] = cacheControl;
    if (request.headers['if-none-match'] === item.etag) {
      response.writeHead(304, headers).end();
      return 304;
    }
    const accepted = request.headers['accept-encoding'] ?? '';
    const encoding = /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : '';
    if (encoding) headers['content-encoding'] = encoding;
    response.writeHead(200, headers).end(encoding ? item.encoded(encoding) : item.raw);
    encodings.add(encoding || 'identity');
    return 200;
  }

  function serveFeed(request, response, item) {
    seen.requests += 1;
    const reply = () => {
      // Revalidate every time, as Statuspage's own feeds ask.
      const status = send(request, response, item, {
        cacheControl: 'public, max-age=0, must-revalidate',
      });
      if (status === 304) seen.notModified += 1;
      else seen.ok += 1;
    };
    if (feedDelay) setTimeout(reply, feedDelay);
    else reply();
  }

  const server = createServer((request, response) => {
    const { pathname: path, searchParams } = new URL(request.url, 'http://localhost');
    if (path === '/page') {
      const options = { src: FEED, ...Object.fromEntries(searchParams) };
      const body = html({ ...options, count: Number(options.count ?? 1) });
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
      return;
    }
    if (/^\/cdn\/[\w/.-]+\.js$/.test(path) && !path.includes('..')) {
      const file = files.get(`dist${path}`);
      if (!file) return response.writeHead(404).end();
      // A versioned CDN URL: cached by the browser between page views.
      return send(request, response, file, { cacheControl: 'public, max-age=604800' });
    }
    if (path === '/vendor/index.js') {
      return send(request, response, files.get(vendor), { cacheControl: 'public, max-age=604800' });
    }
    for (const [prefix, answer] of mounts) {
      if (!path.startsWith(prefix)) continue;
      const rest = path.slice(prefix.length);
      const item = typeof answer === 'function' ? answer(rest) : answer.get(rest);
      if (item) return serveFeed(request, response, item);
    }
    response.writeHead(404).end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}`;

  return {
    url,
    pageUrl: (kind, options = {}) => `${url}/page?${new URLSearchParams({ kind, ...options })}`,
    mount: (prefix, answer) => mounts.set(prefix, answer),
    seen,
    resetSeen: () => Object.assign(seen, { requests: 0, ok: 0, notModified: 0 }),
    /** Every feed reply waits this long (the cached-paint rows). */
    set feedDelay(value) {
      feedDelay = value;
    },
    encodings,
    close: () => server.close(),
  };
}
