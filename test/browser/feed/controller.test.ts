import { expect, fixture as render, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import '../helpers/lit-warnings.js';
import '../../../src/components/status-badge/define.js';
import type { StatusBadge } from '../../../src/components/status-badge/status-badge.js';
import { CACHE_PREFIX } from '../../../src/feed/cache.js';
import { getFeed } from '../../../src/feed/store.js';
import {
  fakeFeed,
  restoreVisibility,
  setVisibility,
  summaryText,
  visit,
  type FakeFeed,
} from './support.js';

/** Counts the status events that reach the document (they bubble and are composed). */
function recordEvents() {
  const seen = { change: 0, error: 0 };
  const count = (event: Event) => {
    if (event.type === 'status-change') seen.change += 1;
    else seen.error += 1;
  };
  document.addEventListener('status-change', count);
  document.addEventListener('status-error', count);
  stopRecording = () => {
    document.removeEventListener('status-change', count);
    document.removeEventListener('status-error', count);
  };
  return seen;
}
let stopRecording = () => {};

async function badges(feed: FakeFeed, count: number): Promise<StatusBadge[]> {
  const wrapper = await render<HTMLElement>(
    html`<div>
      ${Array.from(
        { length: count },
        () => html`<status-badge src=${feed.url} adapter="statuspage" locale="en"></status-badge>`,
      )}
    </div>`,
  );
  return [...wrapper.querySelectorAll('status-badge')];
}

describe('FeedController with <status-badge>', () => {
  let feed: FakeFeed;

  beforeEach(async () => {
    feed = await fakeFeed();
    sinon.stub(window, 'fetch').callsFake(feed.fetch);
    setVisibility('visible');
  });

  afterEach(() => {
    fixtureCleanup();
    stopRecording();
    restoreVisibility();
    sinon.restore();
  });

  it('makes one request for three elements on one feed, and each element says so once', async () => {
    const seen = recordEvents();
    const elements = await badges(feed, 3);
    await waitUntil(() => elements.every((el) => el.state === 'ready'), 'the badges did not load');
    expect(feed.polls()).to.equal(1);
    expect(seen).to.deep.equal({ change: 3, error: 0 });
    expect(elements.map((el) => el.getAttribute('indicator'))).to.deep.equal([
      'major',
      'major',
      'major',
    ]);
  });

  it('stops the shared store when the last element is removed', async () => {
    const elements = await badges(feed, 2);
    await waitUntil(() => elements.every((el) => el.state === 'ready'), 'the badges did not load');
    const store = getFeed({ src: feed.url, adapter: 'statuspage' });
    // Planned once this tab holds the cross-tab lock (its code loads after the first request).
    await waitUntil(() => store.nextPollAt !== undefined, 'no poll was planned');
    elements[0].remove();
    expect(store.nextPollAt).to.be.a('number');
    elements[1].remove();
    expect(store.nextPollAt).to.be.undefined;
  });

  it('fires status-change and status-error on real transitions only', async () => {
    const seen = recordEvents();
    const [el] = await badges(feed, 1);
    await waitUntil(() => el.state === 'ready', 'the badge did not load');
    expect(seen).to.deep.equal({ change: 1, error: 0 });
    const store = getFeed({ src: feed.url, adapter: 'statuspage' });

    // The same answer again: nothing happened.
    await store.refresh();
    expect(seen).to.deep.equal({ change: 1, error: 0 });

    // The feed fails, twice the same way: one error event, the data stays.
    feed.answer = () => new Response('down', { status: 500 });
    await store.refresh();
    await store.refresh();
    await el.updateComplete;
    expect(seen).to.deep.equal({ change: 1, error: 1 });
    expect(el.state).to.equal('stale');
    expect(el.getAttribute('indicator')).to.equal('major');

    // It recovers with the same data: ready again, but the snapshot is not new.
    const same = await summaryText();
    feed.answer = () => new Response(same);
    await store.refresh();
    await el.updateComplete;
    expect(el.state).to.equal('ready');
    expect(seen).to.deep.equal({ change: 1, error: 1 });

    // A real change.
    const changed = await summaryText((summary) => {
      (summary['status'] as Record<string, string>)['indicator'] = 'critical';
    });
    feed.answer = () => new Response(changed);
    await store.refresh();
    await el.updateComplete;
    expect(seen).to.deep.equal({ change: 2, error: 1 });
    expect(el.getAttribute('indicator')).to.equal('critical');
  });

  it('fires one status-change for a kept snapshot that the fresh data confirms', async () => {
    // An earlier page view kept the snapshot five minutes ago.
    await visit(feed);
    const key = `${CACHE_PREFIX}statuspage ${new URL(feed.url).href}`;
    const entry = JSON.parse(localStorage.getItem(key)!) as { t: number };
    localStorage.setItem(key, JSON.stringify({ ...entry, t: entry.t - 300_000 }));

    const seen = recordEvents();
    const el = document.createElement('status-badge');
    el.setAttribute('adapter', 'statuspage');
    el.setAttribute('src', feed.url);
    document.body.append(el);
    await el.updateComplete;
    expect(el.state).to.equal('stale');
    expect(seen.change).to.equal(1);
    await waitUntil(() => el.state === 'ready', 'the fresh data did not arrive');
    expect(seen).to.deep.equal({ change: 1, error: 0 });
    el.remove();
    localStorage.removeItem(key);
  });

  it('says what is wrong with an unknown adapter name', async () => {
    const el = await render<StatusBadge>(
      html`<status-badge src=${feed.url} adapter="no-such-format" locale="en"></status-badge>`,
    );
    const errors: Error[] = [];
    el.addEventListener('status-error', (event) => errors.push(event.error));
    el.src = `${feed.url}/again`;
    await el.updateComplete;
    expect(el.state).to.equal('error');
    expect(errors[0].message).to.contain('Unknown status feed adapter "no-such-format"');
  });
});
