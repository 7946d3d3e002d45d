// The promises of incident communication the banner keeps in front of customers:
// overdue updates, the resolution confirmed, severity told by shape and colour, the
// host page's colour scheme, a landmark, focus after dismissal, one alert per session,
// and a phone-sized layout.
import { expect, fixture as render, html } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import 'axe-core/axe.min.js';
import type AxeCore from 'axe-core';
import sinon from 'sinon';
import '../helpers/lit-warnings.js';
import '../../../src/components/status-banner/define.js';
import type { StatusBanner } from '../../../src/components/status-banner/status-banner.js';
import type { StatusSnapshot } from '../../../src/model/types.js';
import { firstAnnouncement } from '../../../src/components/status-banner/banner-model.js';
import { feedKey } from '../../../src/feed/key.js';
import {
  freezeNow,
  json,
  nativeFrom,
  partText,
  place,
  settled,
  stubFetch,
  summary,
  uniqueFeedUrl,
} from '../helpers/feeds.js';

// The GitHub recording, re-served natively: one major incident, last updated 20:26:36 UTC.
const LAST_UPDATE = '2020-04-02T20:26:36.354Z';
const at = (iso: string, minutes: number) =>
  new Date(Date.parse(iso) + minutes * 60_000).toISOString();

async function feed(edit: (snapshot: StatusSnapshot) => void) {
  return nativeFrom(await summary(), edit);
}

async function banner(
  body: unknown,
  attrs: Record<string, string> = {},
  src = uniqueFeedUrl(),
): Promise<StatusBanner> {
  (window.fetch as sinon.SinonStub).restore?.();
  stubFetch(() => json(body));
  const el = await render<StatusBanner>(
    html`<status-banner src=${src} adapter="native" time-zone="UTC" locale="en"></status-banner>`,
  );
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  return settled(el);
}

const shown = (el: StatusBanner) => el.shadowRoot!.querySelector('[part~="title"]') !== null;

