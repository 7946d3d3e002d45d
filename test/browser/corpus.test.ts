// The hostile corpus in a real browser. The Atom/RSS cases go through the feed
// adapter (it needs DOMParser). Every case is then served as a feed to all four
// elements on one page: nothing the feed sends may run (the payloads set
// window.__corpusScriptRan, and CSP violations, errors and rejections are
// recorded), no shadow root may hold a link that is not http(s) or an element the
// feed made, and each element shows either the snapshot or the error. A feed
// that turns bad after a good answer leaves the good data on screen.
import { expect, fixture as render, html, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/components/status-badge/define.js';
import '../../src/components/status-banner/define.js';
import '../../src/components/status-components/define.js';
import '../../src/components/status-incidents/define.js';
import { getAdapter } from '../../src/adapters/index.js';
import { getFeed } from '../../src/feed/store.js';
import type { StatusElement } from '../../src/internal/status-element.js';
import {
  ENDPOINTS,
  caseName,
  fileFor,
  modelProblems,
  outcomeProblems,
  type CorpusCase,
} from '../corpus/corpus.js';

declare global {
  interface Window {
    __corpusScriptRan?: boolean;
  }
}

const realFetch = window.fetch.bind(window);
// The runner may open this file in a background tab; the store polls only when visible.
Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });

// Mocha needs the list of tests at once: read the index synchronously.
function readSync(path: string): string {
  const request = new XMLHttpRequest();
  request.open('GET', path, false);
  request.send();
  return request.responseText;
}
const cases = JSON.parse(readSync('/test/corpus/cases.json')) as CorpusCase[];
const files = new Map<string, string>();
async function file(path: string): Promise<string> {
  if (!files.has(path)) files.set(path, await (await realFetch(`/test/${path}`)).text());
  return files.get(path)!;
}

let hosts = 0;
function freshSrc(testCase: CorpusCase): string {
  hosts += 1;
  return new URL(ENDPOINTS[testCase.adapter]!.src, `https://corpus-${hosts}.example.test`).href;
}

/** A fetch answering each request from the case's files (404 for anything else). */
function caseFetch(testCase: CorpusCase) {
  return async (input: RequestInfo | URL): Promise<Response> => {
    const url = new URL(
      typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
    );
    const path = fileFor(testCase, url.pathname);
    if (!path) return new Response('Not found', { status: 404 });
    return new Response(await file(path), { status: 200 });
  };
}

