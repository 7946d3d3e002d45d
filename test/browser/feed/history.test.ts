// Requests per first view: a Statuspage page's resolved history (incidents.json) is
// read only while something on the page shows it, and then without asking for the
// summary again.
import { expect, html, fixture as render, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import '../../../src/components/status-badge/define.js';
import '../../../src/components/status-banner/define.js';
import '../../../src/components/status-components/define.js';
import '../../../src/components/status-incidents/define.js';
import { getAdapter } from '../../../src/adapters/registry.js';
import { CACHE_PREFIX } from '../../../src/feed/cache.js';
import { FeedStore, getFeed } from '../../../src/feed/store.js';
import {
  fixture,
  GITHUB_2020,
  GITHUB_INCIDENTS_2024,
  settled,
  uniqueFeedUrl,
  type Summary,
} from '../helpers/feeds.js';
import { restoreVisibility, setVisibility } from './support.js';

const SUMMARY = '/api/v2/summary.json';
const HISTORY = '/api/v2/incidents.json';

/** Answers a Statuspage page (`src`, a bare page address) from recordings; returns the paths asked for. */
async function statuspagePage(src: string): Promise<string[]> {
  const summary = JSON.stringify(await fixture<Summary>(GITHUB_2020));
  const history = JSON.stringify(await fixture<Summary>(GITHUB_INCIDENTS_2024));
  const asked: string[] = [];
  sinon.stub(window, 'fetch').callsFake(async (input) => {
    const url = new URL(String(input instanceof Request ? input.url : input));
    expect(url.origin).to.equal(new URL(src).origin);
    asked.push(url.pathname);
    if (url.pathname === SUMMARY) return new Response(summary);
    if (url.pathname === HISTORY) return new Response(history);
    return new Response('Not found', { status: 404 });
  });
  return asked;
}

const resolvedCount = (store: FeedStore) =>
  store.snapshot!.incidents.filter((incident) => incident.status === 'resolved').length;

describe('the resolved history (Statuspage incidents.json)', () => {
  let src: string;
  let asked: string[];
  const leave: Array<() => void> = [];

  beforeEach(async () => {
    setVisibility('visible');
    src = uniqueFeedUrl();
    asked = await statuspagePage(src);
  });

  afterEach(() => {
    leave.splice(0).forEach((unsubscribe) => unsubscribe());
    restoreVisibility();
    sinon.restore();
    for (const key of Object.keys(localStorage)) {
      if (key.startsWith(CACHE_PREFIX)) localStorage.removeItem(key);
    }
  });

  it('is not asked for by a page with a badge, a banner and a component list: one request', async () => {
    const box = await render(html`
      <div>
        <status-badge src=${src}></status-badge>
        <status-banner src=${src}></status-banner>
        <status-components src=${src}></status-components>
      </div>
    `);
    const elements = [...box.children] as Array<HTMLElement & { state: string }>;
    await Promise.all(elements.map((el) => settled(el as never)));
    expect(elements.map((el) => el.state)).to.deep.equal(['ready', 'ready', 'ready']);
    expect(asked).to.deep.equal([SUMMARY]);
  });

  it('comes with the first load when a subscriber that shows it is there from the start', async () => {
    const store = getFeed({ src, history: true });
    leave.push(store.subscribe(() => {}));
    await waitUntil(() => store.state === 'ready', 'the first load', { timeout: 4000 });
    expect(asked).to.have.members([SUMMARY, HISTORY]).and.to.have.length(2);
    expect(resolvedCount(store)).to.equal(2);
  });

  it('is added for a subscriber that shows it, arriving later, without a second summary request', async () => {
    const store = getFeed({ src });
    leave.push(store.subscribe(() => {}));
    await waitUntil(() => store.state === 'ready', 'the first load', { timeout: 4000 });
    const live = store.snapshot;
    expect(resolvedCount(store)).to.equal(0);
    expect(asked).to.deep.equal([SUMMARY]);

    const changes = sinon.spy();
    leave.push(getFeed({ src, history: true }).subscribe(changes));
    expect(store.history).to.be.true;
    await waitUntil(() => store.snapshot !== live, 'the history', { timeout: 4000 });
    expect(resolvedCount(store)).to.equal(2);
    expect(store.snapshot!.incidents.length).to.equal(live!.incidents.length + 2);
    expect(asked).to.deep.equal([SUMMARY, HISTORY]);
    expect(changes.lastCall.args[0].snapshot).to.equal(store.snapshot);
  });

  it('stops being read once the element that shows it leaves, and so does its event stream', async () => {
    const box = await render(html`
      <div>
        <status-badge src=${src}></status-badge>
        <status-incidents src=${src} transport="sse"></status-incidents>
      </div>
    `);
    const [badge, list] = [...box.children] as Array<HTMLElement & { state: string }>;
    await Promise.all([badge, list].map((el) => settled(el as never)));
    const store = getFeed({ src });
    await waitUntil(() => resolvedCount(store) === 2, 'the history', { timeout: 4000 });
    expect(store.history).to.be.true;
    expect(store.transport).to.equal('sse');

    // A single-page app leaves the help page: the badge in its header stays.
    list.remove();
    expect(store.history).to.be.false;
    expect(store.transport).to.equal('poll');
    asked.length = 0;
    await store.refresh();
    expect(asked).to.deep.equal([SUMMARY]);
  });

  it('is read at once on a return visit whose kept snapshot lacks it, and not when it holds it', async () => {
    const url = new URL(src);
    const visit = async (history: boolean) => {
      const store = new FeedStore(url, getAdapter('statuspage'), { shareAcrossTabs: false });
      if (history) store.requestHistory();
      const unsubscribe = store.subscribe(() => {});
      await waitUntil(() => store.state === 'ready' && !store.cached, 'the load', {
        timeout: 4000,
      });
      unsubscribe();
      return store;
    };
    await visit(false);
    expect(asked).to.deep.equal([SUMMARY]);

    // The kept snapshot is fresh, but it has no history, which this page shows.
    const withHistory = await visit(true);
    expect(asked).to.deep.equal([SUMMARY, SUMMARY, HISTORY]);
    expect(resolvedCount(withHistory)).to.equal(2);

    // Kept with its history and fresh: painted as is, no request at all.
    const store = new FeedStore(url, getAdapter('statuspage'), { shareAcrossTabs: false });
    store.requestHistory();
    leave.push(store.subscribe(() => {}));
    expect(store.state).to.equal('ready');
    expect(resolvedCount(store)).to.equal(2);
    expect(asked).to.have.length(3);
  });
});