describe('<status-banner> promises', () => {
  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
  });
  afterEach(() => sinon.restore());

  describe('a broken promise', () => {
    it('is overdue when the promised time passed, even within the hour, and never says "Next update by" a past time', async () => {
      // Updated 45 minutes ago; the promise ran out 15 minutes ago.
      freezeNow(at(LAST_UPDATE, 45));
      const el = await banner(
        await feed((s) => (s.incidents[0].nextUpdateAt = at(LAST_UPDATE, 30))),
      );
      expect(partText(el, 'timestamp')).to.equal('Updated 45 minutes ago');
      expect(partText(el, 'overdue')).to.equal(
        'The next update was due at 8:56 PM UTC (15 minutes ago)',
      );
      expect(el.shadowRoot!.textContent).not.to.contain('Next update by');
      const icon = el.shadowRoot!.querySelector('[part~="overdue"] [part~="indicator"]')!;
      expect(icon.getAttribute('data-indicator')).to.equal('overdue');
      await expect(el).to.be.accessible();
    });

    it('says "Next update by" while the promise is ahead, with its zone', async () => {
      freezeNow(at(LAST_UPDATE, 10));
      const el = await banner(
        await feed((s) => (s.incidents[0].nextUpdateAt = '2020-04-02T21:00:00Z')),
        { 'time-zone': 'Asia/Shanghai' },
      );
      expect(partText(el, 'timestamp')).to.equal(
        'Updated 10 minutes ago · Next update by 5:00 AM GMT+8',
      );
      expect(el.shadowRoot!.querySelector('[part~="overdue"]')).to.equal(null);
    });

    it('says "Updated just now" in the first minute', async () => {
      freezeNow(at(LAST_UPDATE, 0.5));
      const el = await banner(await feed(() => {}));
      expect(partText(el, 'timestamp')).to.equal('Updated just now');
    });

    it('warns when a maintenance runs past its planned end', async () => {
      freezeNow('2020-04-02T23:30:00Z');
      const el = await banner(
        await feed((s) => {
          s.incidents = [];
          s.components.forEach((c) => (c.status = 'operational'));
          s.maintenances = [
            {
              id: 'db-upgrade',
              name: 'Database upgrade',
              status: 'in_progress',
              impact: 'maintenance',
              createdAt: '2020-04-02T20:00:00Z',
              updatedAt: '2020-04-02T22:00:00Z',
              scheduledFor: '2020-04-02T22:00:00Z',
              scheduledUntil: '2020-04-02T23:00:00Z',
              components: [],
              updates: [],
            },
          ];
        }),
      );
      expect(partText(el, 'overdue')).to.equal(
        'Running longer than planned: it was due to end at 11:00 PM UTC',
      );
    });
  });

  describe('closing the loop', () => {
    const resolved = (postmortemUrl?: string) =>
      feed((s) => {
        // Fixed: every component is back.
        s.components.forEach((c) => (c.status = 'operational'));
        const incident = s.incidents[0];
        incident.status = 'resolved';
        incident.resolvedAt = '2020-04-02T21:10:00Z';
        incident.updates.unshift({
          id: 'resolved-update',
          status: 'resolved',
          body: 'Git operations are back to normal. We are sorry for the trouble.',
          createdAt: '2020-04-02T21:10:00Z',
        });
        if (postmortemUrl) incident.postmortemUrl = postmortemUrl;
      });

    it('shows "Resolved at" with the last update and the postmortem for resolved-for minutes, then goes', async () => {
      const clock = freezeNow('2020-04-02T21:20:00Z');
      const el = await banner(await resolved('https://www.githubstatus.com/postmortems/1'));
      expect(partText(el, 'status')).to.equal('Resolved at 9:10 PM UTC');
      expect(partText(el, 'update')).to.contain('back to normal');
      expect(
        el
          .shadowRoot!.querySelector('[part~="title"] [part~="indicator"]')!
          .getAttribute('data-indicator'),
      ).to.equal('operational');
      expect(el.shadowRoot!.querySelector('[part~="postmortem"]')!.getAttribute('href')).to.equal(
        'https://www.githubstatus.com/postmortems/1',
      );
      expect(el.shadowRoot!.querySelector('[part~="message"]')!.getAttribute('role')).to.equal(
        'status',
      );
      await expect(el).to.be.accessible();

      clock.setSystemTime(Date.parse('2020-04-02T21:41:00Z')); // 31 minutes after
      el.requestUpdate();
      await el.updateComplete;
      expect(shown(el)).to.be.false;
    });

    it('goes at once with resolved-for="0", and stays longer when asked', async () => {
      freezeNow('2020-04-02T21:50:00Z');
      const body = await resolved();
      expect(shown(await banner(body, { 'resolved-for': '0' }))).to.be.false;
      expect(shown(await banner(body))).to.be.false; // 40 minutes: past the default 30
      expect(shown(await banner(body, { 'resolved-for': '60' }))).to.be.true;
    });
  });

  describe('severity at a glance', () => {
    const levels = ['minor', 'major', 'critical'] as const;

    it('gives each level its own icon shape and a colour apart from its neighbours', async () => {
      freezeNow(at(LAST_UPDATE, 5));
      const icons: string[] = [];
      const colours: string[] = [];
      for (const impact of levels) {
        const el = await banner(await feed((s) => (s.incidents[0].impact = impact)));
        const icon = el.shadowRoot!.querySelector('[part~="title"] [part~="indicator"]')!;
        expect(icon.getAttribute('data-indicator')).to.equal(impact);
        icons.push(icon.querySelector('svg')!.innerHTML);
        colours.push(getComputedStyle(icon).color);
        expect(partText(el, 'status')).to.match(new RegExp(`^${impact} impact`, 'i'));
      }
      expect(new Set(icons).size).to.equal(3);
      const luminance = (rgb: string) => {
        const [r, g, b] = rgb.match(/\d+/g)!.map((c) => {
          const v = Number(c) / 255;
          return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const contrast = (a: string, b: string) => {
        const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
        return (hi + 0.05) / (lo + 0.05);
      };
      expect(contrast(colours[0], colours[1]), 'minor vs major').to.be.above(1.45);
      expect(contrast(colours[1], colours[2]), 'major vs critical').to.be.above(1.45);
    });
  });

  describe('the host page decides the colour scheme', () => {
    afterEach(() => emulateMedia({ colorScheme: 'light' }));

    it('stays light on a page without color-scheme when the OS is dark, and passes axe', async () => {
      await emulateMedia({ colorScheme: 'dark' });
      freezeNow(at(LAST_UPDATE, 5));
      const el = await banner(await feed(() => {}));
      const box = el.shadowRoot!.querySelector('[part~="base"]')!;
      expect(getComputedStyle(box).backgroundColor).to.equal('rgb(255, 255, 255)');
      await expect(el).to.be.accessible();
    });

    it('follows the OS with theme="auto", and the page when the page opts into dark', async () => {
      await emulateMedia({ colorScheme: 'dark' });
      freezeNow(at(LAST_UPDATE, 5));
      const auto = await banner(await feed(() => {}), { theme: 'auto' });
      const base = (el: Element) => el.shadowRoot!.querySelector('[part~="base"]')!;
      expect(getComputedStyle(base(auto)).backgroundColor).to.equal('rgb(13, 17, 23)');
      document.documentElement.style.colorScheme = 'light dark';
      try {
        const follows = await banner(await feed(() => {}));
        expect(getComputedStyle(base(follows)).backgroundColor).to.equal('rgb(13, 17, 23)');
        await expect(follows).to.be.accessible();
      } finally {
        document.documentElement.style.colorScheme = '';
      }
    });
  });

  describe('accessibility', () => {
    it('is a labelled region, so a banner placed straight in <body> passes axe’s region rule', async () => {
      freezeNow(at(LAST_UPDATE, 5));
      const body = await feed(() => {});
      stubFetch(() => json(body));
      const el = document.createElement('status-banner') as StatusBanner;
      el.setAttribute('adapter', 'native');
      el.src = uniqueFeedUrl();
      document.body.prepend(el);
      try {
        await settled(el);
        const region = el.shadowRoot!.querySelector('[part~="base"]')!;
        expect(region.getAttribute('role')).to.equal('region');
        expect(region.getAttribute('aria-label')).to.equal('Service status');
        const { axe } = window as unknown as { axe: typeof AxeCore };
        const result = await axe.run(document, { runOnly: ['region', 'landmark-unique'] });
        expect(result.violations.map((v) => v.id)).to.deep.equal([]);
      } finally {
        el.remove();
      }
    });

    it('keeps focus in the banner after dismissal and says it was dismissed', async () => {
      freezeNow(at(LAST_UPDATE, 5));
      const el = await banner(await feed(() => {}));
      const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="dismiss"]')!;
      button.focus();
      button.click();
      await el.updateComplete;
      await el.updateComplete;
      expect(document.activeElement).to.equal(el);
      const focused = el.shadowRoot!.activeElement!;
      expect(focused.textContent!.trim()).to.equal('Status notice dismissed');
      expect(focused.closest('[role="status"]')).not.to.equal(null);
      expect(shown(el)).to.be.false;
    });

    it('announces a critical update as an alert once per browser session, then politely', async () => {
      freezeNow(at(LAST_UPDATE, 5));
      const body = await feed((s) => (s.incidents[0].impact = 'critical'));
      const src = uniqueFeedUrl();
      const role = (el: StatusBanner) =>
        el.shadowRoot!.querySelector('[part~="message"]')!.getAttribute('role');
      const first = await banner(body, {}, src);
      expect(role(first)).to.equal('alert');
      first.remove();
      // The next page of the site, same update: no second interruption.
      const next = await banner(body, {}, src);
      expect(role(next)).to.equal('status');
      next.remove();
      // A new update is news again.
      const snapshot = (await feed(
        (s) => (s.incidents[0].impact = 'critical'),
      )) as unknown as StatusSnapshot;
      const incident = snapshot.incidents[0];
      // Remembered for the feed (its adapter and absolute URL), however src is written.
      const key = feedKey('native', new URL(src));
      expect(firstAnnouncement(key, incident)).to.be.false;
      expect(
        firstAnnouncement(key, {
          ...incident,
          updates: [{ ...incident.updates[0], id: 'newer' }],
        }),
      ).to.be.true;
    });
  });

  describe('a phone-sized screen', () => {
    afterEach(() => setViewport({ width: 800, height: 600 }));

    it('stops pinning on a short viewport (200% zoom), so its links are never cut off', async () => {
      freezeNow(at(LAST_UPDATE, 5));
      const el = await banner(await feed(() => {}), { position: 'top' });
      await setViewport({ width: 1280, height: 720 });
      expect(getComputedStyle(el).position).to.equal('sticky');
      // 1280×720 at 200% zoom is a 640×360 CSS-pixel viewport.
      await setViewport({ width: 640, height: 360 });
      expect(getComputedStyle(el).position).to.equal('static');
      const link = el.shadowRoot!.querySelector('[part~="link"]')!.getBoundingClientRect();
      const box = el.shadowRoot!.querySelector('[part~="base"]')!.getBoundingClientRect();
      expect(link.bottom).to.be.at.most(box.bottom);
    });

    it('never wraps the severity icon onto a line of its own (RTL too)', async () => {
      await setViewport({ width: 375, height: 667 });
      freezeNow(at(LAST_UPDATE, 5));
      const body = await feed((s) => {
        s.incidents[0].name = 'Degraded performance for webhooks deliveries to every region';
      });
      stubFetch(() => json(body));
      const box = place(
        html`<div dir="rtl">
          <status-banner src=${uniqueFeedUrl()} adapter="native" locale="en"></status-banner>
        </div>`,
      );
      const el = box.querySelector('status-banner') as StatusBanner;
      await settled(el);
      const icon = el.shadowRoot!.querySelector('[part~="title"] [part~="indicator"]')!;
      const name = el.shadowRoot!.querySelector('[part~="title"] strong')!;
      const top = (node: Element) => node.getBoundingClientRect().top;
      expect(Math.abs(top(icon) - top(name))).to.be.below(8);
    });
  });

  describe('links', () => {
    it('sends "more" to href when href replaces the status page', async () => {
      freezeNow(at(LAST_UPDATE, 5));
      const el = await banner(
        await feed((s) => (s.incidents[0].updates[0].body = 'word '.repeat(80))),
        { href: 'https://help.example.com/status' },
      );
      expect(el.shadowRoot!.querySelector('[part~="more"]')!.getAttribute('href')).to.equal(
        'https://help.example.com/status',
      );
      expect(el.shadowRoot!.querySelector('[part~="link"]')!.getAttribute('href')).to.equal(
        'https://help.example.com/status',
      );
    });
  });
});
