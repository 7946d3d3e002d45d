import { expect, fixture as render, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import sinon from 'sinon';
import '../helpers/lit-warnings.js';
import '../../../src/components/status-uptime/define.js';
import type { StatusUptime } from '../../../src/components/status-uptime/status-uptime.js';
import type { ComponentDay } from '../../../src/model/types.js';
import { getFeed } from '../../../src/feed/store.js';
import { msg } from '../../../src/i18n/index.js';
import {
  GITHUB_2020,
  GITHUB_INCIDENTS_2024,
  allOperational,
  deferred,
  fixture,
  freezeNow,
  githubHistory,
  json,
  nativeFrom,
  partText,
  parts,
  place,
  settled,
  stubFetch,
  summary,
  uniqueFeedUrl,
  type Json,
  type Summary,
} from '../helpers/feeds.js';

const NOW = '2026-03-12T12:00:00Z';

/**
 * A native feed of two components, as the reference server would serve it: the API
 * with a recorded history (an outage on 10 March, no data on 8 March), the web app
 * with none.
 */
function recordedFeed(history: ComponentDay[], extra: Json = {}): Json {
  return {
    version: 1,
    page: { name: 'Example', url: 'https://status.example.com/', timeZone: 'Etc/UTC' },
    indicator: 'operational',
    description: '',
    components: [
      { id: 'api', name: 'API', status: 'operational', history },
      { id: 'web', name: 'Web app', status: 'operational' },
    ],
    incidents: [
      {
        id: 'outage',
        name: 'API errors',
        status: 'resolved',
        impact: 'critical',
        createdAt: '2026-03-10T09:00:00Z',
        updatedAt: '2026-03-10T10:00:00Z',
        resolvedAt: '2026-03-10T10:00:00Z',
        url: 'https://status.example.com/incidents/outage',
        components: ['api'],
        updates: [],
      },
    ],
    maintenances: [],
    ...extra,
  };
}

const API_HISTORY: ComponentDay[] = [
  { date: '2026-03-06', uptime: 100, worst: 'operational' },
  { date: '2026-03-07', uptime: 100, worst: 'operational' },
  // 8 March: no data (the server was down).
  {
    date: '2026-03-09',
    uptime: 100,
    worst: 'degraded_performance',
    downtime: { degraded_performance: 15 },
  },
  { date: '2026-03-10', uptime: 95.8333, worst: 'major_outage', downtime: { major_outage: 60 } },
  { date: '2026-03-11', uptime: 100, worst: 'operational' },
  { date: '2026-03-12', uptime: 100, worst: 'operational' },
];

/**
 * A feed without recorded history whose incidents cross midnight UTC: an outage of
 * the API from 23:00 to 01:00 on the night of 9 to 10 March, and an older one.
 */
function incidentFeed(): Json {
  const feed = recordedFeed([]);
  (feed.components as Json[]).forEach((component) => delete component.history);
  feed.incidents = [
    {
      id: 'night',
      name: 'Night outage',
      status: 'resolved',
      impact: 'critical',
      createdAt: '2026-03-09T23:00:00Z',
      updatedAt: '2026-03-10T01:00:00Z',
      resolvedAt: '2026-03-10T01:00:00Z',
      components: ['api'],
      updates: [],
    },
    {
      id: 'old',
      name: 'Slow pages',
      status: 'resolved',
      impact: 'minor',
      createdAt: '2026-03-07T08:00:00Z',
      updatedAt: '2026-03-07T09:00:00Z',
      resolvedAt: '2026-03-07T09:00:00Z',
      components: ['web'],
      updates: [],
    },
  ];
  return feed;
}

async function uptimeFor(body: unknown, attrs: Record<string, string> = {}): Promise<StatusUptime> {
  stubFetch(() => json(body));
  const el = document.createElement('status-uptime');
  el.setAttribute('src', uniqueFeedUrl());
  el.setAttribute('adapter', 'native');
  el.setAttribute('locale', 'en');
  el.setAttribute('days', '7');
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  const box = place(html`<div></div>`);
  box.append(el);
  return settled(el);
}

/**
 * A Statuspage page (summary.json and incidents.json as given), drawn with `attrs`;
 * resolves once the strips are drawn.
 */
async function statuspageUptime(
  current: Summary,
  history: Json,
  attrs: Record<string, string>,
): Promise<StatusUptime> {
  sinon.stub(window, 'fetch').callsFake(async (input) => {
    const url = String(input instanceof Request ? input.url : input);
    return json(url.endsWith('/incidents.json') ? history : current);
  });
  const el = document.createElement('status-uptime');
  for (const [name, value] of Object.entries({
    src: uniqueFeedUrl(),
    adapter: 'statuspage',
    locale: 'en',
    ...attrs,
  }))
    el.setAttribute(name, value);
  place(html`<div></div>`).append(el);
  await waitUntil(() => parts(el, 'day').length, 'the strips were not drawn');
  await el.updateComplete;
  return el;
}

/** The strip of a component (by its position). */
const strip = (el: StatusUptime, index = 0) => parts(el, 'strip')[index];
const days = (el: StatusUptime, index = 0) => [
  ...strip(el, index).querySelectorAll<HTMLElement>('[part~="day"]'),
];
/** "date uptime indicator" per day of a strip, "-" where absent. */
const describeDays = (el: StatusUptime, index = 0) =>
  days(el, index).map(
    (day) => `${day.dataset.date} ${day.dataset.uptime ?? '-'} ${day.dataset.indicator ?? '-'}`,
  );
const focused = (el: StatusUptime) => el.shadowRoot!.activeElement as HTMLElement | null;

describe('<status-uptime>', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => (clock = freezeNow(NOW)));
  afterEach(() => {
    clock.restore();
    sinon.restore();
  });

  describe('loading', () => {
    it('shows a neutral skeleton', async () => {
      const answer = deferred<Response>();
      stubFetch(() => answer.promise);
      const el = await render<StatusUptime>(
        html`<status-uptime src=${uniqueFeedUrl()} adapter="native" locale="en"></status-uptime>`,
      );
      expect(el.getAttribute('state')).to.equal('loading');
      expect(partText(el, 'skeleton')).to.equal('Checking status…');
      await expect(el).to.be.accessible();
      answer.resolve(json(recordedFeed(API_HISTORY)));
      await settled(el);
    });
  });

  describe('recorded history', () => {
    it('draws the outage on its day with its uptime, and a day without data as no data', async () => {
      const el = await uptimeFor(recordedFeed(API_HISTORY));
      expect(describeDays(el)).to.deep.equal([
        '2026-03-06 100 operational',
        '2026-03-07 100 operational',
        '2026-03-08 - -',
        '2026-03-09 100 minor',
        '2026-03-10 95.83 major',
        '2026-03-11 100 operational',
        '2026-03-12 100 operational',
      ]);
      // Over the six days with data only: the missing day is not counted as 100 %.
      // Each day in its state's colour; a day without data hollow.
      const fill = (day: HTMLElement) => getComputedStyle(day).backgroundColor;
      expect(days(el).map(fill)).to.deep.equal([
        'rgb(26, 127, 55)',
        'rgb(26, 127, 55)',
        'rgba(0, 0, 0, 0)',
        'rgb(181, 137, 0)',
        'rgb(194, 65, 12)',
        'rgb(26, 127, 55)',
        'rgb(26, 127, 55)',
      ]);
      expect(partText(el, 'figure')).to.equal('99.3% uptime');
      expect(partText(el, 'days')).to.equal('over 6 days with data');
      expect(days(el)[4].getAttribute('aria-label')).to.equal(
        'Mar 10, 2026: 95.83% uptime; Major outage: 1 hr',
      );
      expect(days(el)[2].getAttribute('aria-label')).to.equal('Mar 8, 2026: No data');
      // The web app has no history of its own: every day is no data.
      expect(describeDays(el, 1).every((day) => day.endsWith(' - -'))).to.be.true;
      expect(parts(el, 'figure')[1].textContent!.trim()).to.equal('No data for these days');
      expect(parts(el, 'source')).to.have.length(0);
      expect(partText(el, 'legend')).to.equal(
        'Operational Degraded or partial outage Major outage Under maintenance No data',
      );
      await expect(el).to.be.accessible();
    });

    it('gives the summary before the strip, and names each strip', async () => {
      const el = await uptimeFor(recordedFeed(API_HISTORY));
      const item = parts(el, 'component')[0];
      const order = [...item.querySelectorAll('[part]')].map((node) => node.getAttribute('part'));
      expect(order.slice(0, 4)).to.deep.equal(['name', 'figure', 'days', 'strip']);
      expect(strip(el).getAttribute('role')).to.equal('toolbar');
      expect(strip(el).getAttribute('aria-label')).to.equal('\u2068API\u2069: the last 7 days');
    });

    it('counts the window in the zone the feed recorded its days in, unless time-zone says', async () => {
      // At 12:00 UTC on 12 March it is already 02:00 on 13 March in Kiritimati (UTC+14).
      const feed = recordedFeed(API_HISTORY);
      (feed.page as Json).timeZone = 'Pacific/Kiritimati';
      const el = await uptimeFor(feed);
      expect(days(el).at(-1)!.dataset.date).to.equal('2026-03-13');
      expect(days(el)[0].dataset.date).to.equal('2026-03-07');
      el.timeZone = 'UTC';
      await el.updateComplete;
      expect(days(el).at(-1)!.dataset.date).to.equal('2026-03-12');
    });

    it('draws only the components named, and the number of days asked', async () => {
      const el = await uptimeFor(recordedFeed(API_HISTORY), { components: 'API', days: '3' });
      expect(parts(el, 'component')).to.have.length(1);
      expect(describeDays(el).map((day) => day.slice(0, 10))).to.deep.equal([
        '2026-03-10',
        '2026-03-11',
        '2026-03-12',
      ]);
      expect(partText(el, 'figure')).to.equal('98.61% uptime');
    });

    it('draws at most `limit` strips and links to the status page for the rest', async () => {
      const el = await uptimeFor(recordedFeed(API_HISTORY), { limit: '1' });
      expect(parts(el, 'component')).to.have.length(1);
      expect(partText(el, 'more')).to.equal('And 1 more on the status page');
      await expect(el).to.be.accessible();
    });

    it('closes the details of a day the window no longer holds', async () => {
      const el = await uptimeFor(recordedFeed(API_HISTORY));
      days(el).at(-1)!.click();
      await el.updateComplete;
      expect(parts(el, 'tooltip')).to.have.length(1);
      el.days = 3;
      await el.updateComplete;
      expect(days(el)).to.have.length(3);
      expect(parts(el, 'tooltip')).to.have.length(0);
    });

    it('lets go of a focused day whose component leaves the feed', async () => {
      const feed = recordedFeed(API_HISTORY);
      let body: Json = feed;
      stubFetch(() => json(body));
      const src = uniqueFeedUrl();
      const el = await settled(
        await render<StatusUptime>(
          html`<status-uptime src=${src} adapter="native" locale="en" days="7"></status-uptime>`,
        ),
      );
      days(el)[4].focus();
      await el.updateComplete;
      expect(partText(el, 'tooltip')).to.contain('Mar 10, 2026');
      body = { ...feed, components: (feed.components as Json[]).slice(1) };
      await getFeed({ src, adapter: 'native' }).refresh();
      await el.updateComplete;
      expect(parts(el, 'component')).to.have.length(1);
      expect(parts(el, 'tooltip')).to.have.length(0);
    });

    it('keeps the window between 1 and 365 days', async () => {
      const el = await uptimeFor(recordedFeed(API_HISTORY), { days: '5000' });
      expect(days(el)).to.have.length(365);
      el.days = 0;
      await el.updateComplete;
      expect(days(el)).to.have.length(1);
    });
  });

  describe('history derived from incidents', () => {
    it('puts an outage across midnight on both days in UTC', async () => {
      const el = await uptimeFor(incidentFeed(), { 'time-zone': 'UTC' });
      expect(describeDays(el)).to.deep.equal([
        '2026-03-06 - -',
        '2026-03-07 100 operational',
        '2026-03-08 100 operational',
        '2026-03-09 95.83 major',
        '2026-03-10 95.83 major',
        '2026-03-11 100 operational',
        '2026-03-12 100 operational',
      ]);
      expect(partText(el, 'source')).to.equal(
        'Derived from the incidents the status page reported',
      );
      await expect(el).to.be.accessible();
    });

    it('moves it to one day where the time zone puts both hours on it (Shanghai)', async () => {
      const el = await uptimeFor(incidentFeed(), { 'time-zone': 'Asia/Shanghai' });
      const byDate = Object.fromEntries(days(el).map((d) => [d.dataset.date, d.dataset.uptime]));
      expect(byDate['2026-03-09']).to.equal('100');
      expect(byDate['2026-03-10']).to.equal('91.66');
      expect(days(el).at(-1)!.dataset.date).to.equal('2026-03-12');
    });

    it('cuts the days anew when the time zone changes', async () => {
      const el = await uptimeFor(incidentFeed(), { 'time-zone': 'UTC' });
      const uptimeOn = (date: string) =>
        days(el).find((day) => day.dataset.date === date)?.dataset.uptime;
      expect(uptimeOn('2026-03-10')).to.equal('95.83');
      el.timeZone = 'Asia/Shanghai';
      await el.updateComplete;
      expect(uptimeOn('2026-03-10')).to.equal('91.66');
      expect(uptimeOn('2026-03-09')).to.equal('100');
    });

    it('derives GitHub’s history from its recorded incident list', async () => {
      clock.restore();
      clock = freezeNow('2024-09-17T12:00:00Z');
      const el = await uptimeFor(nativeFrom(await githubHistory()), {
        'time-zone': 'UTC',
        days: '3',
        components: 'GitHub Actions',
      });
      // The list begins at 13:29 on 16 September: the day before is no data, never
      // 100 %; the 37-minute partial outage of Actions counts against the 10.5 hours
      // the list covers of that day.
      expect(describeDays(el)).to.deep.equal([
        '2024-09-15 - -',
        // The updates put Actions in major outage from 21:37 to 21:55 (affected_components).
        '2024-09-16 94.03 major',
        '2024-09-17 100 operational',
      ]);
      expect(partText(el, 'days')).to.equal('over 2 days with data');
      expect(partText(el, 'source')).to.equal(
        'Derived from the incidents the status page reported',
      );
      await expect(el).to.be.accessible();
    });
  });

  describe('GitHub’s outage of 2 April 2020 (Statuspage)', () => {
    /**
     * The recorded summary at 21:00 UTC, and as the resolved history GitHub's incidents
     * recorded in 2024 moved whole days back to the day before (the 2020 recording has
     * no incidents.json), so the list covers today and yesterday.
     */
    async function github2020(attrs: Record<string, string> = {}) {
      clock.restore();
      clock = freezeNow('2020-04-02T21:00:00Z');
      const current = await summary(GITHUB_2020);
      const shift = Date.UTC(2020, 3, 1) - Date.UTC(2024, 8, 16);
      const moved = JSON.parse(
        JSON.stringify(await fixture<Summary>(GITHUB_INCIDENTS_2024)),
        (_, v) =>
          typeof v === 'string' && /^2024-\d\d-\d\dT/.test(v)
            ? new Date(Date.parse(v) + shift).toISOString()
            : v,
      ) as Summary;
      const history = { ...moved, incidents: [...current.incidents, ...moved.incidents] };
      const el = await statuspageUptime(current, history, {
        days: '3',
        'time-zone': 'UTC',
        ...attrs,
      });
      return { el, current };
    }

    it('draws no component in major outage as 100 % or green today', async () => {
      const { el, current } = await github2020();
      const down = current.components.filter((c) => c.status === 'major_outage');
      expect(down).to.have.length(5);
      const strips = parts(el, 'strip');
      const green = getComputedStyle(
        el.shadowRoot!.querySelector('[part~="swatch"][data-indicator="operational"]')!,
      ).backgroundColor;
      for (const { id, name } of down) {
        const index = strips.findIndex((s) => s.dataset.component === id);
        const today = days(el, index).at(-1)!;
        expect(today.dataset.date, name).to.equal('2020-04-02');
        expect(today.dataset.indicator, name).to.equal('major');
        expect(Number(today.dataset.uptime), name).to.be.below(100);
        expect(getComputedStyle(today).backgroundColor, name).not.to.equal(green);
        const figure = parts(el, 'figure')[index].textContent!.trim();
        expect(figure, name).to.match(/^\d+(\.\d+)?% uptime$/);
        expect(figure, name).not.to.equal('100% uptime');
      }
      // Git Operations has been down since 20:26: 34 minutes of the 21 hours so far.
      const git = strips.findIndex((s) => s.dataset.component === '8l4ygp009s5s');
      expect(days(el, git).at(-1)!.getAttribute('aria-label')).to.equal(
        'Apr 2, 2020: 97.33% uptime; Major outage: 34 min',
      );
      await expect(el).to.be.accessible();
    });

    it('draws the component the incident names but the page calls operational as up', async () => {
      const { el } = await github2020({
        components: 'Visit www.githubstatus.com for more information',
      });
      expect(describeDays(el)).to.deep.equal([
        '2020-03-31 - -',
        '2020-04-01 100 operational',
        '2020-04-02 100 operational',
      ]);
    });
  });

  describe('a Statuspage page', () => {
    it('asks the store for the resolved history once, and derives the days from it', async () => {
      clock.restore();
      clock = freezeNow('2024-09-17T12:00:00Z');
      const history = await fixture<Json>(GITHUB_INCIDENTS_2024);
      const current = await summary(undefined, allOperational);
      const urls: string[] = [];
      sinon.stub(window, 'fetch').callsFake(async (input) => {
        const url = String(input instanceof Request ? input.url : input);
        urls.push(url);
        return json(url.endsWith('/incidents.json') ? history : current);
      });
      const src = uniqueFeedUrl();
      const el = document.createElement('status-uptime');
      for (const [name, value] of Object.entries({
        src,
        adapter: 'statuspage',
        locale: 'en',
        days: '3',
        'time-zone': 'UTC',
        components: 'GitHub Actions',
      }))
        el.setAttribute(name, value);
      place(html`<div></div>`).append(el);
      await waitUntil(() => parts(el, 'day').length === 3, 'the strip was not drawn');
      await el.updateComplete;
      expect(describeDays(el)).to.deep.equal([
        '2024-09-15 - -',
        // The updates put Actions in major outage from 21:37 to 21:55 (affected_components).
        '2024-09-16 94.03 major',
        '2024-09-17 100 operational',
      ]);
      expect(urls.filter((url) => url.endsWith('/incidents.json'))).to.have.length(1);
      // A poll while the page says nothing changed reads the summary alone.
      await getFeed({ src, adapter: 'statuspage' }).refresh();
      expect(urls.filter((url) => url.endsWith('/summary.json'))).to.have.length(2);
      expect(urls.filter((url) => url.endsWith('/incidents.json'))).to.have.length(1);
    });
  });

  describe('a recorded history and the present', () => {
    it('does not draw a recorded 100 % today green while the component is down now', async () => {
      const feed = recordedFeed(API_HISTORY);
      Object.assign((feed.components as Json[])[0], {
        status: 'major_outage',
        updatedAt: '2026-03-12T11:00:00Z',
      });
      const el = await uptimeFor(feed);
      // The record measured 100 % up to when it was written; down since 11:00 since.
      expect(describeDays(el).at(-1)).to.equal('2026-03-12 91.66 major');
      expect(describeDays(el).slice(0, -1)).to.deep.equal([
        '2026-03-06 100 operational',
        '2026-03-07 100 operational',
        '2026-03-08 - -',
        '2026-03-09 100 minor',
        '2026-03-10 95.83 major',
        '2026-03-11 100 operational',
      ]);
      expect(days(el).at(-1)!.getAttribute('aria-label')).to.equal(
        'Mar 12, 2026: 91.66% uptime; Major outage: 1 hr',
      );
    });
  });

  describe('no history', () => {
    it('says a feed without components (RSS) has none, instead of an empty box', async () => {
      clock.restore();
      clock = freezeNow('2024-09-17T12:00:00Z');
      const rss = await (await window.fetch('/test/fixtures/feed/documented-history.rss')).text();
      stubFetch(() => new Response(rss, { headers: { 'content-type': 'application/rss+xml' } }));
      const el = await settled(
        await render<StatusUptime>(
          html`<status-uptime src=${uniqueFeedUrl()} adapter="feed" locale="en"></status-uptime>`,
        ),
      );
      expect(el.getAttribute('state')).to.equal('ready');
      expect(partText(el, 'empty')).to.equal(msg('en', 'uptime.none'));
      expect(parts(el, 'list')).to.have.length(0);
      expect(parts(el, 'legend')).to.have.length(0);
      expect(parts(el, 'link')[0].getAttribute('href')).to.equal('https://status.example.com/');
      await expect(el).to.be.accessible();
    });

    it('says the feed has none, with the status page link', async () => {
      const feed = incidentFeed();
      feed.incidents = [];
      const el = await uptimeFor(feed);
      expect(partText(el, 'empty')).to.equal('No uptime history is available.');
      expect(parts(el, 'link')[0].getAttribute('href')).to.equal('https://status.example.com/');
      expect(parts(el, 'day')).to.have.length(0);
      await expect(el).to.be.accessible();
    });
  });

  describe('keyboard, hover and tap', () => {
    it('is one tab stop per strip; the arrow keys move across days and show each one', async () => {
      const el = await uptimeFor(recordedFeed(API_HISTORY));
      const tabbable = parts(el, 'day').filter((day) => day.tabIndex === 0);
      expect(tabbable.map((day) => day.dataset.date)).to.deep.equal(['2026-03-12', '2026-03-12']);
      tabbable[0].focus();
      await el.updateComplete;
      expect(partText(el, 'tooltip')).to.equal('Mar 12, 2026 100% uptime No incidents reported');
      await sendKeys({ press: 'ArrowLeft' });
      await sendKeys({ press: 'ArrowLeft' });
      await el.updateComplete;
      expect(focused(el)!.dataset.date).to.equal('2026-03-10');
      expect(days(el).filter((day) => day.tabIndex === 0)).to.deep.equal([focused(el)]);
      expect(partText(el, 'tooltip')).to.equal(
        'Mar 10, 2026 95.83% uptime Major outage: 1 hr API errors',
      );
      const link = parts(el, 'incident')[0] as HTMLAnchorElement;
      expect(link.href).to.equal('https://status.example.com/incidents/outage');
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Home' });
      await el.updateComplete;
      expect(focused(el)!.dataset.date).to.equal('2026-03-06');
      await sendKeys({ press: 'End' });
      await el.updateComplete;
      expect(focused(el)!.dataset.date).to.equal('2026-03-12');
      await sendKeys({ press: 'ArrowRight' });
      expect(focused(el)!.dataset.date).to.equal('2026-03-12');
      // Tab leaves the strip for the next one: the web app's.
      await sendKeys({ press: 'Tab' });
      await el.updateComplete;
      expect(focused(el)!.closest('[part~="strip"]')).to.equal(strip(el, 1));
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(parts(el, 'tooltip')).to.have.length(0);
    });

    it('follows the reading direction in a right-to-left page', async () => {
      const el = await uptimeFor(recordedFeed(API_HISTORY), { dir: 'rtl' });
      const [first, last] = [days(el)[0], days(el).at(-1)!];
      // The oldest day is on the right.
      expect(first.getBoundingClientRect().left).to.be.greaterThan(
        last.getBoundingClientRect().left,
      );
      last.focus();
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(focused(el)!.dataset.date).to.equal('2026-03-11');
      await sendKeys({ press: 'ArrowLeft' });
      expect(focused(el)!.dataset.date).to.equal('2026-03-12');
      await expect(el).to.be.accessible();
    });

    it('shows a day on hover, keeps it while the pointer is on its details, and hides it after', async () => {
      const el = await uptimeFor(recordedFeed(API_HISTORY));
      days(el)[2].dispatchEvent(new PointerEvent('pointerenter'));
      await el.updateComplete;
      expect(partText(el, 'tooltip')).to.equal('Mar 8, 2026 No data');
      parts(el, 'component')[0].dispatchEvent(new PointerEvent('pointerleave'));
      await el.updateComplete;
      expect(parts(el, 'tooltip')).to.have.length(0);
    });

    it('shows a day on a tap', async () => {
      const el = await uptimeFor(recordedFeed(API_HISTORY));
      days(el)[3].click();
      await el.updateComplete;
      expect(partText(el, 'tooltip')).to.equal(
        'Mar 9, 2026 100% uptime Degraded performance: 15 min No incidents reported',
      );
      expect(focused(el)).to.equal(days(el)[3]);
      // The tapped day has the focus: the finger lifting off the screen does not close it.
      parts(el, 'component')[0].dispatchEvent(
        new PointerEvent('pointerleave', { pointerType: 'touch' }),
      );
      await el.updateComplete;
      expect(parts(el, 'tooltip')).to.have.length(1);
    });
  });

  describe('a 375 px wide phone', () => {
    afterEach(() => setViewport({ width: 800, height: 600 }));

    for (const count of ['90', '365']) {
      it(`scrolls ${count} days, no bar thinner than a pixel, today in view`, async () => {
        await setViewport({ width: 375, height: 700 });
        const feed = recordedFeed(API_HISTORY);
        (feed['components'] as Json[])[0]['name'] = 'Custom domains and TLS';
        const el = await uptimeFor(feed, { days: count });
        const row = strip(el);
        await waitUntil(() => row.scrollLeft > 0 || row.scrollWidth <= row.clientWidth);
        expect(el.getBoundingClientRect().width).to.be.at.most(375);
        const widths = days(el).map((day) => day.getBoundingClientRect().width);
        expect(Math.min(...widths)).to.be.at.least(1);
        expect(row.scrollWidth).to.be.greaterThan(row.clientWidth);
        const today = days(el).at(-1)!.getBoundingClientRect();
        const view = row.getBoundingClientRect();
        expect(today.right).to.be.at.most(view.right + 1);
        expect(today.left).to.be.at.least(view.left);
        // The figure moves under a name it would squeeze, never the name letter by letter.
        const name = el.shadowRoot!.querySelector('[part~="name"]')!;
        const lines = document.createRange();
        lines.selectNodeContents(name);
        expect(lines.getClientRects().length, 'the name on one line').to.equal(1);
        await expect(el).to.be.accessible();
      });
    }
  });

  describe('languages and themes', () => {
    it('speaks Simplified Chinese', async () => {
      const el = await uptimeFor(recordedFeed(API_HISTORY), { locale: 'zh-CN' });
      expect(partText(el, 'figure')).to.equal('可用性 99.3%');
      expect(partText(el, 'days')).to.equal('基于 6 天的数据');
      expect(days(el)[4].getAttribute('aria-label')).to.equal(
        '2026年3月10日：可用性 95.83%；重大中断：1小时',
      );
      await expect(el).to.be.accessible();
    });

    it('passes axe in the dark theme', async () => {
      const el = await uptimeFor(recordedFeed(API_HISTORY), { theme: 'dark' });
      days(el)[4].focus();
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });

    it('shows the last good history as stale when the feed stops answering', async () => {
      let fail = false;
      stubFetch(() =>
        fail ? new Response('down', { status: 503 }) : json(recordedFeed(API_HISTORY)),
      );
      const src = uniqueFeedUrl();
      const el = await settled(
        await render<StatusUptime>(
          html`<status-uptime src=${src} adapter="native" locale="en" days="7"></status-uptime>`,
        ),
      );
      fail = true;
      await getFeed({ src, adapter: 'native' }).refresh();
      await settled(el, 'stale');
      expect(partText(el, 'stale')).to.match(/^Status as of/);
      expect(parts(el, 'day')).to.have.length(14);
      await expect(el).to.be.accessible();
    });
  });
});
