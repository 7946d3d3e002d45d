import { expect, fixture as render, html, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import { diagnostics } from '../helpers/lit-warnings.js';
import '../../../src/components/status-badge/define.js';
import type { StatusBadge } from '../../../src/components/status-badge/status-badge.js';
import {
  deferred,
  fixture,
  json,
  partText,
  place,
  renderStale,
  settled,
  stubFetch,
  uniqueFeedUrl,
} from '../helpers/feeds.js';

type Summary = {
  status: { indicator: string; description: string };
  components: Array<{ status: string; group?: boolean }>;
  incidents: Array<{ impact: string; status: string }>;
  scheduled_maintenances: Array<{ status: string }>;
};

async function summaryWith(edit: (summary: Summary) => void): Promise<Summary> {
  const summary = await fixture<Summary>('statuspage/github-summary-major-2020-04-02.json');
  edit(summary);
  return summary;
}

const operational = (s: Summary) => {
  s.status = { indicator: 'none', description: 'All Systems Operational' };
  s.components.forEach((c) => (c.status = 'operational'));
  s.incidents = [];
  s.scheduled_maintenances = [];
};

async function badgeFor(body: unknown, locale = 'en'): Promise<StatusBadge> {
  stubFetch(() => json(body));
  const el = await render<StatusBadge>(
    html`<status-badge src=${uniqueFeedUrl()} locale=${locale}></status-badge>`,
  );
  await waitUntil(() => el.state !== 'loading', 'the badge did not load');
  await el.updateComplete; // and its language table
  return el;
}

function label(el: StatusBadge): string {
  return el.shadowRoot!.querySelector('[part~="label"]')!.textContent!.trim();
}

describe('<status-badge>', () => {
  afterEach(() => sinon.restore());

  describe('with the recorded GitHub major outage', () => {
    it('says "Major outage", reflects it, and links to the status page', async () => {
      const el = await badgeFor(await fixture('statuspage/github-summary-major-2020-04-02.json'));
      expect(el.getAttribute('indicator')).to.equal('major');
      expect(el.getAttribute('state')).to.equal('ready');
      expect(label(el)).to.equal('Major outage');
      const link = el.shadowRoot!.querySelector('a[part~="base"]')!;
      expect(link.getAttribute('href')).to.equal('https://www.githubstatus.com');
      expect(link.hasAttribute('target')).to.be.false;
      await expect(el).to.be.accessible();
    });

    it('speaks zh-CN', async () => {
      const body = await fixture('statuspage/github-summary-major-2020-04-02.json');
      const el = await badgeFor(body, 'zh-CN');
      expect(label(el)).to.equal('重大故障');
      await expect(el).to.be.accessible();
    });
  });

  describe('each indicator', () => {
    const cases: Array<[string, (s: Summary) => void | Promise<void>, string]> = [
      ['operational', operational, 'All systems operational'],
      [
        'minor',
        (s) => {
          operational(s);
          s.components[0].status = 'degraded_performance';
        },
        'Minor outage',
      ],
      [
        'critical',
        (s) => {
          // The page's own headline speaks, as Statuspage's does for a critical incident.
          s.incidents[0].impact = 'critical';
          s.status = { indicator: 'critical', description: 'Major System Outage' };
        },
        'Critical outage',
      ],
      [
        'maintenance',
        async (s) => {
          operational(s);
          const documented = await fixture<Summary>(
            'statuspage/documented-summary-maintenance-groups.json',
          );
          s.scheduled_maintenances = documented.scheduled_maintenances;
        },
        'Under maintenance',
      ],
    ];
    for (const [indicator, edit, words] of cases) {
      it(`shows ${indicator} as "${words}"`, async () => {
        const summary = await fixture<Summary>('statuspage/github-summary-major-2020-04-02.json');
        await edit(summary);
        const el = await badgeFor(summary);
        expect(el.indicator).to.equal(indicator);
        expect(label(el)).to.equal(words);
        await expect(el).to.be.accessible();
      });
    }
  });

  describe('loading', () => {
    it('shows a neutral placeholder until the feed answers, never "operational"', async () => {
      const answer = deferred<Response>();
      stubFetch(() => answer.promise);
      const el = await render<StatusBadge>(
        html`<status-badge src=${uniqueFeedUrl()}></status-badge>`,
      );
      expect(el.getAttribute('state')).to.equal('loading');
      expect(el.getAttribute('indicator')).to.equal('unknown');
      expect(label(el)).to.equal('Checking status…');
      await expect(el).to.be.accessible();
      answer.resolve(json(await summaryWith(operational)));
      await waitUntil(() => el.state === 'ready');
      expect(label(el)).to.equal('All systems operational');
    });
  });

  describe('error', () => {
    it('says the status is unavailable when the feed fails', async () => {
      stubFetch(() => new Response('<html>Bad gateway</html>', { status: 502 }));
      const errors: Event[] = [];
      document.addEventListener('status-error', (e) => errors.push(e), { once: true });
      const el = await render<StatusBadge>(
        html`<status-badge src=${uniqueFeedUrl()}></status-badge>`,
      );
      await waitUntil(() => el.state === 'error');
      expect(el.getAttribute('indicator')).to.equal('unknown');
      expect(label(el)).to.equal('Status unavailable');
      expect(errors).to.have.length(1);
      await expect(el).to.be.accessible();
    });

    it('says unavailable for an HTML page served as 200', async () => {
      stubFetch(() => new Response('<!doctype html><title>Status</title>', { status: 200 }));
      const el = await render<StatusBadge>(
        html`<status-badge src=${uniqueFeedUrl()}></status-badge>`,
      );
      await waitUntil(() => el.state === 'error');
      expect(label(el)).to.equal('Status unavailable');
    });
  });

  describe('sharing', () => {
    it('makes one request for three badges on the same feed', async () => {
      const body = await summaryWith(operational);
      const fetch = stubFetch(() => json(body));
      const src = uniqueFeedUrl();
      const box = place(
        html`<div>
          <status-badge src=${src}></status-badge><status-badge src=${src}></status-badge
          ><status-badge src=${src}></status-badge>
        </div>`,
      );
      const badges = [...box.querySelectorAll('status-badge')];
      await waitUntil(() => badges.every((b) => b.state === 'ready'));
      // One poll for the three: each URL the adapter reads is fetched once.
      const urls = fetch.getCalls().map((call) => String(call.args[0]));
      expect(urls).to.have.length(new Set(urls).size);
      const init = fetch.firstCall.args[1] as RequestInit;
      expect(init.credentials).to.equal('same-origin');
      expect(init.cache).to.equal('no-cache');
      expect(init.headers).to.equal(undefined);
    });
  });

  describe('link', () => {
    it('uses href and target when given', async () => {
      stubFetch(async () => json(await summaryWith(operational)));
      const el = await render<StatusBadge>(
        html`<status-badge
          src=${uniqueFeedUrl()}
          href="https://status.example.com/"
          target="_blank"
        ></status-badge>`,
      );
      await waitUntil(() => el.state === 'ready');
      const link = el.shadowRoot!.querySelector('a')!;
      expect(link.getAttribute('href')).to.equal('https://status.example.com/');
      expect(link.getAttribute('target')).to.equal('_blank');
      expect(link.getAttribute('rel')).to.equal('noopener');
    });
  });

  describe('component=', () => {
    for (const [locale, words] of [
      // The feed's name is bidi-isolated (U+2068 … U+2069) from the words around it.
      ['en', '\u2068GitHub Actions\u2069: Partial outage'],
      ['zh-CN', '\u2068GitHub Actions\u2069: 部分中断'],
    ]) {
      it(`shows one component's state, found by name or id (${locale})`, async () => {
        const body = await fixture('statuspage/github-summary-major-2020-04-02.json');
        stubFetch(() => json(body));
        const src = uniqueFeedUrl();
        const box = place(
          html`<div>
            <status-badge src=${src} locale=${locale} component="github actions"></status-badge>
            <status-badge src=${src} locale=${locale} component="br0l2tvcx85d"></status-badge>
          </div>`,
        );
        for (const el of box.querySelectorAll('status-badge')) {
          await settled(el);
          expect(el.indicator).to.equal('minor');
          expect(label(el)).to.equal(words);
          await expect(el).to.be.accessible();
        }
      });
    }

    it('isolates a name carrying a right-to-left override from the words around it', async () => {
      const body = await fixture<Summary & { components: Array<{ id: string; name: string }> }>(
        'statuspage/github-summary-major-2020-04-02.json',
      );
      body.components[0].name = '\u202Eevil';
      stubFetch(() => json(body));
      const el = await settled(
        await render<StatusBadge>(
          html`<status-badge
            src=${uniqueFeedUrl()}
            component=${body.components[0].id}
          ></status-badge>`,
        ),
      );
      expect(label(el).startsWith('\u2068\u202Eevil\u2069: '), label(el)).to.equal(true);
    });

    it('shows an unknown state for a component the feed lacks, and warns the developer once in the console', async () => {
      const body = await fixture('statuspage/github-summary-major-2020-04-02.json');
      stubFetch(() => json(body));
      const el = await settled(
        await render<StatusBadge>(
          html`<status-badge src=${uniqueFeedUrl()} component="Billing"></status-badge>`,
        ),
      );
      expect(el.indicator).to.equal('unknown');
      // The page says nothing of a misspelt attribute: that is the developer's to fix.
      expect(label(el)).to.equal('Status unknown');
      expect(el.shadowRoot!.textContent).not.to.contain('Billing');
      el.requestUpdate();
      await el.updateComplete;
      const warnings = (await diagnostics()).filter((text) => text.includes('component="Billing"'));
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('<status-badge>').and.contain('Git Operations');
    });
  });

  describe('compact', () => {
    for (const [locale, words] of [
      ['en', 'Major outage'],
      ['zh-CN', '重大故障'],
    ]) {
      it(`shows only the dot, keeping the state as the link's name (${locale})`, async () => {
        const body = await fixture('statuspage/github-summary-major-2020-04-02.json');
        stubFetch(() => json(body));
        const el = await settled(
          await render<StatusBadge>(
            html`<status-badge src=${uniqueFeedUrl()} locale=${locale} compact></status-badge>`,
          ),
        );
        const labelPart = el.shadowRoot!.querySelector<HTMLElement>('[part~="label"]')!;
        expect(labelPart.textContent!.trim()).to.equal(words);
        expect(labelPart.getBoundingClientRect().width).to.be.at.most(1);
        expect(el.getBoundingClientRect().width).to.be.below(40);
        await expect(el).to.be.accessible();
      });
    }
  });

  describe('stale', () => {
    for (const [locale, short, full] of [
      ['en', 'as of', 'Status as of'],
      ['zh-CN', '截至', '暂时无法获取最新状态'],
    ]) {
      it(`keeps the last state and says how old it is, short on the badge, whole in its tooltip (${locale})`, async () => {
        const body = await fixture('statuspage/github-summary-major-2020-04-02.json');
        const el = await renderStale<StatusBadge>(
          (src) => html`<status-badge src=${src} locale=${locale}></status-badge>`,
          body,
        );
        expect(el.indicator).to.equal('major');
        const stamp = el.shadowRoot!.querySelector<HTMLElement>('[part~="timestamp"]')!;
        const shown = stamp.querySelector('[aria-hidden="true"]')!.textContent!;
        expect(shown).to.contain(short);
        expect(stamp.title).to.contain(full);
        // A screen reader hears the whole sentence, not the short form.
        expect(stamp.querySelector('.vh')!.textContent).to.equal(stamp.title);
        await expect(el).to.be.accessible();
      });
    }

    it('stays narrow enough for a phone’s header at 375 px', async () => {
      const body = await fixture('statuspage/github-summary-major-2020-04-02.json');
      const el = await renderStale<StatusBadge>(
        (src) => html`<status-badge src=${src} locale="en" time-zone="UTC"></status-badge>`,
        body,
      );
      const base = el.shadowRoot!.querySelector<HTMLElement>('[part~="base"]')!;
      // "Major outage · as of 2:05 AM", on one line, in under two thirds of the header,
      // beside a logo (the whole sentence took more than the phone's width).
      const { width, height } = base.getBoundingClientRect();
      expect(width).to.be.below((375 * 2) / 3);
      expect(height).to.be.below(30);
    });
  });

  describe('error: a failing feed is not an outage', () => {
    it('says quietly that the status is unavailable, with no button and no developer text (zh-CN)', async () => {
      stubFetch(() => new Response('<html>Bad gateway</html>', { status: 502 }));
      const src = uniqueFeedUrl();
      const el = await settled(
        await render<StatusBadge>(html`<status-badge src=${src} locale="zh-CN"></status-badge>`),
        'error',
      );
      expect(label(el)).to.equal('无法获取状态');
      expect(el.indicator).to.equal('unknown');
      expect(el.shadowRoot!.querySelector('button')).to.equal(null);
      expect(el.shadowRoot!.textContent).not.to.contain('502');
      expect(await diagnostics()).to.have.length(1);
      expect((await diagnostics())[0])
        .to.contain(src)
        .and.to.contain('502');
      await expect(el).to.be.accessible();
    });

    it('says "Status" and links to the status page when href is known', async () => {
      stubFetch(() => new Response('nope', { status: 500 }));
      const el = await settled(
        await render<StatusBadge>(
          html`<status-badge
            src=${uniqueFeedUrl()}
            href="https://status.example.com/"
          ></status-badge>`,
        ),
        'error',
      );
      expect(label(el)).to.equal('Status');
      const link = el.shadowRoot!.querySelector('a[part~="link"]')!;
      expect(link.getAttribute('href')).to.equal('https://status.example.com/');
      await expect(el).to.be.accessible();
    });

    it('writes the diagnosis to the console once per feed, however many badges show it', async () => {
      stubFetch(() => new Response('nope', { status: 500 }));
      const src = uniqueFeedUrl();
      const box = place(
        html`<div>
          <status-badge src=${src}></status-badge><status-badge src=${src}></status-badge>
        </div>`,
      );
      for (const badge of box.querySelectorAll('status-badge')) await settled(badge, 'error');
      expect(await diagnostics()).to.have.length(1);
    });

    it('shows the diagnosis inline with debug, or with the page-wide switch', async () => {
      stubFetch(() => new Response('nope', { status: 404 }));
      const el = await settled(
        await render<StatusBadge>(html`<status-badge src=${uniqueFeedUrl()} debug></status-badge>`),
        'error',
      );
      await waitUntil(() => el.shadowRoot!.querySelector('[part~="debug"]'));
      expect(partText(el, 'debug')).to.contain('HTTP 404').and.to.contain('Check the URL in src');
      // Its look loads with it: a monospaced box that keeps the diagnosis's line breaks.
      const box = getComputedStyle(el.shadowRoot!.querySelector('[part~="debug"]')!);
      expect([box.whiteSpace, box.borderTopStyle]).to.deep.equal(['pre-wrap', 'dashed']);
      document.documentElement.setAttribute('data-status-widgets-debug', '');
      try {
        const other = await settled(
          await render<StatusBadge>(html`<status-badge src=${uniqueFeedUrl()}></status-badge>`),
          'error',
        );
        await waitUntil(() => other.shadowRoot!.querySelector('[part~="debug"]'));
        expect(partText(other, 'debug')).to.contain('404');
      } finally {
        document.documentElement.removeAttribute('data-status-widgets-debug');
      }
    });

    it('reports an empty src at once as an error, naming the element and what to set', async () => {
      const el = await render<StatusBadge>(html`<status-badge></status-badge>`);
      await el.updateComplete;
      expect(el.getAttribute('state')).to.equal('error');
      expect(label(el)).to.equal('Status unavailable');
      expect((await diagnostics()).join('\n'))
        .to.contain('<status-badge> has no src: set src="')
        .and.to.contain('For example src="https://www.githubstatus.com".');
    });
  });

  describe('the components attribute', () => {
    it('shows the worst state of the named components, not the whole page', async () => {
      // GitHub 2020: Pages operational, Actions in partial_outage, Git Operations in major_outage.
      stubFetch(async () => json(await fixture('statuspage/github-summary-major-2020-04-02.json')));
      const el = await settled(
        await render<StatusBadge>(
          html`<status-badge src=${uniqueFeedUrl()} components="GitHub Pages"></status-badge>`,
        ),
      );
      expect(el.indicator).to.equal('operational');
      el.components = 'GitHub Actions';
      await el.updateComplete;
      expect(el.indicator).to.equal('minor');
      el.components = 'GitHub Actions, Git Operations';
      await el.updateComplete;
      expect(el.indicator).to.equal('major');
      expect(el.getAttribute('indicator')).to.equal('major');
    });
  });

  describe('loading in zh-CN', () => {
    it('shows the neutral placeholder in Chinese', async () => {
      stubFetch(() => deferred<Response>().promise);
      const el = await render<StatusBadge>(
        html`<status-badge src=${uniqueFeedUrl()} locale="zh-CN"></status-badge>`,
      );
      await el.updateComplete;
      expect(label(el)).to.equal('正在检查状态…');
      await expect(el).to.be.accessible();
    });
  });

  describe('right-to-left', () => {
    it('puts the dot on the right of the words', async () => {
      const body = await fixture('statuspage/github-summary-major-2020-04-02.json');
      stubFetch(() => json(body));
      const box = place(
        html`<p dir="rtl"><status-badge src=${uniqueFeedUrl()} locale="en"></status-badge></p>`,
      );
      const el = await settled(box.querySelector('status-badge')!);
      const dot = el.shadowRoot!.querySelector('[part~="indicator"]')!.getBoundingClientRect();
      const words = el.shadowRoot!.querySelector('[part~="label"]')!.getBoundingClientRect();
      expect(dot.left).to.be.above(words.right - 1);
    });
  });
});
