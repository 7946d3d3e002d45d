import { expect, fixture as render, html, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import '../../../src/components/status-badge/define.js';
import type { StatusBadge } from '../../../src/components/status-badge/status-badge.js';
import { CACHE_PREFIX, readCache, writeCache } from '../../../src/feed/cache.js';
import { deferred } from '../helpers/feeds.js';
import {
  fakeFeed,
  restoreVisibility,
  setVisibility,
  storeFor,
  stored,
  summaryText,
  until,
  visit,
  type FakeFeed,
} from './support.js';

const MINUTE = 60_000;

/** The entry a page view leaves behind for this feed. */
function entryFor(feed: FakeFeed): string | null {
  return localStorage.getItem(`${CACHE_PREFIX}statuspage ${new URL(feed.url).href}`);
}

function clearOurEntries(): void {
  for (const key of Object.keys(localStorage)) {
    if (key.startsWith(CACHE_PREFIX)) localStorage.removeItem(key);
  }
}

describe('the kept snapshot (localStorage)', () => {
  beforeEach(() => {
    clearOurEntries();
    setVisibility('visible');
  });
  afterEach(() => {
    restoreVisibility();
    sinon.restore();
    clearOurEntries();
  });

  it('keeps the last good snapshot with its time under a namespaced key', async () => {
    const feed = await fakeFeed();
    const store = await visit(feed);
    const entry = JSON.parse(entryFor(feed)!) as { t: number; s: unknown };
    expect(entry.t).to.equal(store.fetchedAt);
    expect(entry.s).to.deep.equal(stored(store.snapshot));
  });

  it('is shown on the next page view before the network answers, then replaced', async () => {
    const feed = await fakeFeed();
    const first = await visit(feed);
    const clock = sinon.useFakeTimers({ now: first.fetchedAt! + 5 * MINUTE, toFake: ['Date'] });
    const reply = deferred<Response>();
    feed.answer = () => reply.promise;

    const store = storeFor(feed, { persist: true });
    const unsubscribe = store.subscribe(() => {});
    expect(store.snapshot).to.deep.equal(stored(first.snapshot));
    expect(store.cached).to.be.true;
    // Five minutes old: shown, and honestly marked as not current.
    expect(store.state).to.equal('stale');
    expect(store.age).to.equal(5 * MINUTE);
    // Older than an interval, so the fresh one is asked for at once (and not yet answered).
    expect(feed.polls()).to.equal(2);

    const kept = store.snapshot;
    reply.resolve(new Response(await summaryText()));
    await until(() => store.state === 'ready', 'the fresh load');
    expect(store.cached).to.be.false;
    expect(store.fetchedAt).to.equal(Date.now());
    // The same content: the element need not redraw.
    expect(store.snapshot).to.equal(kept);
    unsubscribe();
    clock.restore();
  });

  it('counts as fresh, and saves a request, when younger than one interval', async () => {
    const feed = await fakeFeed();
    await visit(feed);
    const store = storeFor(feed, { persist: true });
    const unsubscribe = store.subscribe(() => {});
    expect(store.state).to.equal('ready');
    expect(store.cached).to.be.true;
    expect(feed.polls()).to.equal(1);
    expect(store.nextPollAt).to.be.above(Date.now());
    unsubscribe();
  });

  it('is painted by <status-badge> before the network answers', async () => {
    const feed = await fakeFeed();
    const snapshot = (await visit(feed)).snapshot!;
    writeCache(
      `statuspage ${new URL(feed.url).href}`,
      JSON.stringify(snapshot),
      Date.now() - 10 * MINUTE,
    );
    const pending = sinon.stub(window, 'fetch').returns(new Promise(() => {}));

    const el = await render<StatusBadge>(
      html`<status-badge src=${feed.url} adapter="statuspage" locale="en"></status-badge>`,
    );
    expect(el.getAttribute('indicator')).to.equal('major');
    expect(el.getAttribute('state')).to.equal('stale');
    expect(el.shadowRoot!.querySelector('[part~="timestamp"]')).to.exist;
    await waitUntil(() => pending.called, 'no request for fresh data');
    await expect(el).to.be.accessible();
  });

  it('ignores a kept snapshot older than a day, and an unreadable one', () => {
    writeCache(
      'statuspage https://old.example.test/',
      '{"indicator":"major"}',
      Date.now() - 25 * 60 * MINUTE,
    );
    expect(readCache('statuspage https://old.example.test/')).to.be.undefined;
    localStorage.setItem(`${CACHE_PREFIX}statuspage https://bad.example.test/`, '{"t":1,"s":');
    expect(readCache('statuspage https://bad.example.test/')).to.be.undefined;
    expect(localStorage.getItem(`${CACHE_PREFIX}statuspage https://bad.example.test/`)).to.be.null;
  });

  it('keeps at most 20 feeds, dropping the oldest', async () => {
    const feed = await fakeFeed();
    const json = JSON.stringify((await visit(feed)).snapshot);
    for (let index = 0; index < 25; index++) {
      writeCache(
        `statuspage https://feed-${index}.example.test/`,
        json,
        Date.now() - (25 - index) * 1000,
      );
    }
    const ours = Object.keys(localStorage).filter((key) => key.startsWith(CACHE_PREFIX));
    expect(ours).to.have.length(20);
    expect(readCache('statuspage https://feed-0.example.test/')).to.be.undefined;
    expect(readCache('statuspage https://feed-24.example.test/')).to.exist;
  });

  describe('when storage fails', () => {
    it('survives storage that throws on every call', async () => {
      const denied = new DOMException('The operation is insecure.', 'SecurityError');
      sinon.stub(Storage.prototype, 'getItem').throws(denied);
      sinon.stub(Storage.prototype, 'setItem').throws(denied);
      sinon.stub(Storage.prototype, 'removeItem').throws(denied);
      const feed = await fakeFeed();
      const store = await visit(feed);
      expect(store.state).to.equal('ready');
      expect(store.snapshot!.indicator).to.equal('major');
    });

    it('survives a localStorage that cannot even be reached', async () => {
      sinon.stub(window, 'localStorage').get(() => {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      });
      const feed = await fakeFeed();
      const store = await visit(feed);
      expect(store.state).to.equal('ready');
    });

    it('survives full storage, making room among its own entries', async () => {
      const feed = await fakeFeed();
      writeCache('statuspage https://other.example.test/', '{}', Date.now());
      const setItem = sinon.stub(Storage.prototype, 'setItem');
      setItem.onFirstCall().throws(new DOMException('full', 'QuotaExceededError'));
      setItem.callThrough();
      const store = await visit(feed);
      expect(store.state).to.equal('ready');
      expect(entryFor(feed)).to.be.a('string');
      expect(localStorage.getItem(`${CACHE_PREFIX}statuspage https://other.example.test/`)).to.be
        .null;
    });
  });
});
