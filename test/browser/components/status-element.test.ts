// What every element shares: the feed state has one owner (the controller), and the
// element draws what the controller synced in the same update.
import { expect, fixture as render, html, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import '../helpers/lit-warnings.js';
import '../../../src/components/status-badge/define.js';
import '../../../src/components/status-components/define.js';
import type { StatusBadge } from '../../../src/components/status-badge/status-badge.js';
import type { StatusBanner } from '../../../src/components/status-banner/status-banner.js';
import '../../../src/components/status-banner/define.js';
import type { StatusComponents } from '../../../src/components/status-components/status-components.js';
import { writeCache } from '../../../src/feed/cache.js';
import { getAdapter, registerAdapter } from '../../../src/adapters/registry.js';
import {
  deferred,
  json,
  nativeFrom,
  partText,
  settled,
  stubFetch,
  summary,
  uniqueFeedUrl,
} from '../helpers/feeds.js';

describe('the feed state of an element', () => {
  afterEach(() => sinon.restore());

  it('switching src never shows the error box while the new feed loads', async () => {
    const body = nativeFrom(await summary());
    const pending = deferred<Response>();
    let second = false;
    stubFetch(() => (second ? pending.promise : json(body)));
    const el = await settled(
      await render<StatusComponents>(
        html`<status-components src=${uniqueFeedUrl()} adapter="native"></status-components>`,
      ),
    );
    second = true;
    el.src = uniqueFeedUrl();
    await el.updateComplete;
    // Whatever the host says, the drawing agrees with it: never an empty error box.
    expect(el.shadowRoot!.querySelector('[part~="error"]')).to.equal(null);
    expect(el.getAttribute('state')).to.equal('loading');
    expect(el.shadowRoot!.querySelector('[part~="skeleton"]')).not.to.equal(null);
    pending.resolve(json(body));
    await settled(el, 'ready');
  });

  it('clearing src drops the old data and says what to set', async () => {
    stubFetch(async () => json(nativeFrom(await summary())));
    const el = await settled(
      await render<StatusBadge>(
        html`<status-badge src=${uniqueFeedUrl()} adapter="native"></status-badge>`,
      ),
    );
    expect(el.indicator).to.equal('major');
    el.src = '';
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('error');
    expect(el.indicator).to.equal('unknown');
    expect(partText(el, 'label')).to.equal('Status unavailable');
  });

  it('draws a kept snapshot when src is set after connecting (a return visit through a framework)', async () => {
    const src = uniqueFeedUrl();
    const snapshot = nativeFrom(await summary());
    writeCache(`native ${new URL(src).href}`, JSON.stringify(snapshot), Date.now());
    stubFetch(() => deferred<Response>().promise); // the network never answers
    const el = await render<StatusBadge>(html`<status-badge adapter="native"></status-badge>`);
    el.src = src;
    await el.updateComplete;
    expect(el.state).not.to.equal('loading');
    expect(el.indicator).to.equal('major');
    localStorage.clear();
  });

  it('retry works when the store could not even be made (an adapter registered late)', async () => {
    const body = nativeFrom(await summary());
    stubFetch(() => json(body));
    const name = `late-${Date.now()}`;
    const el = await render<StatusComponents>(
      html`<status-components src=${uniqueFeedUrl()} adapter=${name}></status-components>`,
    );
    await settled(el, 'error');
    // The site registers its own reader after the element first rendered.
    registerAdapter({
      name,
      load: async (source, fetch) => await getAdapter('native').load(source, fetch),
    });
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
    await waitUntil(() => el.state === 'ready', 'retry did not load the feed');
    expect(el.shadowRoot!.querySelectorAll('[part~="component"]').length).to.be.above(0);
  });

  it("hands a site's own adapter a whole response, which it may read as JSON", async () => {
    stubFetch(async () => json(nativeFrom(await summary())));
    const name = `json-${Date.now()}`;
    registerAdapter({
      name,
      // As docs/feeds.md shows: response.json(), not text().
      load: async (source, fetch, signal) => {
        const body: unknown = await (await fetch(source.href, { signal })).json();
        return getAdapter('native').load(source, async () => json(body));
      },
    });
    const el = await settled(
      await render<StatusComponents>(
        html`<status-components src=${uniqueFeedUrl()} adapter=${name}></status-components>`,
      ),
    );
    expect(el.state).to.equal('ready');
    expect(el.shadowRoot!.querySelectorAll('[part~="component"]').length).to.be.above(0);
  });

  it('reads boolean options as booleans: "false" as an attribute, false as a property', async () => {
    stubFetch(async () => json(nativeFrom(await summary())));
    const badge = await settled(
      await render<StatusBadge>(
        html`<status-badge src=${uniqueFeedUrl()} adapter="native" compact="false"></status-badge>`,
      ),
    );
    expect(badge.compact).to.equal(false);
    expect(badge.shadowRoot!.querySelector('[part~="label"]')!.classList.contains('vh')).to.be
      .false;
    badge.setAttribute('compact', '');
    await badge.updateComplete;
    expect(badge.compact).to.equal(true);

    const banner = await settled(
      await render<StatusBanner>(
        html`<status-banner src=${uniqueFeedUrl()} adapter="native"></status-banner>`,
      ),
    );
    expect(banner.shadowRoot!.querySelector('[part~="dismiss"]')).not.to.equal(null);
    banner.dismissible = false;
    await banner.updateComplete;
    expect(banner.shadowRoot!.querySelector('[part~="dismiss"]')).to.equal(null);
    banner.setAttribute('dismissible', 'true');
    await banner.updateComplete;
    expect(banner.dismissible).to.equal(true);
  });

  it('follows a later change of <html lang>', async () => {
    stubFetch(async () => json(nativeFrom(await summary())));
    const before = document.documentElement.lang;
    document.documentElement.lang = 'en';
    try {
      const badge = await settled(
        await render<StatusBadge>(
          html`<status-badge src=${uniqueFeedUrl()} adapter="native"></status-badge>`,
        ),
      );
      expect(partText(badge, 'label')).to.equal('Major outage');
      document.documentElement.lang = 'de';
      await waitUntil(() => partText(badge, 'label') === 'Größere Störung', 'still in English');
      await badge.updateComplete;
    } finally {
      document.documentElement.lang = before;
    }
  });

  it('bounds what it draws: items per list with a link to the rest, and text length', async () => {
    const body = nativeFrom(await summary(), (snapshot) => {
      const many = Array.from({ length: 250 }, (_, i) => ({
        id: `c${i}`,
        name: i === 0 ? 'x'.repeat(1_000_000) : `Component ${i}`,
        status: 'operational' as const,
      }));
      snapshot.components = many;
    });
    stubFetch(() => json(body));
    const el = await settled(
      await render<StatusComponents>(
        html`<status-components
          src=${uniqueFeedUrl()}
          adapter="native"
          href="https://status.example.com/"
        ></status-components>`,
      ),
    );
    expect(el.shadowRoot!.querySelectorAll('[part~="component"]')).to.have.length(100);
    expect(partText(el, 'more')).to.equal('And 150 more on the status page');
    expect(el.shadowRoot!.querySelector('[part~="more"] a')!.getAttribute('href')).to.equal(
      'https://status.example.com/',
    );
    const longest = Math.max(
      ...[...el.shadowRoot!.querySelectorAll('[part~="name"]')].map((n) => n.textContent!.length),
    );
    expect(longest).to.be.at.most(200);
    el.limit = 300;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('[part~="component"]')).to.have.length(250);
    expect(el.shadowRoot!.querySelector('[part~="more"]')).to.equal(null);
  });

  it('says how old a relayed source is when it stopped answering (the relay’s sources list)', async () => {
    const body = nativeFrom(await summary(), (snapshot) => {
      snapshot.sources = [
        { url: 'https://kuma.example.com/status/main', adapter: 'uptime-kuma', state: 'ok' },
        {
          url: 'https://gatus.example.com/api/v1/endpoints/statuses',
          adapter: 'gatus',
          state: 'stale',
          lastAnsweredAt: '2020-04-02T20:05:00Z',
          problem: 'No answer since 20:05',
        },
      ];
    });
    stubFetch(() => json(body));
    const el = await settled(
      await render<StatusComponents>(
        html`<status-components
          src=${uniqueFeedUrl()}
          adapter="native"
          time-zone="UTC"
        ></status-components>`,
      ),
    );
    expect(el.state).to.equal('ready');
    expect(partText(el, 'stale')).to.equal(
      // Another day than today: the time says its date.
      'Part of this status is as of 8:05 PM UTC on Apr 2; one of its sources is not answering',
    );
    await expect(el).to.be.accessible();
  });
});
