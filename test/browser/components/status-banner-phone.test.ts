// On a phone the promise is kept in view: at 320 and 375 px, in English, Chinese and
// on a right-to-left page, the title, the severity and the line that says when the
// next update is due (or that it is late, or when a maintenance starts) show without
// tapping; an opened, pinned banner never cuts its text off and its toggle stays in reach.
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { html, render as renderInto } from 'lit';
import sinon from 'sinon';
import '../helpers/lit-warnings.js';
import '../../../src/components/status-banner/define.js';
import type { StatusBanner } from '../../../src/components/status-banner/status-banner.js';
import type { StatusSnapshot } from '../../../src/model/types.js';
import {
  freezeNow,
  json,
  nativeFrom,
  settled,
  stubFetch,
  summary,
  uniqueFeedUrl,
  afterGithubUpdate,
} from '../helpers/feeds.js';

// The GitHub recording, re-served natively: one major incident, last updated 20:26:36 UTC.
const at = afterGithubUpdate;

const STATES: Record<string, { now: string; edit: (s: StatusSnapshot) => void; line: string }> = {
  'the next update': {
    now: at(10),
    edit: (s) => (s.incidents[0].nextUpdateAt = at(40)),
    line: 'timestamp',
  },
  overdue: {
    now: at(45),
    edit: (s) => (s.incidents[0].nextUpdateAt = at(30)),
    line: 'overdue',
  },
  'a maintenance start': {
    now: at(10),
    edit: (s) => {
      s.incidents = [];
      s.components.forEach((c) => (c.status = 'operational'));
      s.maintenances = [
        {
          id: 'db',
          name: 'Database upgrade',
          status: 'scheduled',
          impact: 'maintenance',
          createdAt: at(0),
          updatedAt: at(0),
          scheduledFor: at(120),
          scheduledUntil: at(240),
          components: [],
          updates: [
            { id: 'db-1', status: 'scheduled', body: 'Git pushes may be slow.', createdAt: at(0) },
          ],
        },
      ];
    },
    line: 'timestamp',
  },
};

const placed: HTMLElement[] = [];

/** The banner first in <body>, so "in the viewport" means what a visitor sees on arrival. */
async function banner(
  edit: (s: StatusSnapshot) => void,
  { locale = 'en', dir = 'ltr', position = '' } = {},
): Promise<StatusBanner> {
  const body = nativeFrom(await summary(), (s) => {
    s.page.subscribeUrl = 'https://www.githubstatus.com/#subscribe';
    edit(s);
  });
  stubFetch(() => json(body));
  const box = document.createElement('div');
  box.dir = dir;
  document.body.prepend(box);
  placed.push(box);
  renderInto(
    html`<status-banner
      src=${uniqueFeedUrl()}
      adapter="native"
      locale=${locale}
      time-zone="UTC"
      position=${position || 'inline'}
    ></status-banner>`,
    box,
  );
  window.scrollTo(0, 0);
  return settled(box.firstElementChild as StatusBanner);
}

