import { expect, waitUntil } from '@open-wc/testing';
import { uniqueFeedUrl } from '../helpers/feeds.js';
import type { Tab } from './tab-page.js';

const INTERVAL = 60_000;

interface OpenTab {
  frame: HTMLIFrameElement;
  tab: Tab;
}

/** Opens one more tab of the site (an iframe of the same origin) showing the feed. */
async function openTab(src: string, now: number, history = false): Promise<OpenTab> {
  const frame = document.createElement('iframe');
  frame.src = `/test/browser/feed/tab.html?src=${encodeURIComponent(src)}&now=${now}${history ? '&history' : ''}`;
  document.body.append(frame);
  const started = () => (frame.contentWindow as (Window & { tab?: Tab }) | null)?.tab;
  await waitUntil(started, 'the tab did not start');
  return { frame, tab: started()! };
}

/** Moves both tabs' clocks on together, as time passes for the whole browser. */
async function elapse(tabs: OpenTab[], ms: number): Promise<void> {
  await Promise.all(tabs.map(({ tab }) => tab.clock.tickAsync(ms)));
}

describe('two tabs of one site on one feed', () => {
  const frames: HTMLIFrameElement[] = [];
  afterEach(() => frames.splice(0).forEach((frame) => frame.remove()));

  it('make one request per interval between them, and the other tab takes over when the leader closes', async () => {
    const src = uniqueFeedUrl();
    const now = Date.parse('2026-01-01T12:00:00Z');
    const first = await openTab(src, now);
    frames.push(first.frame);
    await waitUntil(() => first.tab.store.state === 'ready', 'the first tab did not load');
    expect(first.tab.polls()).to.equal(1);

    const second = await openTab(src, now);
    frames.push(second.frame);
    await waitUntil(
      () => second.tab.store.state === 'ready',
      "the second tab did not receive the first one's snapshot",
    );
    expect(second.tab.store.snapshot!.indicator).to.equal('major');
    expect(second.tab.polls()).to.equal(0);

    for (let poll = 2; poll <= 4; poll++) {
      await elapse([first, second], INTERVAL);
      const polledAt = now + (poll - 1) * INTERVAL;
      await waitUntil(
        () => first.tab.store.fetchedAt === polledAt && second.tab.store.fetchedAt === polledAt,
        `poll ${poll} did not reach the second tab`,
      );
      expect(first.tab.polls()).to.equal(poll);
      expect(second.tab.polls()).to.equal(0);
    }

    // The leader closes: the other tab takes the lock and polls within one interval.
    first.frame.remove();
    await waitUntil(() => second.tab.store.nextPollAt !== undefined, 'no tab took over');
    expect(second.tab.store.nextPollAt! - second.tab.clock.now).to.be.at.most(INTERVAL);
    expect(second.tab.polls()).to.equal(0);
    await elapse([second], INTERVAL);
    await waitUntil(() => second.tab.polls() === 1, 'the new leader did not poll');
  });

  it('keep a refresh asked while the tab waits for the lock: it loads once it leads', async () => {
    const src = uniqueFeedUrl();
    const now = Date.parse('2026-01-01T12:00:00Z');
    // Another holder keeps the feed's lock, as a leader closing slowly would.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const name = `status-widgets:v1:statuspage ${new URL(src).href}`;
    await new Promise<void>((granted) => {
      void navigator.locks.request(name, () => (granted(), held));
    });
    const only = await openTab(src, now);
    frames.push(only.frame);
    // It painted from its own first load, then joined the tabs and waits for the lock.
    await waitUntil(
      () => only.tab.store.state === 'ready' && only.tab.store.nextPollAt === undefined,
      'the tab did not wait for the lock',
    );
    expect(only.tab.polls()).to.equal(1);

    // Nobody leads to hear this refresh: the tab must load once the lock is its own.
    await only.tab.store.refresh();
    release();
    await waitUntil(() => only.tab.polls() === 2, 'the refresh asked before the lock was lost');
  });

  it('share the resolved history one tab shows: the leader adds it without asking for the summary again', async () => {
    const src = uniqueFeedUrl();
    const now = Date.parse('2026-01-01T12:00:00Z');
    const first = await openTab(src, now);
    frames.push(first.frame);
    await waitUntil(() => first.tab.store.state === 'ready', 'the first tab did not load');
    expect(first.tab.historyRequests()).to.equal(0);

    const second = await openTab(src, now, true);
    frames.push(second.frame);
    const resolved = (tab: Tab) =>
      tab.store.snapshot?.incidents.filter((incident) => incident.status === 'resolved').length;
    await waitUntil(() => resolved(second.tab) === 2, 'the second tab did not get the history');
    expect(resolved(first.tab)).to.equal(2);
    expect(first.tab.polls()).to.equal(1);
    expect(first.tab.historyRequests()).to.equal(1);
    expect(second.tab.polls() + second.tab.historyRequests()).to.equal(0);
  });

  it('hand the polling to a visible tab when the leader is hidden', async () => {
    const src = uniqueFeedUrl();
    const now = Date.parse('2026-01-01T12:00:00Z');
    const first = await openTab(src, now);
    frames.push(first.frame);
    await waitUntil(() => first.tab.store.state === 'ready', 'the first tab did not load');
    const second = await openTab(src, now);
    frames.push(second.frame);
    await waitUntil(() => second.tab.store.state === 'ready', 'the second tab did not load');

    const hidden = first.frame.contentDocument!;
    Object.defineProperty(hidden, 'visibilityState', { configurable: true, get: () => 'hidden' });
    hidden.dispatchEvent(new Event('visibilitychange'));
    await waitUntil(
      () => second.tab.store.nextPollAt !== undefined,
      'the visible tab did not take over',
    );
    expect(first.tab.store.nextPollAt).to.be.undefined;

    await elapse([first, second], INTERVAL);
    await waitUntil(() => second.tab.polls() === 1, 'the visible tab did not poll');
    expect(first.tab.polls()).to.equal(1);
  });
});
