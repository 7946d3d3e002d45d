// The embedding page: the CDN bundle loaded by a script tag on a page with a strict
// Content-Security-Policy and Trusted Types enforced. Every element must
// render with no violation, send nothing but plain GETs to the feed URL, write
// only their own localStorage keys, define only their own tags and leave the
// page's styles alone. The page is served with the policy as a real
// Content-Security-Policy response header (test/browser/csp-page.mjs).
import { expect, waitUntil } from '@open-wc/testing';

interface Probe {
  violations: string[];
  errors: string[];
  consoleErrors: string[];
  requests: { url: string; method: string; credentials: string; mode: string; headers: string[] }[];
  defined: string[];
}
type ProbedWindow = Window & { __probe?: Probe; customElements: CustomElementRegistry };

const FEED = new URL('/test/corpus/native/valid-control-feed.json', location.href).href;
const TAGS = [
  'status-badge',
  'status-banner',
  'status-components',
  'status-incidents',
  'status-uptime',
];

const CLASSIC = 'classic';
const MODULE = 'module';

/** Loads the page in an iframe and waits until every element has rendered the feed. */
async function embed(policy: string, bundle: string) {
  const frame = document.createElement('iframe');
  frame.style.width = '800px';
  frame.style.height = '600px';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = `/csp-page?${new URLSearchParams({ policy, bundle, feed: FEED })}`;
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as ProbedWindow;
  const doc = frame.contentDocument!;
  await waitUntil(
    () =>
      TAGS.every((tag) => {
        const el = doc.querySelector(tag) as (HTMLElement & { state?: string }) | null;
        return el?.state === 'ready' && el.shadowRoot && el.shadowRoot.childNodes.length > 0;
      }),
    'every element renders the feed',
    { timeout: 4000 },
  );
  return { frame, win, doc, probe: win.__probe! };
}

const STRICT = `default-src 'none'; script-src 'self'; style-src 'self'; connect-src ${FEED}`;

describe('the embedding page', () => {
  let frame: HTMLIFrameElement | undefined;
  beforeEach(() => localStorage.clear());
  afterEach(() => {
    frame?.remove();
    frame = undefined;
    localStorage.clear();
  });

  const TRUSTED_TYPES = `${STRICT}; require-trusted-types-for 'script'`;
  // A site that allow-lists its policies names Lit's, as docs/security.md says.
  const ALLOW_LISTED = `${TRUSTED_TYPES}; trusted-types lit-html 'allow-duplicates'`;
  for (const [name, policy, bundle] of [
    ['a strict CSP, classic bundle', STRICT, CLASSIC],
    ['a strict CSP with Trusted Types enforced, classic bundle', TRUSTED_TYPES, CLASSIC],
    ['a strict CSP with Trusted Types enforced, module bundle', TRUSTED_TYPES, MODULE],
    ['a Trusted Types allow-list naming lit-html, classic bundle', ALLOW_LISTED, CLASSIC],
    ['a Trusted Types allow-list naming lit-html, module bundle', ALLOW_LISTED, MODULE],
  ]) {
    describe(`under ${name}`, () => {
      it('renders every element from the bundle loaded by a script tag, with no violation', async () => {
        const embedded = await embed(policy!, bundle!);
        frame = embedded.frame;
        const { doc, probe } = embedded;
        expect(probe.violations).to.deep.equal([]);
        expect(probe.errors).to.deep.equal([]);
        const badge = doc.querySelector('status-badge')!;
        expect(badge.getAttribute('indicator')).to.equal('major');
        expect(doc.querySelector('status-incidents')!.shadowRoot!.textContent).to.include(
          'API unavailable',
        );
        // The policy is really in force: an inline script is refused and reported.
        try {
          const inline = doc.createElement('script');
          inline.textContent = 'window.__inlineRan = true';
          doc.head.append(inline);
        } catch {
          // Trusted Types refuses the text assignment itself (and reports it).
        }
        await waitUntil(() => probe.violations.length > 0, 'the violation is reported');
        expect((embedded.win as unknown as { __inlineRan?: boolean }).__inlineRan).to.equal(
          undefined,
        );
      });

      it('sends only plain GETs to the feed, writes only its own keys, defines only its tags, leaves global styles alone', async () => {
        const stylesBefore = document.styleSheets.length;
        const embedded = await embed(policy!, bundle!);
        frame = embedded.frame;
        const { win, doc, probe } = embedded;
        expect(probe.requests.length).to.be.greaterThan(0);
        for (const request of probe.requests) {
          expect(request.url).to.equal(FEED);
          expect(request.method).to.equal('GET');
          expect(request.credentials).to.equal('same-origin');
          expect(request.headers).to.deep.equal([]);
        }
        const resources = win.performance
          .getEntriesByType('resource')
          .map((entry) => new URL(entry.name).pathname);
        for (const path of resources) {
          const allowed =
            path === '/test/corpus/page-probe.js' ||
            path.startsWith('/dist/cdn/') ||
            path === new URL(FEED).pathname;
          expect(allowed, path).to.equal(true);
        }
        // The frame shares this origin's storage.
        const keys = Object.keys(win.localStorage);
        expect(keys.length).to.be.greaterThan(0);
        for (const key of keys) expect(key.startsWith('status-widgets:'), key).to.equal(true);
        expect([...probe.defined].sort()).to.deep.equal([...TAGS].sort());
        // Styles live in the shadow roots only.
        expect(doc.styleSheets.length).to.equal(0);
        expect(doc.adoptedStyleSheets.length).to.equal(0);
        expect(doc.querySelectorAll('style, link[rel~="stylesheet"]').length).to.equal(0);
        expect(doc.documentElement.getAttribute('style')).to.equal(null);
        expect(doc.body.getAttribute('style')).to.equal(null);
        expect(document.styleSheets.length).to.equal(stylesBefore);
        expect(probe.violations).to.deep.equal([]);
      });
    });
  }

  for (const [name, list] of [
    ['another policy only', 'default'],
    ['no policy at all', "'none'"],
  ]) {
    for (const bundle of [CLASSIC, MODULE]) {
      it(`says in the console what to add when the Trusted Types allow-list names ${name} (${bundle} bundle)`, async () => {
        frame = document.createElement('iframe');
        const loaded = new Promise((resolve) => frame!.addEventListener('load', resolve));
        const policy = `${TRUSTED_TYPES}; trusted-types ${list}`;
        frame.src = `/csp-page?${new URLSearchParams({ policy, bundle, feed: FEED })}`;
        document.body.append(frame);
        await loaded;
        const probe = (frame.contentWindow as ProbedWindow).__probe!;
        await waitUntil(() => probe.consoleErrors.length > 0, 'a console error', { timeout: 4000 });
        expect(probe.consoleErrors).to.have.length(1);
        expect(probe.consoleErrors[0]).to.include('trusted-types').and.to.include('lit-html');
      });
    }
  }
});
