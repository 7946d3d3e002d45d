import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { CACHE_PREFIX, writeCache } from '../../../src/feed/cache.js';
import { getAdapter } from '../../../src/adapters/registry.js';
import { FeedStore, getFeed } from '../../../src/feed/store.js';
import { FeedFormatError, FeedRequestError } from '../../../src/model/errors.js';
import {
  fakeFeed,
  restoreVisibility,
  setVisibility,
  settle,
  storeFor,
  summaryText,
  until,
  visit,
  type FakeFeed,
} from './support.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

describe('FeedStore', () => {
  let clock: sinon.SinonFakeTimers;
  let feed: FakeFeed;
  let store: FeedStore;
  let unsubscribe: () => void;

  beforeEach(async () => {
    feed = await fakeFeed();
    // No jitter unless a test says otherwise: 0.5 is the middle of ±10%.
    sinon.stub(Math, 'random').returns(0.5);
    clock = sinon.useFakeTimers({
      now: Date.parse('2026-01-01T12:00:00Z'),
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
    });
    store = storeFor(feed);
    setVisibility('visible');
  });

  afterEach(() => {
    unsubscribe?.();
    restoreVisibility();
    sinon.restore();
  });

  async function start(interval?: number): Promise<void> {
    unsubscribe = store.subscribe(() => {}, interval);
    await until(() => store.state !== 'loading', 'the first load');
  }

  describe('polling', () => {
    it('loads when the first subscriber comes and polls every interval', async () => {
      await start();
      expect(store.state).to.equal('ready');
      expect(store.snapshot!.indicator).to.equal('major');
      expect(feed.polls()).to.equal(1);
      expect(store.nextPollAt).to.equal(Date.now() + 60 * SECOND);

      await clock.tickAsync(60 * SECOND - 1);
      expect(feed.polls()).to.equal(1);
      await clock.tickAsync(1);
      await until(() => feed.polls() === 2, 'the second poll');
    });

    it('asks politely: a plain GET, revalidated, without headers of its own, cookies only as a preload sends them (none to another origin)', async () => {
      await start();
      const { init } = feed.calls[0];
      expect(init.method).to.equal('GET');
      expect(init.cache).to.equal('no-cache');
      expect(init.credentials).to.equal('same-origin');
      expect(init.headers).to.be.undefined;
      expect(init.signal).to.be.instanceOf(AbortSignal);
    });

    it('never polls more often than every 10 seconds', async () => {
      await start(1);
      expect(store.interval).to.equal(10);
      await clock.tickAsync(10 * SECOND - 1);
      expect(feed.polls()).to.equal(1);
      await clock.tickAsync(1);
      expect(feed.polls()).to.equal(2);
    });

    it('spreads polls by ±10%', async () => {
      (Math.random as sinon.SinonStub).returns(0);
      await start();
      expect(store.nextPollAt! - Date.now()).to.equal(54 * SECOND);
      (Math.random as sinon.SinonStub).returns(1);
      await clock.tickAsync(54 * SECOND);
      await until(() => feed.polls() === 2 && store.nextPollAt !== undefined, 'the second poll');
      expect(store.nextPollAt! - Date.now()).to.equal(66 * SECOND);
    });

    it('waits longer when the feed says Cache-Control: max-age beyond the interval', async () => {
      const body = await summaryText();
      feed.answer = () =>
        new Response(body, { headers: { 'cache-control': 'public, max-age=300' } });
      await start();
      await clock.tickAsync(5 * MINUTE - 1);
      expect(feed.polls()).to.equal(1);
      await clock.tickAsync(1);
      expect(feed.polls()).to.equal(2);
    });

    it('plans no poll while a load is under way, and the next one when it ends', async () => {
      await start();
      expect(store.nextPollAt).to.be.a('number');
      const body = await summaryText();
      let answer!: () => void;
      feed.answer = () => new Promise((resolve) => (answer = () => resolve(new Response(body))));
      const load = store.refresh();
      await until(() => feed.polls() === 2, 'the refresh to ask');
      expect(store.nextPollAt).to.be.undefined;
      answer();
      await load;
      expect(store.nextPollAt).to.equal(Date.now() + 60 * SECOND);
    });

    it('keeps the same snapshot object, and tells no one, when the feed did not change', async () => {
      const listener = sinon.spy();
      unsubscribe = store.subscribe(listener);
      await until(() => store.state === 'ready', 'the first load');
      const first = store.snapshot;
      const calls = listener.callCount;

      await clock.tickAsync(60 * SECOND);
      await settle();
      expect(feed.polls()).to.equal(2);
      expect(store.snapshot).to.equal(first);
      expect(listener.callCount).to.equal(calls);

      const changed = await summaryText((summary) => {
        (summary['status'] as Record<string, string>)['indicator'] = 'critical';
      });
      feed.answer = () => new Response(changed);
      await clock.tickAsync(60 * SECOND);
      await until(() => store.snapshot !== first, 'the changed snapshot');
      expect(store.snapshot!.indicator).to.equal('critical');
      expect(listener.callCount).to.equal(calls + 1);
    });
  });

  describe('a hostile feed', () => {
    it('keeps at most 5,000 components whatever the reader, the rest counted and in the overall state', async () => {
      const components = Array.from({ length: 6000 }, (_, i) => ({
        id: `c${i}`,
        name: `Component ${i}`,
        status: i === 5999 ? 'major_outage' : 'operational',
      }));
      const body = JSON.stringify({
        version: 1,
        page: { name: 'Big' },
        indicator: 'major',
        description: '',
        components,
        incidents: [],
        maintenances: [],
      });
      // Fetched ahead, so that the reader's own import settles within a few turns.
      await import('../../../src/adapters/native.js');
      store = new FeedStore(new URL('https://big.example.test/feed.json'), getAdapter('native'), {
        fetch: async () => new Response(body),
        shareAcrossTabs: false,
        persist: false,
      });
      await start();
      expect(store.snapshot!.components).to.have.length(5000);
      expect(store.snapshot!.componentsLeftOut).to.equal(1000);
      expect(store.snapshot!.indicator).to.equal('major');
    });
  });

  describe('across tabs', () => {
    it('asks for the feed at once, before the cross-tab code has loaded, then leads without asking again', async () => {
      // Fetched ahead, so that the store's own import of it settles within a few turns.
      await import('../../../src/feed/tabs.js');
      // The first answer waits until this tab holds the lock, as on a slow network.
      let answer!: () => void;
      const slow = new Promise<void>((resolve) => (answer = resolve));
      store = storeFor(feed, {
        shareAcrossTabs: true,
        fetch: async (...args) => {
          const response = feed.fetch(...args);
          await slow;
          return response;
        },
      });
      unsubscribe = store.subscribe(() => {});
      // Synchronously: the first request waits for no chunk.
      expect(feed.polls()).to.equal(1);
      const link = () => (store as unknown as { _tab?: { leading: boolean } })._tab;
      await until(() => link()?.leading === true, 'the lock');
      answer();
      await until(() => store.state === 'ready', 'the first load');
      expect(feed.polls()).to.equal(1);
      await clock.tickAsync(60 * SECOND);
      await until(() => feed.polls() === 2, 'the next poll');
    });
  });

  describe('while the page is hidden', () => {
    it('makes no request, and one at once when the page becomes visible', async () => {
      setVisibility('hidden');
      unsubscribe = store.subscribe(() => {});
      await clock.tickAsync(30 * MINUTE);
      await settle();
      expect(feed.polls()).to.equal(0);

      setVisibility('visible');
      await until(() => store.state === 'ready', 'the load on becoming visible');
      expect(feed.polls()).to.equal(1);
    });

    it('stops polling when hidden, and refreshes on return only when the data is older than an interval', async () => {
      await start();
      setVisibility('hidden');
      expect(store.nextPollAt).to.be.undefined;
      await clock.tickAsync(20 * MINUTE);
      expect(feed.polls()).to.equal(1);

      setVisibility('visible');
      await until(() => feed.polls() === 2, 'the refresh on return');
      await until(() => store.nextPollAt !== undefined, 'the next poll to be planned');

      // Back again within an interval: the data is fresh enough, so no request.
      await clock.tickAsync(20 * SECOND);
      setVisibility('hidden');
      setVisibility('visible');
      await settle();
      expect(feed.polls()).to.equal(2);
      expect(store.nextPollAt).to.equal(Date.now() + 40 * SECOND);
    });
  });

  it('refreshes at once when the browser comes back online', async () => {
    await start();
    window.dispatchEvent(new Event('online'));
    await until(() => feed.polls() === 2, 'the refresh when online');
  });

  describe('on failure', () => {
    it('keeps the last good snapshot on an HTTP 500 and says why', async () => {
      await start();
      const good = store.snapshot;
      feed.answer = () => new Response('oops', { status: 500 });
      await store.refresh();
      expect(store.state).to.equal('stale');
      expect(store.snapshot).to.equal(good);
      expect(store.error).to.be.instanceOf(FeedRequestError);
      expect(store.error!.message).to.contain('HTTP 500');
      expect(store.fetchedAt).to.equal(Date.now());
    });

    it('keeps the last good snapshot when the feed does not answer within 10 seconds', async () => {
      await start();
      const good = store.snapshot;
      feed.answer = (_url, init) =>
        new Promise((_resolve, reject) =>
          init.signal!.addEventListener('abort', () => reject(init.signal!.reason)),
        );
      const load = store.refresh();
      await clock.tickAsync(10 * SECOND - 1);
      expect(store.state).to.equal('ready');
      await clock.tickAsync(1);
      await load;
      expect(store.state).to.equal('stale');
      expect(store.snapshot).to.equal(good);
      expect(store.error!.message).to.contain('did not answer within 10 seconds');
    });

    it('keeps the last good snapshot when the body is not the format', async () => {
      await start();
      const good = store.snapshot;
      feed.answer = () => new Response('<!doctype html><title>Maintenance</title>');
      await store.refresh();
      expect(store.state).to.equal('stale');
      expect(store.snapshot).to.equal(good);
      expect(store.error).to.be.instanceOf(FeedFormatError);
      expect(store.error!.message).to.contain('HTML page');
    });

    it('says "error" when it never had a snapshot, with a readable message for a network failure', async () => {
      feed.answer = () => Promise.reject(new TypeError('Failed to fetch'));
      await start();
      expect(store.state).to.equal('error');
      expect(store.snapshot).to.be.undefined;
      expect(store.error!.message).to.contain('could not be reached');
    });

    it('backs off exponentially up to 10 minutes, then returns to the interval after a success', async () => {
      // The top of the full-jitter range, to see the ceiling of each wait.
      (Math.random as sinon.SinonStub).returns(1);
      feed.answer = () => new Response('down', { status: 500 });
      await start();
      const waits: number[] = [];
      for (let retry = 0; retry < 6; retry++) {
        const wait = store.nextPollAt! - Date.now();
        waits.push(wait / SECOND);
        await clock.tickAsync(wait - 1);
        expect(feed.polls()).to.equal(retry + 1);
        await clock.tickAsync(1);
        await until(() => store.nextPollAt !== undefined, 'the retry to be planned');
      }
      expect(waits).to.deep.equal([60, 120, 240, 480, 600, 600]);

      const body = await summaryText();
      feed.answer = () => new Response(body);
      await clock.tickAsync(store.nextPollAt! - Date.now());
      await until(() => store.state === 'ready', 'the recovery');
      expect(store.nextPollAt! - Date.now()).to.equal(66 * SECOND);
    });

    it('draws each wait at random below the ceiling, but never under the 10-second floor', async () => {
      (Math.random as sinon.SinonStub).returns(0.25);
      feed.answer = () => new Response('down', { status: 500 });
      await start(120);
      expect(store.nextPollAt! - Date.now()).to.equal(30 * SECOND);
      (Math.random as sinon.SinonStub).returns(0);
      await clock.tickAsync(30 * SECOND);
      await until(() => feed.polls() === 2 && store.nextPollAt !== undefined, 'the retry');
      expect(store.nextPollAt! - Date.now()).to.equal(10 * SECOND);
    });

    it('honours Retry-After on a 503, even beyond the backoff cap', async () => {
      feed.answer = () => new Response('busy', { status: 503, headers: { 'retry-after': '1200' } });
      await start();
      await clock.tickAsync(20 * MINUTE - 1);
      expect(feed.polls()).to.equal(1);
      await clock.tickAsync(1);
      expect(feed.polls()).to.equal(2);
    });

    it('keeps one error object while the same failure repeats', async () => {
      feed.answer = () => new Response('down', { status: 500 });
      await start();
      const first = store.error;
      await store.refresh();
      expect(store.error).to.equal(first);
    });
  });

  describe('with an event stream (transport "sse")', () => {
    class FakeEventSource {
      static last?: FakeEventSource;
      closed = false;
      onopen?: () => void;
      onmessage?: (event: MessageEvent) => void;
      onerror?: () => void;
      constructor(readonly url: string) {
        FakeEventSource.last = this;
      }
      close() {
        this.closed = true;
      }
    }

    beforeEach(() => {
      FakeEventSource.last = undefined;
      sinon.stub(window, 'EventSource').value(FakeEventSource);
      store.transport = 'sse';
    });

    /**
     * The stream's code loads once a feed has one: wait for the stream to be opened.
     * The module is fetched here too, so the wait counts turns, not how long a busy
     * machine takes to serve a file.
     */
    const opened = async () => {
      await import('../../../src/feed/stream.js');
      await until(() => FakeEventSource.last !== undefined, 'the stream to open');
    };

    it('loads on each event instead of polling, and polls again when the stream breaks', async () => {
      await start();
      await opened();
      const stream = FakeEventSource.last!;
      expect(stream.url).to.equal(new URL('events', feed.url).href);
      stream.onopen!();
      expect(store.nextPollAt).to.be.undefined;
      await clock.tickAsync(30 * MINUTE);
      expect(feed.polls()).to.equal(1);

      // An event without the document: load the feed.
      await clock.tickAsync(1);
      stream.onmessage!(new MessageEvent('message', { data: '' }));
      await until(() => store.fetchedAt === Date.now(), 'the load on an event');
      expect(feed.polls()).to.equal(2);

      // The reference server's announcement of a feed too large to push: load it.
      stream.onmessage!(new MessageEvent('message', { data: '{"changed":true}' }));
      await until(() => feed.polls() === 3, 'the load after an announcement');

      // An event carrying the feed document: read as is, no request.
      const changed = await summaryText((summary) => {
        (summary['status'] as Record<string, string>)['indicator'] = 'critical';
      });
      stream.onmessage!(new MessageEvent('message', { data: changed }));
      await until(() => store.snapshot!.indicator === 'critical', 'the pushed snapshot');
      expect(feed.polls()).to.equal(3);

      // One the adapter cannot read: ask the feed itself.
      stream.onmessage!(new MessageEvent('message', { data: 'ping' }));
      await until(() => feed.polls() === 4, 'the load after an unreadable event');
      await until(() => store.snapshot!.indicator === 'major', 'the fed snapshot');
      expect(store.state).to.equal('ready');

      stream.onerror!();
      expect(stream.closed).to.be.true;
      expect(store.nextPollAt).to.be.a('number');
      await clock.tickAsync(60 * SECOND);
      expect(feed.polls()).to.equal(5);
    });

    it('follows the events link a feed advertises, without transport "sse"', async () => {
      store.transport = 'poll';
      const { snapshot } = await visit(feed);
      const advertised = { ...snapshot!, links: { events: '/live' } };
      writeCache(store.key, JSON.stringify(advertised), Date.now());
      store = storeFor(feed, { persist: true });
      unsubscribe = store.subscribe(() => {});
      await opened();
      expect(FakeEventSource.last!.url).to.equal(new URL('/live', feed.url).href);
      localStorage.removeItem(CACHE_PREFIX + store.key);
    });

    it('closes the stream when the last subscriber leaves', async () => {
      await start();
      await opened();
      unsubscribe();
      expect(FakeEventSource.last!.closed).to.be.true;
    });
  });

  describe('when the last subscriber leaves', () => {
    it('leaves no timer and makes no further request', async () => {
      const second = store.subscribe(() => {});
      await start();
      unsubscribe();
      expect(clock.countTimers()).to.be.above(0);
      second();
      expect(clock.countTimers()).to.equal(0);
      expect(store.nextPollAt).to.be.undefined;
      await clock.tickAsync(60 * MINUTE);
      expect(feed.polls()).to.equal(1);
    });

    it('aborts the request under way', async () => {
      let signal: AbortSignal | undefined;
      feed.answer = (_url, init) => {
        signal = init.signal!;
        return new Promise(() => {});
      };
      unsubscribe = store.subscribe(() => {});
      await until(() => signal !== undefined, 'the request');
      unsubscribe();
      expect(signal!.aborted).to.be.true;
      expect(clock.countTimers()).to.equal(0);
    });
  });
});

describe('getFeed', () => {
  beforeEach(() => setVisibility('visible'));
  afterEach(() => {
    restoreVisibility();
    sinon.restore();
  });

  it('returns one store per adapter and URL', () => {
    const src = 'https://status.one.example.test/';
    const store = getFeed({ src, adapter: 'statuspage' });
    expect(getFeed({ src, adapter: 'statuspage' })).to.equal(store);
    expect(
      getFeed({ src: 'https://status.two.example.test/', adapter: 'statuspage' }),
    ).not.to.equal(store);
  });

  it('polls alone where Web Locks are missing', async () => {
    sinon.stub(navigator, 'locks').get(() => undefined);
    const feed = await fakeFeed();
    sinon.stub(window, 'fetch').callsFake(feed.fetch);
    const store = getFeed({ src: feed.url, adapter: 'statuspage', interval: 30 });
    const unsubscribe = store.subscribe(() => {});
    await until(() => store.state === 'ready', 'the load');
    expect(store.interval).to.equal(30);
    expect(feed.polls()).to.equal(1);
    unsubscribe();
  });
});