// What a hostile payload could do, recorded for the whole file.
const incidents: string[] = [];
document.addEventListener('securitypolicyviolation', (event) =>
  incidents.push(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`),
);
window.addEventListener('error', (event) => incidents.push(`error: ${event.message}`));
window.addEventListener('unhandledrejection', (event) =>
  incidents.push(`unhandled rejection: ${String(event.reason)}`),
);

const TAGS = ['status-badge', 'status-banner', 'status-components', 'status-incidents'];
const FOREIGN = new Set([
  'SCRIPT',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'IMG',
  'LINK',
  'META',
  'BASE',
  'FORM',
]);

/** Every element inside `root`'s shadow tree, nested shadow trees included. */
function shadowElements(root: Element): Element[] {
  const found: Element[] = [];
  const walk = (node: ParentNode) => {
    for (const element of node.querySelectorAll('*')) {
      found.push(element);
      if (element.shadowRoot) walk(element.shadowRoot);
    }
  };
  if (root.shadowRoot) walk(root.shadowRoot);
  return found;
}

/** What is wrong in an element's rendering: foreign elements, handlers, non-http(s) links. */
function domProblems(el: Element): string[] {
  const problems: string[] = [];
  for (const element of shadowElements(el)) {
    if (FOREIGN.has(element.tagName)) problems.push(`<${element.localName}> in ${el.localName}`);
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith('on'))
        problems.push(`${name}= on <${element.localName}> in ${el.localName}`);
      if (['href', 'src', 'xlink:href', 'action', 'formaction'].includes(name)) {
        const protocol = new URL(attribute.value, location.href).protocol;
        if (protocol !== 'http:' && protocol !== 'https:')
          problems.push(`${name}="${attribute.value}" in ${el.localName}`);
      }
      if (name === 'style' && /url\(|expression|javascript/i.test(attribute.value))
        problems.push(`style="${attribute.value}" in ${el.localName}`);
    }
  }
  return problems;
}

async function renderAll(src: string, adapter: string): Promise<StatusElement[]> {
  const wrapper = await render(
    html`<div>
      <status-badge src=${src} adapter=${adapter} locale="en"></status-badge>
      <status-banner src=${src} adapter=${adapter} locale="en"></status-banner>
      <status-components src=${src} adapter=${adapter} locale="en"></status-components>
      <status-incidents src=${src} adapter=${adapter} locale="en"></status-incidents>
    </div>`,
  );
  const elements = TAGS.map((tag) => wrapper.querySelector<StatusElement>(tag)!);
  await waitUntil(() => elements.every((el) => el.state !== 'loading'), 'every element settles', {
    timeout: 4000,
  });
  await Promise.all(elements.map((el) => el.updateComplete));
  return elements;
}

describe('the hostile corpus in the browser', () => {
  beforeEach(() => {
    localStorage.clear();
    incidents.length = 0;
    delete window.__corpusScriptRan;
  });
  afterEach(() => sinon.restore());

  it('has Atom/RSS cases and cases for every adapter', () => {
    expect(cases.filter((c) => c.adapter === 'feed').length).to.be.greaterThan(10);
    expect(new Set(cases.map((c) => c.adapter)).size).to.equal(Object.keys(ENDPOINTS).length);
  });

  it('holds payloads that do run when a page treats them as markup', async () => {
    // So that their silence inside the elements means something.
    const text = await file('corpus/statuspage/hostile-markup-in-text.json');
    const body = JSON.parse(text).incidents[0].incident_updates[0].body as string;
    const sink = document.createElement('div');
    document.body.append(sink);
    sink.innerHTML = body;
    await waitUntil(() => window.__corpusScriptRan === true, 'the payload runs', { timeout: 2000 });
    sink.remove();
    delete window.__corpusScriptRan;
  });

  describe('Atom/RSS cases through the feed adapter (DOMParser)', () => {
    for (const testCase of cases.filter((c) => c.adapter === 'feed')) {
      it(caseName(testCase), async () => {
        const feed = getAdapter('feed');
        let outcome: { snapshot?: Awaited<ReturnType<typeof feed.load>>; error?: Error };
        try {
          outcome = { snapshot: await feed.load(new URL(freshSrc(testCase)), caseFetch(testCase)) };
        } catch (error) {
          outcome = { error: error as Error };
        }
        expect(outcomeProblems(testCase, outcome)).to.deep.equal([]);
        expect(window.__corpusScriptRan).to.equal(undefined);
      });
    }
  });

  describe('generated hostile Atom/RSS bodies', () => {
    const MB = 1024 * 1024;
    const bodies: Record<string, string> = {
      '1 MB of unclosed doctypes': '<!DOCTYPE'.repeat(MB / 9),
      '1 MB of unclosed tags in a title': `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title><![CDATA[${'<'.repeat(MB)}]]></title></feed>`,
      '1 MB of unclosed script tags in content': `<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>t</title><guid>g</guid><pubDate>Tue, 17 Sep 2024 11:00:00 GMT</pubDate><description><![CDATA[${'<script>'.repeat(MB / 8)}]]></description></item></channel></rss>`,
    };
    for (const [what, body] of Object.entries(bodies)) {
      it(`${what}: a snapshot or a FeedFormatError, at once`, async () => {
        let outcome: { snapshot?: unknown; error?: Error };
        try {
          outcome = {
            snapshot: await getAdapter('feed').load(
              new URL('https://big.example.test/history.atom'),
              async () => new Response(body),
            ),
          };
        } catch (error) {
          outcome = { error: error as Error };
        }
        if (outcome.error) expect(outcome.error.name).to.equal('FeedFormatError');
        else expect(modelProblems(outcome.snapshot)).to.deep.equal([]);
      });
    }
  });

  describe('every case rendered in all four elements', () => {
    for (const testCase of cases) {
      it(caseName(testCase), async () => {
        sinon.stub(window, 'fetch').callsFake(caseFetch(testCase));
        const elements = await renderAll(freshSrc(testCase), testCase.adapter);
        const expected = testCase.expect === 'format-error' ? 'error' : 'ready';
        for (const el of elements) {
          expect(el.state, el.localName).to.equal(expected);
          expect(domProblems(el)).to.deep.equal([]);
        }
        if (expected === 'error') {
          // The error is shown (as the element's error rendering), never a status.
          const badge = elements[0]!;
          expect(badge.getAttribute('indicator') ?? 'unknown').to.not.equal('operational');
        }
        // Give any injected handler a chance to run before checking.
        await new Promise((resolve) => setTimeout(resolve));
        expect(window.__corpusScriptRan).to.equal(undefined);
        expect(incidents).to.deep.equal([]);
      });
    }
  });

  describe('a feed that turns hostile after a good answer', () => {
    const good: CorpusCase = {
      adapter: 'native',
      files: { feed: 'fixtures/native/documented-feed.json' },
      expect: 'snapshot',
    };
    for (const testCase of cases.filter(
      (c) => c.adapter === 'native' && c.expect === 'format-error',
    )) {
      it(`keeps the last good data: ${caseName(testCase)}`, async () => {
        const fetch = sinon.stub(window, 'fetch').callsFake(caseFetch(good));
        const src = freshSrc(good);
        const elements = await renderAll(src, 'native');
        const badge = elements[0]!;
        expect(badge.state).to.equal('ready');
        const indicator = badge.getAttribute('indicator');
        expect(indicator).to.equal('major');
        const before = elements.map((el) => el.shadowRoot!.textContent);

        fetch.callsFake(caseFetch(testCase));
        await getFeed({ src, adapter: 'native' }).refresh();
        await waitUntil(() => elements.every((el) => el.state === 'stale'), 'stale', {
          timeout: 4000,
        });
        await Promise.all(elements.map((el) => el.updateComplete));
        expect(badge.getAttribute('indicator')).to.equal(indicator);
        elements.forEach((el, index) => {
          // The good data is still there (the stale notice may be added to it).
          const names = ['API unavailable', 'Database upgrade', 'Website'];
          if (el.localName !== 'status-badge')
            expect(names.some((name) => el.shadowRoot!.textContent!.includes(name))).to.equal(
              names.some((name) => before[index]!.includes(name)),
            );
          expect(domProblems(el)).to.deep.equal([]);
        });
        expect(incidents).to.deep.equal([]);
      });
    }
  });
});
