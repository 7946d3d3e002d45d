// Components down with no incident are an outage too (monitor feeds have no
// incidents at all); "Resolved" never shows while something is still down; the
// warnings fall due at the promised moment; subscribe-href; links in update text.
import { expect, fixture as render, html } from '@open-wc/testing';
import sinon from 'sinon';
import '../helpers/lit-warnings.js';
import '../../../src/components/status-banner/define.js';
import '../../../src/components/status-incidents/define.js';
import type { StatusBanner } from '../../../src/components/status-banner/status-banner.js';
import type { StatusIncidents } from '../../../src/components/status-incidents/status-incidents.js';
import { getFeed } from '../../../src/feed/store.js';
import type { StatusSnapshot } from '../../../src/model/types.js';
import {
  fixture,
  freezeNow,
  json,
  nativeFrom,
  partText,
  settled,
  stubFetch,
  summary,
  uniqueFeedUrl,
  afterGithubUpdate,
} from '../helpers/feeds.js';

const at = afterGithubUpdate;

async function banner(src: string, attrs = ''): Promise<StatusBanner> {
  const el = await render<StatusBanner>(
    html`<status-banner src=${src} locale="en" time-zone="UTC"></status-banner>`,
  );
  for (const pair of attrs.split(' ').filter(Boolean))
    el.setAttribute(...(pair.split('=') as [string, string]));
  return settled(el);
}

const shown = (el: StatusBanner) => el.shadowRoot!.querySelector('[part~="title"]') !== null;

describe('<status-banner> components down without an incident', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => sinon.restore());

  it('names the monitors an Uptime Kuma page shows down, with the worst status', async () => {
    freezeNow('2024-05-06T07:52:00Z');
    const page = await fixture('uptime-kuma/documented-status-page.json');
    delete page.incident;
    page.maintenanceList = [];
    const beats = await fixture('uptime-kuma/documented-heartbeat.json');
    stubFetch(() => json({}));
    (window.fetch as sinon.SinonStub).callsFake(async (input: RequestInfo | URL) =>
      json(String(input).includes('/heartbeat/') ? beats : page),
    );
    const host = `https://kuma-${Date.now()}.example.test`;
    const el = await render<StatusBanner>(
      html`<status-banner
        src=${`${host}/status/main`}
        adapter="uptime-kuma"
        locale="en"
        time-zone="UTC"
      ></status-banner>`,
    );
    await settled(el);
    // Checkout is down (its last beat failed); Mail relay is retrying (degraded).
    expect(partText(el, 'title')).to.equal('Checkout, Mail relay');
    expect(partText(el, 'status')).to.equal('Major outage');
    expect(
      el
        .shadowRoot!.querySelector('[part~="title"] [part~="indicator"]')!
        .getAttribute('data-indicator'),
    ).to.equal('major');
    expect(el.shadowRoot!.querySelector('[part~="link"]')!.getAttribute('href')).to.equal(
      `${host}/status/main`,
    );
    await expect(el).to.be.accessible();
  });

  it('names the components a Statuspage page sets down by hand, bounded, and since when', async () => {
    freezeNow('2020-04-02T20:45:00Z');
    const body = await summary(undefined, (s) => (s.incidents = []));
    stubFetch(() => json(body));
    const el = await banner(uniqueFeedUrl());
    expect(partText(el, 'title')).to.equal('Git Operations, API Requests, Webhooks and 3 more');
    expect(partText(el, 'status')).to.equal('Major outage');
    // API Requests went first, at 20:18:20.
    expect(partText(el, 'timestamp')).to.equal('Since 8:18 PM UTC');
    expect(el.shadowRoot!.querySelector('[part~="link"]')!.getAttribute('href')).to.equal(
      'https://www.githubstatus.com',
    );
    expect(el.shadowRoot!.querySelector('[part~="dismiss"]')).not.to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('watches only the components= it is given', async () => {
    freezeNow('2020-04-02T20:45:00Z');
    const body = await summary(undefined, (s) => (s.incidents = []));
    stubFetch(() => json(body));
    const el = await banner(uniqueFeedUrl(), 'components=GitHub%20Actions');
    el.setAttribute('components', 'GitHub Actions, GitHub Pages');
    await el.updateComplete;
    expect(partText(el, 'title')).to.equal('GitHub Actions');
    expect(partText(el, 'status')).to.equal('Partial outage');
  });

  it('stays dismissed until another component goes down or one gets worse', async () => {
    freezeNow('2020-04-02T20:45:00Z');
    let snapshot = nativeFrom(await summary(), (s) => {
      s.incidents = [];
      s.components.forEach(
        (c) => (c.status = c.name === 'Webhooks' ? 'partial_outage' : 'operational'),
      );
    }) as unknown as StatusSnapshot;
    stubFetch(() => json(snapshot));
    const src = uniqueFeedUrl();
    const el = await banner(src, 'adapter=native');
    expect(partText(el, 'title')).to.equal('Webhooks');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="dismiss"]')!.click();
    await el.updateComplete;
    expect(shown(el)).to.be.false;

    const poll = async (edit: (s: StatusSnapshot) => void) => {
      snapshot = structuredClone(snapshot);
      edit(snapshot);
      await getFeed({ src, adapter: 'native' }).refresh();
      await el.updateComplete;
    };
    await poll((s) => (s.description = 'unchanged otherwise'));
    expect(shown(el), 'the same outage').to.be.false;
    await poll((s) => (s.components.find((c) => c.name === 'Webhooks')!.status = 'major_outage'));
    expect(shown(el), 'worse').to.be.true;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="dismiss"]')!.click();
    await el.updateComplete;
    await poll(
      (s) => (s.components.find((c) => c.name === 'API Requests')!.status = 'degraded_performance'),
    );
    expect(shown(el), 'spread').to.be.true;
    expect(partText(el, 'title')).to.equal('Webhooks, API Requests');
  });

  it('never says "Resolved" while a component is still down', async () => {
    freezeNow('2020-04-02T21:20:00Z');
    const body = nativeFrom(await summary(), (s) => {
      s.incidents[0].status = 'resolved';
      s.incidents[0].resolvedAt = '2020-04-02T21:10:00Z';
    });
    stubFetch(() => json(body));
    const el = await banner(uniqueFeedUrl(), 'adapter=native');
    expect(el.shadowRoot!.textContent).not.to.contain('Resolved');
    expect(partText(el, 'status')).to.equal('Major outage');
    expect(
      el
        .shadowRoot!.querySelector('[part~="title"] [part~="indicator"]')!
        .getAttribute('data-indicator'),
    ).to.equal('major');
  });
});