const part = (el: StatusBanner, name: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;

/** Shown, inside the viewport, and not cut off by any box that clips it. */
function expectInView(node: HTMLElement | null, what: string): void {
  expect(node, what).to.exist;
  expect(getComputedStyle(node!).display, what).not.to.equal('none');
  const r = node!.getBoundingClientRect();
  expect(r.height, `${what} height`).to.be.above(0);
  expect(r.top, `${what} top`).to.be.at.least(0);
  expect(r.left, `${what} left`).to.be.at.least(0);
  expect(r.bottom, `${what} bottom`).to.be.at.most(innerHeight);
  expect(r.right, `${what} right`).to.be.at.most(innerWidth);
  for (let box = node!.parentElement; box; box = box.parentElement) {
    const style = getComputedStyle(box);
    if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
    const b = box.getBoundingClientRect();
    expect(r.top >= b.top - 0.5 && r.bottom <= b.bottom + 0.5, `${what} clipped`).to.be.true;
    expect(r.left >= b.left - 0.5 && r.right <= b.right + 0.5, `${what} clipped`).to.be.true;
  }
}

describe('<status-banner> on a phone', () => {
  beforeEach(() => localStorage.clear());
  afterEach(async () => {
    placed.splice(0).forEach((box) => box.remove());
    sinon.restore();
    await setViewport({ width: 800, height: 600 });
  });

  for (const [width, height] of [
    [320, 568],
    [375, 667],
  ]) {
    for (const [page, options] of [
      ['en', { locale: 'en' }],
      ['zh-CN', { locale: 'zh-CN' }],
      ['an RTL page', { locale: 'en', dir: 'rtl' }],
    ] as const) {
      for (const [state, { now, edit, line }] of Object.entries(STATES)) {
        it(`shows ${state} without tapping at ${width} px (${page})`, async () => {
          await setViewport({ width, height });
          freezeNow(now);
          const el = await banner(edit, options);
          expect(part(el, 'toggle').getAttribute('aria-expanded')).to.equal('false');
          expectInView(part(el, 'title'), 'title');
          expectInView(part(el, 'status'), 'severity');
          expectInView(part(el, line), line);
          // Behind Details: only the update text and the secondary links.
          expect(getComputedStyle(part(el, 'update')).display).to.equal('none');
          expect(getComputedStyle(part(el, 'subscribe')).display).to.equal('none');
          await expect(el).to.be.accessible();
        });
      }
    }
  }

  it('stays within a quarter of a 375 × 667 screen while closed, its promise kept', async () => {
    await setViewport({ width: 375, height: 667 });
    freezeNow(at(10));
    const el = await banner(STATES['the next update'].edit);
    expect(el.getBoundingClientRect().height).to.be.at.most(667 / 4);
  });

  for (const [width, height, page, options] of [
    [375, 667, 'en', { locale: 'en' }],
    [320, 568, 'zh-CN', { locale: 'zh-CN' }],
    [320, 568, 'an RTL page', { locale: 'en', dir: 'rtl' }],
  ] as const) {
    it(`cuts nothing off with Details open on a pinned banner, at ${width} px (${page})`, async () => {
      await setViewport({ width, height });
      freezeNow(at(45));
      const el = await banner(
        (s) => {
          const incident = s.incidents[0];
          incident.nextUpdateAt = at(30);
          incident.impact = 'critical';
          incident.name = 'Checkout payments failing for some customers in every region';
          incident.updates[0].body =
            'We are investigating reports of failed payments for customers in every region. ' +
            'Card payments through our main provider are affected; invoices are not. ' +
            'Details: https://www.githubstatus.com/incidents/n0wskg2n6bvy';
        },
        { ...options, position: 'top' },
      );
      // The reader has scrolled down the page: the banner is pinned.
      const filler = document.createElement('div');
      filler.style.height = '3000px';
      placed[0].append(filler);
      window.scrollTo(0, 1000);
      const toggle = part(el, 'toggle');
      toggle.click();
      await el.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      expectInView(toggle, 'toggle');
      expectInView(part(el, 'link'), 'status page link');
      const base = part(el, 'base');
      expect(base.scrollHeight, 'the banner box cuts nothing').to.be.at.most(base.clientHeight + 1);
      expect(base.scrollWidth, 'nothing runs out sideways').to.be.at.most(base.clientWidth + 1);
      expect(base.getBoundingClientRect().height).to.be.at.most(height / 2 + 1);
      // The text that does not fit scrolls inside, with a visible cue, to its last line.
      const scroller = el.shadowRoot!.querySelector<HTMLElement>('.scroll')!;
      if (scroller.scrollHeight > scroller.clientHeight + 1) {
        expect(getComputedStyle(scroller).overflowY).to.equal('auto');
        expect(getComputedStyle(scroller).backgroundImage).to.contain('gradient');
        scroller.scrollTop = scroller.scrollHeight;
      }
      expectInView(part(el, 'overdue'), 'overdue, scrolled to');
    });
  }
});
