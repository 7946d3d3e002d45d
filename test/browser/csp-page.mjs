// Serves the embedding test page with its Content-Security-Policy as a real
// response header (test-runner middleware; used by test/browser/csp.test.ts).
const TAGS = [
  'status-badge',
  'status-banner',
  'status-components',
  'status-incidents',
  'status-uptime',
];
const BUNDLES = {
  classic: '<script src="/dist/cdn/status-widgets.global.js"></script>',
  module: '<script type="module" src="/dist/cdn/status-widgets.js"></script>',
};

const escape = (text) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** GET /csp-page?policy=…&bundle=classic|module&feed=… */
export async function cspPage(context, next) {
  if (context.path !== '/csp-page') return next();
  const { policy = '', bundle = 'classic', feed = '' } = context.query;
  const elements = TAGS.map(
    (tag) => `<${tag} src="${escape(feed)}" adapter="native"></${tag}>`,
  ).join('\n    ');
  context.set('Content-Security-Policy', policy);
  context.type = 'html';
  context.body = `<!doctype html>
<html lang="en">
  <head>
    <script src="/test/corpus/page-probe.js"></script>
    ${BUNDLES[bundle] ?? BUNDLES.classic}
  </head>
  <body>
    <h1>Support</h1>
    ${elements}
  </body>
</html>`;
}