describe('<status-banner> falls due at the promised moment', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => sinon.restore());

  async function ticking(edit: (s: StatusSnapshot) => void, start: string) {
    const dateOnly = freezeNow(start);
    const body = nativeFrom(await summary(), edit);
    stubFetch(() => json(body));
    const el = await banner(uniqueFeedUrl(), 'adapter=native');
    dateOnly.restore();
    const clock = sinon.useFakeTimers({
      now: Date.parse(start),
      toFake: ['Date', 'setTimeout', 'clearTimeout'],
      shouldClearNativeTimers: true,
    });
    el.requestUpdate();
    await el.updateComplete;
    return { el, clock };
  }

  it('turns overdue within a second of the promised next update', async () => {
    const { el, clock } = await ticking(
      (s) => (s.incidents[0].nextUpdateAt = '2020-04-02T20:39:00Z'),
      '2020-04-02T20:38:20Z',
    );
    expect(partText(el, 'timestamp')).to.contain('Next update by 8:39 PM UTC');
    await clock.tickAsync(39_500); // 20:38:59.5
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~="overdue"]')).to.equal(null);
    await clock.tickAsync(1_000); // 20:39:00.5
    await el.updateComplete;
    expect(partText(el, 'overdue')).to.contain('The next update was due at 8:39 PM UTC');
    expect(el.shadowRoot!.textContent).not.to.contain('Next update by');
    el.remove();
    clock.restore();
  });

  it('warns within a second of a maintenance’s planned end', async () => {
    const { el, clock } = await ticking((s) => {
      s.incidents = [];
      s.components.forEach((c) => (c.status = 'operational'));
      s.maintenances = [
        {
          id: 'db',
          name: 'Database upgrade',
          status: 'in_progress',
          impact: 'maintenance',
          createdAt: '2020-04-02T22:00:00Z',
          updatedAt: '2020-04-02T22:00:00Z',
          scheduledFor: '2020-04-02T22:00:00Z',
          scheduledUntil: '2020-04-02T23:00:00Z',
          components: [],
          updates: [],
        },
      ];
    }, '2020-04-02T22:59:30Z');
    await clock.tickAsync(30_500);
    await el.updateComplete;
    expect(partText(el, 'overdue')).to.contain('Running longer than planned');
    el.remove();
    clock.restore();
  });
});

