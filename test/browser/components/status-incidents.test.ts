import { expect, fixture as render, html, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import { diagnostics } from '../helpers/lit-warnings.js';
import '../../../src/components/status-incidents/define.js';
import '../../../src/components/status-components/define.js';
import type { StatusIncidents } from '../../../src/components/status-incidents/status-incidents.js';
import { getFeed } from '../../../src/feed/store.js';
import { MAX_ITEMS } from '../../../src/model/bounds.js';
import {
  DOCUMENTED_MAINTENANCE,
  allOperational,
  deferred,
  fixture,
  freezeNow,
  githubHistory,
  json,
  partText,
  place,
  parts,
  renderStale,
  settled,
  stubFetch,
  summary,
  uniqueFeedUrl,
  nativeFrom,
  type Json,
  type Summary,
} from '../helpers/feeds.js';

// The day after GitHub's recorded incidents of 2024-09-16.
const NEXT_DAY = '2024-09-17T09:00:00Z';

async function listFor(
  body: unknown,
  attrs: Record<string, string> = {},
): Promise<StatusIncidents> {
  stubFetch(typeof body === 'function' ? (body as () => Response) : () => json(body));
  const el = document.createElement('status-incidents');
  el.setAttribute('src', uniqueFeedUrl());
  el.setAttribute('locale', 'en');
  el.setAttribute('time-zone', 'UTC');
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  const box = place(html`<div></div>`);
  box.append(el);
  return settled(el);
}

const titles = (el: StatusIncidents) =>
  parts(el, 'title').map((t) => t.textContent!.replace(/\s+/g, ' ').trim());

describe('<status-incidents>', () => {
  afterEach(() => sinon.restore());

  describe('loading', () => {
    for (const locale of ['en', 'zh-CN']) {
      it(`shows a neutral skeleton with the loading message for screen readers (${locale})`, async () => {
        const answer = deferred<Response>();
        stubFetch(() => answer.promise);
        const el = await render<StatusIncidents>(
          html`<status-incidents src=${uniqueFeedUrl()} locale=${locale}></status-incidents>`,
        );
        await el.updateComplete;
        const skeleton = el.shadowRoot!.querySelector('[part~="skeleton"]')!;
        expect(skeleton.getAttribute('aria-busy')).to.equal('true');
        expect(skeleton.textContent!.trim()).to.equal(
          locale === 'en' ? 'Checking status…' : '正在检查状态…',
        );
        expect(el.getBoundingClientRect().height).to.be.above(40);
        await expect(el).to.be.accessible();
        answer.resolve(json(await githubHistory()));
        await settled(el);
      });
    }
  });

  describe('ready, with GitHub’s recorded incident history', () => {
    const expected = {
      en: {
        status: 'Major impact · Resolved',
        // Each feed-supplied name is bidi-isolated (U+2068 … U+2069).
        affected: 'Affects \u2068GitHub Actions\u2069, \u2068GitHub Pages\u2069',
        times:
          'Started Sep 16, 2024, 9:31 PM UTC · Resolved Sep 16, 2024, 10:08 PM UTC · Lasted 38 min',
        toggle: 'Earlier updates (5)',
      },
      'zh-CN': {
        status: '重大影响 · 已解决',
        affected: '受影响：\u2068GitHub Actions\u2069、\u2068GitHub Pages\u2069',
        times: '开始于 2024年9月16日 UTC 21:31 · 解决于 2024年9月16日 UTC 22:08 · 持续 38分钟',
        toggle: '更早的更新（5）',
      },
    };
    for (const [locale, words] of Object.entries(expected)) {
      it(`lists each incident with impact, status, components, times and duration (${locale})`, async () => {
        freezeNow(NEXT_DAY);
        const el = await listFor(await githubHistory(), { locale });
        expect(titles(el)).to.deep.equal([
          'Incident with Pages and Actions',
          'Disruption with Git SSH',
        ]);
        expect(partText(el, 'status')).to.equal(words.status);
        expect(partText(el, 'affected')).to.equal(words.affected);
        expect(partText(el, 'timestamp')).to.equal(words.times);
        expect(partText(el, 'toggle')).to.equal(words.toggle);
        expect(el.shadowRoot!.querySelector('[part~="title"] a')!.getAttribute('href')).to.equal(
          'https://stspg.io/mc6sr407p78b',
        );
        await expect(el).to.be.accessible();
      });
    }

    it('shows the latest update and opens the earlier ones on request', async () => {
      freezeNow(NEXT_DAY);
      const el = await listFor(await githubHistory());
      const first = parts(el, 'incident')[0];
      expect(first.querySelectorAll('[part~="update"]')).to.have.length(1);
      expect(first.querySelector('[part~="update"] p')!.textContent).to.equal(
        'This incident has been resolved.',
      );
      first.querySelector<HTMLElement>('summary')!.click();
      await waitUntil(() => first.querySelectorAll('[part~="update"]').length === 6);
      // The recording's "<br />" became a line break, never markup.
      const bodies = [...first.querySelectorAll('[part~="update"] p')].map((p) => p.textContent!);
      expect(bodies.join('\n')).not.to.contain('<br');
      await expect(el).to.be.accessible();
    });

    it('keeps the earlier updates a reader opened with their incident when a new one arrives above it', async () => {
      freezeNow(NEXT_DAY);
      const body = await githubHistory();
      let answer = body;
      const el = await listFor(() => json(answer), { days: '2000' });
      const opened = titles(el)[0];
      parts(el, 'incident')[0].querySelector<HTMLElement>('summary')!.click();
      await waitUntil(
        () => parts(el, 'incident')[0].querySelectorAll('[part~="update"]').length === 6,
      );

      answer = { ...body, incidents: [...body.incidents, (await summary()).incidents[0]] };
      await getFeed({ src: el.getAttribute('src')! }).refresh();
      await waitUntil(() => titles(el)[0] !== opened);
      await el.updateComplete;
      const [added, moved] = parts(el, 'incident');
      expect(titles(el)[1]).to.equal(opened);
      expect(moved.querySelectorAll('[part~="update"]')).to.have.length(6);
      expect(added.querySelector('details')?.open ?? false).to.be.false;
      expect(added.querySelectorAll('[part~="update"]')).to.have.length(1);
    });

    it('puts active incidents first, then resolved ones newest first', async () => {
      freezeNow(NEXT_DAY);
      const active = await summary();
      const body = await githubHistory();
      body.incidents = [...body.incidents, active.incidents[0]];
      const el = await listFor(body, { days: '2000' });
      expect(titles(el)).to.deep.equal([
        'Incident on 2020-04-02 20:20 UTC',
        'Incident with Pages and Actions',
        'Disruption with Git SSH',
      ]);
    });

    it('links the postmortem when one is published', async () => {
      freezeNow(NEXT_DAY);
      const body = await githubHistory();
      body.incidents[1].postmortem_published_at = '2024-09-17T08:00:00Z';
      const el = await listFor(body);
      const links = parts(el, 'postmortem');
      expect(links).to.have.length(1);
      expect(links[0].getAttribute('href')).to.equal('https://stspg.io/36jl4xpkpcvz');
    });

    it('keeps at most `limit` incidents', async () => {
      freezeNow(NEXT_DAY);
      const el = await listFor(await githubHistory(), { limit: '1' });
      expect(titles(el)).to.deep.equal(['Incident with Pages and Actions']);
    });

    it('lists maintenances after the incidents with show-maintenance', async () => {
      freezeNow('2026-11-20T20:00:00Z');
      const el = await listFor(await summary(DOCUMENTED_MAINTENANCE), { 'show-maintenance': '' });
      expect(partText(el, 'heading')).to.equal('Maintenance');
      expect(titles(el)).to.deep.equal([
        'Database storage upgrade',
        'Network provider failover test',
      ]);
      const statuses = parts(el, 'status').map((p) => p.textContent!.trim());
      expect(statuses).to.deep.equal(['Maintenance · In progress', 'No impact · Scheduled']);
      // Not yet over: the window is a planned length, never "Lasted".
      const times = parts(el, 'timestamp').map((p) => p.textContent!.trim());
      expect(times).to.have.length(2);
      for (const line of times) expect(line).to.match(/ · Expected to last \d+ hr$/);
      await expect(el).to.be.accessible();
    });
  });

  describe('the components filter', () => {
    it('lists only incidents touching the named components', async () => {
      freezeNow(NEXT_DAY);
      const el = await listFor(await githubHistory(), { components: 'GitHub Pages' });
      expect(titles(el)).to.deep.equal(['Incident with Pages and Actions']);
    });
  });

  describe('empty', () => {
    for (const [locale, words] of [
      ['en', 'No incidents in the last 30 days'],
      ['zh-CN', '最近 30 天内没有事件'],
    ]) {
      it(`says there were no incidents in the window (${locale})`, async () => {
        freezeNow('2024-10-20T00:00:00Z');
        const el = await listFor(await githubHistory(), { days: '30', locale });
        expect(partText(el, 'empty')).to.equal(words);
        await expect(el).to.be.accessible();
      });
    }
  });

  describe('a source whose past was not read', () => {
    /** Answers `routes` by the end of the URL's path; 404 for anything else. */
    function route(routes: Record<string, () => Promise<unknown>>): void {
      sinon.stub(window, 'fetch').callsFake(async (input) => {
        const path = new URL(String(input instanceof Request ? input.url : input)).pathname;
        const found = Object.entries(routes).find(([end]) => path.endsWith(end));
        return found ? json(await found[1]()) : new Response('not found', { status: 404 });
      });
    }

    async function list(src: string, attrs = ''): Promise<StatusIncidents> {
      const box = place(html`<div></div>`);
      box.innerHTML = `<status-incidents src="${src}" locale="en" time-zone="UTC" ${attrs}></status-incidents>`;
      return settled(box.firstElementChild as StatusIncidents);
    }

    it('says nothing about the past when Statuspage’s incidents.json is missing, and links to the status page', async () => {
      const body = await summary(DOCUMENTED_MAINTENANCE);
      allOperational(body);
      route({ 'summary.json': async () => body });
      const el = await list(uniqueFeedUrl());
      expect(parts(el, 'empty'), el.shadowRoot!.textContent!).to.have.length(0);
      expect(el.shadowRoot!.textContent).not.to.match(/No incidents/);
      const history = el.shadowRoot!.querySelector<HTMLAnchorElement>('[part~="history"] a')!;
      expect(history.textContent!.trim()).to.equal('Past incidents are on the status page');
      // It is the status page link: not said twice.
      expect(el.shadowRoot!.querySelectorAll('a[part~="link"]')).to.have.length(1);
      expect(history.href).to.equal(
        (body as unknown as { page: { url: string } }).page.url.replace(/\/?$/, '/'),
      );
      await expect(el).to.be.accessible();
    });

    it('says nothing about the past on an Uptime Kuma page, which has none', async () => {
      const heartbeat = await fixture('uptime-kuma/documented-heartbeat.json');
      const page = await fixture('uptime-kuma/documented-status-page.json');
      route({
        '/api/status-page/heartbeat/main': async () => heartbeat,
        '/api/status-page/main': async () => page,
      });
      const el = await list(`${uniqueFeedUrl()}/status/main`, 'adapter="uptime-kuma"');
      expect(el.state, String((el as unknown as { feed: { error?: Error } }).feed.error)).to.equal(
        'ready',
      );
      expect(el.shadowRoot!.textContent).not.to.match(/No incidents/);
      expect(partText(el, 'history')).to.equal('Past incidents are on the status page');
    });

    it('still says "No incidents" when incidents.json was read', async () => {
      freezeNow('2024-10-20T00:00:00Z');
      const el = await listFor(await githubHistory(), { days: '30' });
      expect(partText(el, 'empty')).to.equal('No incidents in the last 30 days');
      expect(parts(el, 'history')).to.have.length(0);
    });
  });

  describe('stale', () => {
    for (const [locale, words] of [
      ['en', 'the latest status can’t be loaded right now'],
      ['zh-CN', '暂时无法获取最新状态'],
    ]) {
      it(`keeps the list and says how old it is (${locale})`, async () => {
        freezeNow(NEXT_DAY);
        const body = await githubHistory();
        const el = await renderStale<StatusIncidents>(
          (src) => html`<status-incidents src=${src} locale=${locale}></status-incidents>`,
          body,
        );
        expect(parts(el, 'incident')).to.have.length(2);
        expect(partText(el, 'stale')).to.contain(words);
        await expect(el).to.be.accessible();
      });
    }
  });

  describe('error', () => {
    for (const [locale, words] of [
      ['en', 'Try again'],
      ['zh-CN', '重试'],
    ]) {
      it(`says what happened, with a retry button (${locale})`, async () => {
        const fetch = stubFetch(() => new Response('{"nope":1}', { status: 200 }));
        const el = await settled(
          await render<StatusIncidents>(
            html`<status-incidents src=${uniqueFeedUrl()} locale=${locale}></status-incidents>`,
          ),
          'error',
        );
        // The adapter's own words are the developer's: console and debug, not the page.
        expect(partText(el, 'error')).not.to.contain('statuspage');
        expect((await diagnostics()).join('\n')).to.contain('statuspage');
        const retry = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry"]')!;
        expect(retry.textContent!.trim()).to.equal(words);
        const calls = fetch.callCount;
        retry.click();
        await waitUntil(() => fetch.callCount > calls);
        await expect(el).to.be.accessible();
      });
    }
  });

  describe('the resolved history', () => {
    it('is read for the list (Statuspage keeps it in incidents.json), and only for it', async () => {
      freezeNow(NEXT_DAY);
      const history = await githubHistory();
      const current = await summary(undefined, allOperational);
      const urls: string[] = [];
      sinon.stub(window, 'fetch').callsFake(async (input) => {
        const url = String(input instanceof Request ? input.url : input);
        urls.push(url);
        return json(url.endsWith('/incidents.json') ? history : current);
      });
      const src = uniqueFeedUrl();
      const componentsList = document.createElement('status-components');
      componentsList.setAttribute('src', src);
      componentsList.setAttribute('adapter', 'statuspage');
      place(html`<div></div>`).append(componentsList);
      await settled(componentsList);
      expect(urls.filter((url) => url.endsWith('/incidents.json'))).to.have.length(0);

      const el = document.createElement('status-incidents');
      el.setAttribute('src', src);
      el.setAttribute('adapter', 'statuspage');
      el.setAttribute('locale', 'en');
      place(html`<div></div>`).append(el);
      await waitUntil(
        () => titles(el).includes('Incident with Pages and Actions'),
        'the list did not get the resolved history',
      );
      expect(urls.filter((url) => url.endsWith('/incidents.json'))).to.have.length(1);
      expect(urls.filter((url) => url.endsWith('/summary.json'))).to.have.length(1);
    });
  });

  describe('promises', () => {
    // Git SSH (2024-09-16) reopened: investigating, last update at 08:00 UTC the next day.
    async function active() {
      return nativeFrom(await githubHistory(), (snapshot) => {
        const incident = snapshot.incidents[1];
        incident.status = 'investigating';
        delete incident.resolvedAt;
        incident.updates = [
          { ...incident.updates[0], status: 'investigating', createdAt: '2024-09-17T08:00:00Z' },
        ];
      });
    }

    it('shows the overdue warning on an active incident an hour after its last update', async () => {
      freezeNow('2024-09-17T09:20:00Z');
      const el = await listFor(await active(), { adapter: 'native' });
      const item = parts(el, 'incident').find((i) => i.querySelector('[part~="overdue"]'))!;
      expect(
        item.querySelector('[part~="overdue"]')!.textContent!.replace(/\s+/g, ' ').trim(),
      ).to.equal('The next update was due at 9:00 AM UTC (20 minutes ago)');
      expect(el.shadowRoot!.querySelector('[part~="next"]')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('shows no warning within the hour, and resolved incidents carry the resolved mark', async () => {
      freezeNow('2024-09-17T08:30:00Z');
      const el = await listFor(await active(), { adapter: 'native' });
      expect(el.shadowRoot!.querySelector('[part~="overdue"]')).to.equal(null);
      const marks = parts(el, 'incident').map((item) =>
        item.querySelector('[part~="indicator"]')!.getAttribute('data-indicator'),
      );
      // The active one keeps its impact; the resolved one is ticked off.
      expect(marks).to.deep.equal(['minor', 'operational']);
    });

    it('draws an open incident without a stated impact as minor, as the banner does', async () => {
      freezeNow('2024-09-17T08:30:00Z');
      const body = await nativeFrom(await githubHistory(), (snapshot) => {
        const incident = snapshot.incidents[1];
        incident.status = 'investigating';
        incident.impact = 'none';
        delete incident.resolvedAt;
      });
      const el = await listFor(body, { adapter: 'native' });
      const marks = parts(el, 'incident').map((item) =>
        item.querySelector('[part~="indicator"]')!.getAttribute('data-indicator'),
      );
      expect(marks).to.deep.equal(['minor', 'operational']);
    });

    it('links the postmortem once Statuspage says it is published', async () => {
      freezeNow(NEXT_DAY);
      const body = await githubHistory();
      body.incidents[0].status = 'postmortem';
      const el = await listFor(body);
      expect(el.shadowRoot!.querySelector('[part~="postmortem"]')!.getAttribute('href')).to.equal(
        'https://stspg.io/mc6sr407p78b',
      );
      expect(partText(el, 'postmortem')).to.equal('Read the postmortem');
    });
  });

  describe('many incidents', () => {
    function many(body: Summary, count: number): Summary {
      const [template] = body.incidents;
      body.incidents = Array.from({ length: count }, (_, i) => ({
        ...structuredClone(template),
        id: `incident-${i}`,
        name: `Incident ${i}`,
        created_at: new Date(Date.parse('2024-09-16T12:00:00Z') - i * 3_600_000).toISOString(),
        incident_updates: Array.from({ length: 10 }, (_, u) => ({
          ...template.incident_updates[0],
          id: `incident-${i}-update-${u}`,
          created_at: new Date(
            Date.parse('2024-09-16T12:00:00Z') - i * 3_600_000 - u * 60_000,
          ).toISOString(),
        })),
      }));
      return body;
    }

    it('renders as many incidents as a reader keeps, of 10 updates, keyed, reusing rows across polls', async () => {
      freezeNow(NEXT_DAY);
      // The most a reader keeps (the newest 300); the next poll's newer one pushes out the oldest.
      const body = many(await githubHistory(), MAX_ITEMS);
      let answer = body;
      stubFetch(() => json(answer));
      const src = uniqueFeedUrl();
      const el = await settled(
        await render<StatusIncidents>(
          html`<status-incidents src=${src} limit="500" days="365"></status-incidents>`,
        ),
      );
      const rows = parts(el, 'incident');
      expect(rows).to.have.length(MAX_ITEMS);
      const row42 = rows.find((row) => row.querySelector('a')!.textContent === 'Incident 42');
      expect(row42).to.exist;
      // The next poll brings a newer incident: every other row moves down, none is rebuilt.
      const newer = { ...structuredClone(body.incidents[0]), id: 'newer', name: 'Newer incident' };
      (newer as Json).created_at = '2024-09-17T08:00:00Z';
      answer = { ...body, incidents: [newer, ...body.incidents] };
      await getFeed({ src }).refresh();
      await waitUntil(() => titles(el)[0] === 'Newer incident', 'the next poll did not render');
      const after = parts(el, 'incident');
      expect(after.length).to.be.at.least(MAX_ITEMS);
      expect(after.find((row) => row.querySelector('a')!.textContent === 'Incident 42')).to.equal(
        row42,
      );
    });
  });

  describe('right-to-left', () => {
    it('lays the title out from the right', async () => {
      freezeNow(NEXT_DAY);
      const body = await githubHistory();
      stubFetch(() => json(body));
      const box = place(
        html`<div dir="rtl" lang="en" style="width:600px">
          <status-incidents src=${uniqueFeedUrl()}></status-incidents>
        </div>`,
      );
      const el = await settled(box.querySelector('status-incidents')!);
      const icon = el.shadowRoot!.querySelector('[part~="indicator"]')!.getBoundingClientRect();
      const title = el.shadowRoot!.querySelector('[part~="title"] a')!.getBoundingClientRect();
      const timeline = el.shadowRoot!.querySelector('[part~="timeline"]')!;
      expect(icon.left).to.be.above(title.right);
      expect(getComputedStyle(timeline).borderRightWidth).to.equal('2px');
      // An English update keeps its own direction on a right-to-left page (its full
      // stop at the end, not before the first word).
      const update = el.shadowRoot!.querySelector('[part~="update"] p')!;
      expect(update.getAttribute('dir')).to.equal('auto');
      expect(getComputedStyle(update).direction).to.equal('ltr');
      await expect(el).to.be.accessible();
    });
  });
});
