import { expect, fixture as render, html, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import { diagnostics } from '../helpers/lit-warnings.js';
import '../../../src/components/status-banner/define.js';
import type { StatusBanner } from '../../../src/components/status-banner/status-banner.js';
import { getFeed } from '../../../src/feed/store.js';
import {
  DOCUMENTED_MAINTENANCE,
  allOperational,
  deferred,
  freezeNow,
  json,
  nativeFrom,
  partText,
  place,
  renderStale,
  settled,
  stubFetch,
  summary,
  uniqueFeedUrl,
  type Summary,
} from '../helpers/feeds.js';

// The GitHub recording: one major incident, "investigating", last updated 20:26:36 UTC.
const DURING_OUTAGE = '2020-04-02T20:45:00Z';

async function bannerFor(
  body: unknown,
  attrs: { locale?: string; src?: string; extra?: Record<string, string> } = {},
): Promise<StatusBanner> {
  stubFetch(() => json(body));
  const el = await render<StatusBanner>(
    html`<status-banner src=${attrs.src ?? uniqueFeedUrl()} locale=${attrs.locale ?? 'en'}
      >${'' /* fallback */}<a href="https://www.githubstatus.com">Status</a></status-banner
    >`,
  );
  for (const [name, value] of Object.entries(attrs.extra ?? {})) el.setAttribute(name, value);
  return settled(el);
}

const base = (el: StatusBanner) => el.shadowRoot!.querySelector<HTMLElement>('[part~="base"]')!;
/** What a sighted reader sees: the banner's text without visually hidden notices. */
const seen = (el: StatusBanner) => {
  const copy = base(el).cloneNode(true) as HTMLElement;
  copy.querySelectorAll('.vh').forEach((hidden) => hidden.remove());
  return copy.textContent!.trim();
};
const message = (el: StatusBanner) =>
  el.shadowRoot!.querySelector<HTMLElement>('[part~="message"]')!;

function secondIncident(s: Summary, impact: string): void {
  const copy = structuredClone(s.incidents[0]);
  copy.id = 'second-incident';
  copy.name = 'Slow webhooks';
  copy.impact = impact;
  copy.incident_updates = copy.incident_updates.map((u, i) => ({ ...u, id: `second-${i}` }));
  s.incidents.push(copy);
}

describe('<status-banner>', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => sinon.restore());

  describe('loading', () => {
    for (const locale of ['en', 'zh-CN']) {
      it(`takes no space and says nothing until the feed answers (${locale})`, async () => {
        const answer = deferred<Response>();
        stubFetch(() => answer.promise);
        const el = await render<StatusBanner>(
          html`<status-banner src=${uniqueFeedUrl()} locale=${locale}></status-banner>`,
        );
        expect(el.state).to.equal('loading');
        expect(el.getBoundingClientRect().height).to.equal(0);
        expect(message(el).textContent!.trim()).to.equal('');
        await expect(el).to.be.accessible();
        answer.resolve(json(await summary()));
        await settled(el);
      });
    }
  });

  describe('ready, with the recorded GitHub major outage', () => {
    const expected = {
      en: {
        title: 'Incident on 2020-04-02 20:20 UTC',
        status: 'Major impact · Investigating',
        updated: 'Updated 18 minutes ago',
        link: 'View status page',
      },
      'zh-CN': {
        title: 'Incident on 2020-04-02 20:20 UTC',
        status: '重大影响 · 调查中',
        updated: '18分钟前更新',
        link: '查看状态页',
      },
    };
    for (const [locale, words] of Object.entries(expected)) {
      it(`shows the incident, its latest update, its age and the status page (${locale})`, async () => {
        freezeNow(DURING_OUTAGE);
        const el = await bannerFor(await summary(), { locale });
        expect(partText(el, 'title')).to.equal(words.title);
        expect(partText(el, 'status')).to.equal(words.status);
        expect(partText(el, 'update')).to.equal(
          'We are investigating reports of service unavailability.',
        );
        expect(partText(el, 'timestamp')).to.equal(words.updated);
        const link = el.shadowRoot!.querySelector('a[part~="link"]')!;
        expect(link.textContent!.trim()).to.equal(words.link);
        expect(link.getAttribute('href')).to.equal('https://www.githubstatus.com');
        expect(message(el).getAttribute('role')).to.equal('status');
        expect(
          el.shadowRoot!.querySelector('[part~="indicator"]')!.getAttribute('data-indicator'),
        ).to.equal('major');
        await expect(el).to.be.accessible();
      });
    }

    it('counts several active incidents and leads with the worst', async () => {
      freezeNow(DURING_OUTAGE);
      const body = await summary(undefined, (s) => {
        s.incidents[0].impact = 'minor';
        secondIncident(s, 'major');
      });
      const el = await bannerFor(body);
      expect(partText(el, 'title')).to.equal('2 active incidents · Slow webhooks');
      expect(partText(el, 'status')).to.equal('Major impact · Investigating');
      await expect(el).to.be.accessible();
    });

    it('shortens a long update and links "more" to the incident page', async () => {
      freezeNow(DURING_OUTAGE);
      const body = await summary(undefined, (s) => {
        s.incidents[0].incident_updates[0].body = 'We are investigating. '.repeat(20);
      });
      const el = await bannerFor(body);
      const update = partText(el, 'update');
      expect(update.length).to.be.below(200);
      expect(update).to.match(/… more$/);
      const more = el.shadowRoot!.querySelector('a[part~="more"]')!;
      expect(more.getAttribute('href')).to.equal('http://stspg.io/n0wskg2n6bvy');
    });
  });

  describe('the overdue rule', () => {
    it('says "Updated 59 minutes ago" just under an hour after the last update', async () => {
      freezeNow('2020-04-02T21:26:00Z');
      const el = await bannerFor(await summary());
      expect(partText(el, 'timestamp')).to.equal('Updated 59 minutes ago');
    });

    for (const [locale, updated, late] of [
      ['en', 'Updated 1 hour ago', 'The next update was due at 9:26 PM UTC (1 minute ago)'],
      ['zh-CN', '1小时前更新', '下次更新原定于 UTC 21:26（1分钟前），目前已逾期'],
    ]) {
      it(`says the update is overdue once an hour has passed (${locale})`, async () => {
        freezeNow('2020-04-02T21:27:00Z');
        const el = await bannerFor(await summary(), { locale, extra: { 'time-zone': 'UTC' } });
        expect(partText(el, 'timestamp')).to.equal(updated);
        expect(partText(el, 'overdue')).to.equal(late);
        await expect(el).to.be.accessible();
      });
    }
  });

  describe('as time passes', () => {
    it('moves on with the clock, with no new answer from the feed', async () => {
      // The last update was at 20:26:36.354: overdue from that moment an hour later,
      // not from the next whole minute.
      const dateOnly = freezeNow('2020-04-02T21:25:30Z');
      const el = await bannerFor(await summary());
      const fetch = window.fetch as sinon.SinonStub;
      const requests = fetch.callCount;
      expect(partText(el, 'timestamp')).to.equal('Updated 59 minutes ago');

      // Timers too from here on.
      dateOnly.restore();
      const clock = sinon.useFakeTimers({
        now: Date.parse('2020-04-02T21:25:30Z'),
        toFake: ['Date', 'setTimeout', 'clearTimeout'],
        shouldClearNativeTimers: true,
      });
      el.requestUpdate();
      await el.updateComplete;
      await clock.tickAsync(66_000); // 21:26:36.000
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part~="overdue"]')).to.equal(null);
      await clock.tickAsync(400); // 21:26:36.400, just past the hour
      await el.updateComplete;
      expect(partText(el, 'overdue')).to.contain('The next update was due at');
      await clock.tickAsync(24_000); // 21:27:00.400: the words move on each minute
      await el.updateComplete;
      expect(partText(el, 'timestamp')).to.equal('Updated 1 hour ago');
      expect(fetch.callCount).to.equal(requests);

      // Hidden, it keeps no timer (the store keeps none either).
      const show = (state: string) => {
        Object.defineProperty(document, 'visibilityState', {
          configurable: true,
          get: () => state,
        });
        document.dispatchEvent(new Event('visibilitychange'));
      };
      show('hidden');
      await clock.tickAsync(120_000);
      expect(clock.countTimers()).to.equal(0);
      expect(partText(el, 'overdue')).to.contain('The next update was due at');
      show('visible');

      // Removed, it leaves no timer behind.
      el.remove();
      expect(clock.countTimers()).to.equal(0);
      clock.restore();
    });
  });

  describe('the next-update line', () => {
    for (const [locale, words] of [
      ['en', 'Updated 18 minutes ago · Next update by 9:00 PM UTC'],
      ['zh-CN', '18分钟前更新 · 下次更新不晚于 UTC 21:00'],
    ]) {
      it(`says when the next update is promised, in the chosen time zone (${locale})`, async () => {
        freezeNow(DURING_OUTAGE);
        const body = nativeFrom(await summary(), (snapshot) => {
          snapshot.incidents[0].nextUpdateAt = '2020-04-02T21:00:00Z';
          snapshot.page.subscribeUrl = 'https://www.githubstatus.com/#subscribe';
        });
        stubFetch(() => json(body));
        const el = await settled(
          await render<StatusBanner>(
            html`<status-banner
              src=${uniqueFeedUrl()}
              adapter="native"
              locale=${locale}
              time-zone="UTC"
            ></status-banner>`,
          ),
        );
        expect(partText(el, 'timestamp')).to.equal(words);
        const subscribe = el.shadowRoot!.querySelector('a[part~="subscribe"]')!;
        expect(subscribe.getAttribute('href')).to.equal('https://www.githubstatus.com/#subscribe');
        await expect(el).to.be.accessible();
      });
    }

    it('has no next-update line when none is promised', async () => {
      freezeNow(DURING_OUTAGE);
      const el = await bannerFor(await summary());
      expect(partText(el, 'timestamp')).not.to.contain('Next update');
    });
  });

  describe('empty (all operational)', () => {
    for (const locale of ['en', 'zh-CN']) {
      it(`renders nothing and takes no space (${locale})`, async () => {
        const el = await bannerFor(await summary(undefined, allOperational), { locale });
        expect(el.state).to.equal('ready');
        expect(el.getBoundingClientRect().height).to.equal(0);
        expect(seen(el)).to.equal('');
        await expect(el).to.be.accessible();
      });
    }

    it('shows a calm bar with show-operational', async () => {
      stubFetch(async () => json(await summary(undefined, allOperational)));
      const el = await settled(
        await render<StatusBanner>(
          html`<status-banner
            src=${uniqueFeedUrl()}
            locale="zh-CN"
            show-operational
          ></status-banner>`,
        ),
      );
      expect(partText(el, 'title')).to.equal('所有系统运行正常');
      expect(el.getBoundingClientRect().height).to.be.above(0);
      await expect(el).to.be.accessible();
    });
  });

  describe('the maintenance notice window', () => {
    // The documented feed, without its maintenance in progress: one scheduled for
    // 2026-11-22 02:00–03:00 New York time (07:00–08:00 UTC).
    const upcomingOnly = (s: Summary) => {
      s.scheduled_maintenances = s.scheduled_maintenances.filter((m) => m.status === 'scheduled');
    };

    it('announces a maintenance starting within 24 hours', async () => {
      freezeNow('2026-11-21T08:00:00Z');
      const el = await bannerFor(await summary(DOCUMENTED_MAINTENANCE, upcomingOnly), {
        extra: { 'time-zone': 'UTC' },
      });
      expect(partText(el, 'title')).to.equal('Network provider failover test');
      expect(partText(el, 'status')).to.equal('No impact · Scheduled');
      expect(partText(el, 'timestamp')).to.equal(
        'Starts Nov 22, 2026, 7:00 AM UTC · Until 8:00 AM UTC on Nov 22',
      );
      await expect(el).to.be.accessible();
    });

    it('says nothing of it 25 hours before', async () => {
      freezeNow('2026-11-21T06:00:00Z');
      const el = await bannerFor(await summary(DOCUMENTED_MAINTENANCE, upcomingOnly));
      expect(seen(el)).to.equal('');
    });

    it('announces it 25 hours before with maintenance-notice="48"', async () => {
      freezeNow('2026-11-21T06:00:00Z');
      const el = await bannerFor(await summary(DOCUMENTED_MAINTENANCE, upcomingOnly), {
        locale: 'zh-CN',
        extra: { 'maintenance-notice': '48' },
      });
      await el.updateComplete;
      expect(partText(el, 'status')).to.equal('无影响 · 已计划');
    });

    it('shows a maintenance in progress', async () => {
      freezeNow('2026-11-20T20:00:00Z');
      const el = await bannerFor(await summary(DOCUMENTED_MAINTENANCE));
      expect(partText(el, 'title')).to.equal('Database storage upgrade');
      expect(partText(el, 'status')).to.equal('Maintenance · In progress');
      expect(
        el.shadowRoot!.querySelector('[part~="indicator"]')!.getAttribute('data-indicator'),
      ).to.equal('maintenance');
    });
  });

  describe('dismissal', () => {
    async function dismissed(src: string, body: Summary): Promise<StatusBanner> {
      const el = await bannerFor(body, { src });
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="dismiss"]')!.click();
      await el.updateComplete;
      return el;
    }

    it('hides the banner and remembers it in localStorage, under a namespaced key', async () => {
      freezeNow(DURING_OUTAGE);
      const src = uniqueFeedUrl();
      const body = await summary();
      const el = await dismissed(src, body);
      expect(seen(el)).to.equal('');
      expect(el.getBoundingClientRect().height).to.equal(0);
      const keys = Object.keys(localStorage).filter((k) => k.startsWith('status-widgets:banner'));
      expect(keys).to.have.length(1);
      expect(keys[0]).to.contain('80d0cs6kpsps');
      // A later page view (a new element on the same feed) stays dismissed.
      el.remove();
      sinon.restore();
      freezeNow(DURING_OUTAGE);
      const again = await bannerFor(body, { src });
      expect(seen(again)).to.equal('');
    });

    it('is remembered for the feed, however its src is written', async () => {
      freezeNow(DURING_OUTAGE);
      const src = uniqueFeedUrl();
      const body = await summary();
      (await dismissed(src, body)).remove();
      sinon.restore();
      freezeNow(DURING_OUTAGE);
      // The same feed, written with its trailing slash.
      const again = await bannerFor(body, { src: `${src}/` });
      expect(again.state).to.equal('ready');
      expect(seen(again)).to.equal('');
    });

    /** Dismisses, then lets the next poll bring `next`. */
    async function nextPoll(next: Summary): Promise<StatusBanner> {
      freezeNow(DURING_OUTAGE);
      const src = uniqueFeedUrl();
      let body = await summary();
      stubFetch(() => json(body));
      const el = await settled(
        await render<StatusBanner>(html`<status-banner src=${src}></status-banner>`),
      );
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="dismiss"]')!.click();
      await el.updateComplete;
      expect(seen(el)).to.equal('');
      body = next;
      await getFeed({ src }).refresh();
      await el.updateComplete;
      return el;
    }

    it('comes back when the incident gets a new update', async () => {
      const el = await nextPoll(
        await summary(undefined, (s) => {
          s.incidents[0].incident_updates.unshift({
            ...s.incidents[0].incident_updates[0],
            id: 'newer-update',
            body: 'We have identified the cause.',
            status: 'identified',
            created_at: '2020-04-02T20:40:00Z',
            display_at: '2020-04-02T20:40:00Z',
          });
          s.incidents[0].status = 'identified';
        }),
      );
      expect(partText(el, 'update')).to.equal('We have identified the cause.');
      expect(partText(el, 'status')).to.equal('Major impact · Identified');
    });

    it('stays dismissed when the impact gets better', async () => {
      const el = await nextPoll(await summary(undefined, (s) => (s.incidents[0].impact = 'minor')));
      expect(seen(el)).to.equal('');
    });

    it('comes back when the impact gets worse', async () => {
      const el = await nextPoll(
        await summary(undefined, (s) => (s.incidents[0].impact = 'critical')),
      );
      expect(partText(el, 'status')).to.equal('Critical impact · Investigating');
    });

    it('still dismisses when storage refuses to write', async () => {
      freezeNow(DURING_OUTAGE);
      sinon
        .stub(Storage.prototype, 'setItem')
        .throws(new DOMException('full', 'QuotaExceededError'));
      const el = await dismissed(uniqueFeedUrl(), await summary());
      expect(seen(el)).to.equal('');
    });

    it('has no close button with dismissible="false"', async () => {
      freezeNow(DURING_OUTAGE);
      const el = await bannerFor(await summary(), { extra: { dismissible: 'false' } });
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part~="dismiss"]')).to.equal(null);
    });

    it('reaches the close button by keyboard, with an accessible name', async () => {
      freezeNow(DURING_OUTAGE);
      const el = await bannerFor(await summary(), { locale: 'zh-CN' });
      const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="dismiss"]')!;
      expect(button.getAttribute('aria-label')).to.equal('关闭');
      expect(button.tabIndex).to.equal(0);
    });
  });

  describe('critical incidents', () => {
    const critical = (s: Summary) => (s.incidents[0].impact = 'critical');

    it('announce themselves as an alert and may not be dismissed by default', async () => {
      freezeNow(DURING_OUTAGE);
      const el = await bannerFor(await summary(undefined, critical));
      expect(message(el).getAttribute('role')).to.equal('alert');
      expect(el.shadowRoot!.querySelector('[part~="dismiss"]')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('may be dismissed with dismissible="true"', async () => {
      freezeNow(DURING_OUTAGE);
      const el = await bannerFor(await summary(undefined, critical), {
        extra: { dismissible: 'true' },
      });
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part~="dismiss"]')).not.to.equal(null);
    });
  });

  describe('live region', () => {
    it('does not touch the announced text when a poll brings the same data', async () => {
      freezeNow(DURING_OUTAGE);
      const src = uniqueFeedUrl();
      const body = await summary();
      const fetch = stubFetch(() => json(body));
      const el = await settled(
        await render<StatusBanner>(html`<status-banner src=${src}></status-banner>`),
      );
      const changes: MutationRecord[] = [];
      const observer = new MutationObserver((records) => changes.push(...records));
      observer.observe(message(el), {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
      });
      const calls = fetch.callCount;
      await getFeed({ src }).refresh();
      await el.updateComplete;
      observer.disconnect();
      expect(fetch.callCount).to.be.above(calls);
      expect(changes).to.have.length(0);
    });
  });

  describe('stale', () => {
    for (const [locale, words] of [
      ['en', 'Status as of'],
      ['zh-CN', '暂时无法获取最新状态'],
    ]) {
      it(`keeps the incident and says how old the data is (${locale})`, async () => {
        freezeNow(DURING_OUTAGE);
        const body = await summary();
        const el = await renderStale<StatusBanner>(
          (src) => html`<status-banner src=${src} locale=${locale}></status-banner>`,
          body,
        );
        expect(partText(el, 'title')).to.equal('Incident on 2020-04-02 20:20 UTC');
        expect(partText(el, 'stale')).to.contain(words);
        await expect(el).to.be.accessible();
      });
    }
  });

  describe('error', () => {
    for (const locale of ['en', 'zh-CN']) {
      it(`draws nothing when the first load fails: a failing feed is not an outage (${locale})`, async () => {
        stubFetch(() => new Response('<html>Bad gateway</html>', { status: 502 }));
        const src = uniqueFeedUrl();
        const el = await settled(
          await render<StatusBanner>(
            html`<status-banner src=${src} locale=${locale}></status-banner>`,
          ),
          'error',
        );
        expect(el.getAttribute('state')).to.equal('error');
        expect(seen(el)).to.equal('');
        expect(el.getBoundingClientRect().height).to.equal(0);
        expect(el.shadowRoot!.querySelector('[part~="retry"], [part~="debug"]')).to.equal(null);
        // The diagnosis is the developer's: on the console, once for this feed.
        expect(await diagnostics()).to.have.length(1);
        expect((await diagnostics())[0])
          .to.contain('<status-banner>')
          .and.to.contain(src)
          .and.to.contain('502');
        await expect(el).to.be.accessible();
      });
    }

    it('shows the diagnosis inline with debug', async () => {
      stubFetch(() => new Response('Not found', { status: 404 }));
      const src = uniqueFeedUrl();
      const el = await settled(
        await render<StatusBanner>(html`<status-banner src=${src} debug></status-banner>`),
        'error',
      );
      await waitUntil(() => el.shadowRoot!.querySelector('[part~="debug"]'));
      expect(partText(el, 'debug')).to.contain(src).and.to.contain('404').and.to.contain('src');
    });

    it('treats an empty src as an error at once, naming the element and what to set', async () => {
      const el = await render<StatusBanner>(html`<status-banner></status-banner>`);
      await el.updateComplete;
      expect(el.getAttribute('state')).to.equal('error');
      expect((await diagnostics()).join('\n'))
        .to.contain('<status-banner> has no src')
        .and.to.contain('src="');
    });
  });

  describe('the components filter', () => {
    it('shows only incidents touching the named components', async () => {
      freezeNow(DURING_OUTAGE);
      const body = await summary();
      stubFetch(() => json(body));
      const box = place(
        html`<div>
          <status-banner src=${uniqueFeedUrl()} components="Git Operations"></status-banner>
          <status-banner src=${uniqueFeedUrl()} components="Webhooks, 0l2p9nhqnxpd"></status-banner>
          <status-banner src=${uniqueFeedUrl()} components="GitHub Pages"></status-banner>
        </div>`,
      );
      const [other, affected, calm] = [...box.querySelectorAll('status-banner')];
      await settled(calm);
      expect(seen(calm)).to.equal('');
      await settled(other);
      await settled(affected);
      // Git Operations is down with no incident naming it: that is what its banner says.
      expect(partText(other, 'title')).to.equal('Git Operations');
      expect(partText(other, 'status')).to.equal('Major outage');
      expect(partText(affected, 'title')).to.equal('Incident on 2020-04-02 20:20 UTC');
    });
  });

  describe('layout', () => {
    it('pins to the top without leaving the flow (sticky)', async () => {
      freezeNow(DURING_OUTAGE);
      const el = await bannerFor(await summary(), { extra: { position: 'top' } });
      await el.updateComplete;
      expect(getComputedStyle(el).position).to.equal('sticky');
      expect(getComputedStyle(el).top).to.equal('0px');
    });

    it('mirrors in a right-to-left page', async () => {
      freezeNow(DURING_OUTAGE);
      const body = await summary();
      stubFetch(() => json(body));
      const box = place(
        html`<div dir="rtl" style="width:600px">
          <status-banner src=${uniqueFeedUrl()} locale="en"></status-banner>
        </div>`,
      );
      const el = await settled(box.querySelector('status-banner')!);
      const icon = el.shadowRoot!.querySelector('[part~="indicator"]')!.getBoundingClientRect();
      const title = el.shadowRoot!.querySelector('[part~="title"] a')!.getBoundingClientRect();
      const close = el.shadowRoot!.querySelector('[part~="dismiss"]')!.getBoundingClientRect();
      expect(icon.left).to.be.above(title.left); // the icon leads, on the right
      expect(close.right).to.be.below(title.left); // the close button trails, on the left
      await expect(el).to.be.accessible();
    });

    it('hides its light-DOM fallback once it runs', async () => {
      freezeNow(DURING_OUTAGE);
      const el = await bannerFor(await summary());
      expect(el.querySelector('a')!.getClientRects()).to.have.length(0);
    });
  });
});