describe('subscribe-href', () => {
  afterEach(() => sinon.restore());

  it('gives the banner and the incident list a subscribe link where the feed has none', async () => {
    freezeNow('2020-04-02T20:45:00Z');
    stubFetch(async () => json(await summary()));
    const el = await banner(uniqueFeedUrl(), 'subscribe-href=https://help.example.com/subscribe');
    expect(el.shadowRoot!.querySelector('[part~="subscribe"]')!.getAttribute('href')).to.equal(
      'https://help.example.com/subscribe',
    );
    const list = await render<StatusIncidents>(
      html`<status-incidents
        src=${uniqueFeedUrl()}
        locale="en"
        subscribe-href="https://help.example.com/subscribe"
      ></status-incidents>`,
    );
    await settled(list);
    expect(list.shadowRoot!.querySelector('[part~="subscribe"]')!.getAttribute('href')).to.equal(
      'https://help.example.com/subscribe',
    );
  });

  it('replaces the feed’s own subscribe page', async () => {
    freezeNow('2020-04-02T20:45:00Z');
    const body = nativeFrom(
      await summary(),
      (s) => (s.page.subscribeUrl = 'https://feed.example/sub'),
    );
    stubFetch(() => json(body));
    const el = await banner(
      uniqueFeedUrl(),
      'adapter=native subscribe-href=https://help.example.com/s',
    );
    expect(el.shadowRoot!.querySelector('[part~="subscribe"]')!.getAttribute('href')).to.equal(
      'https://help.example.com/s',
    );
  });
});

describe('links in update text', () => {
  afterEach(() => sinon.restore());
  const TEXT =
    'Read the write-up at https://www.githubstatus.com/incidents/n0wskg2n6bvy. ' +
    'Do not open javascript:alert(1) or ftp://files.example.com/x.';

  const links = (root: ShadowRoot, selector: string) => [
    ...root.querySelectorAll<HTMLAnchorElement>(`${selector} a:not([part~="more"])`),
  ];

  it('makes http(s) addresses links in the banner, the rest stays text', async () => {
    freezeNow(at(5));
    const body = nativeFrom(await summary(), (s) => (s.incidents[0].updates[0].body = TEXT));
    stubFetch(() => json(body));
    const el = await banner(uniqueFeedUrl(), 'adapter=native');
    const found = links(el.shadowRoot!, '[part~="update"]');
    expect(found.map((a) => a.getAttribute('href'))).to.deep.equal([
      'https://www.githubstatus.com/incidents/n0wskg2n6bvy',
    ]);
    expect(found[0].rel).to.equal('noopener noreferrer');
    expect(partText(el, 'update')).to.equal(TEXT);
    await expect(el).to.be.accessible();
  });

  it('makes them links in the incident list’s timeline too', async () => {
    freezeNow(at(5));
    const body = nativeFrom(await summary(), (s) => (s.incidents[0].updates[0].body = TEXT));
    stubFetch(() => json(body));
    const list = await render<StatusIncidents>(
      html`<status-incidents
        src=${uniqueFeedUrl()}
        adapter="native"
        locale="en"
      ></status-incidents>`,
    );
    await settled(list);
    const found = links(list.shadowRoot!, '[part~="update"] p');
    expect(found.map((a) => a.getAttribute('href'))).to.deep.equal([
      'https://www.githubstatus.com/incidents/n0wskg2n6bvy',
    ]);
    expect(found[0].rel).to.equal('noopener noreferrer');
  });
});
