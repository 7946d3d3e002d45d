import { expect, fixture as render, html, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import '../helpers/lit-warnings.js';
import '../../../src/components/status-components/define.js';
import type { StatusComponents } from '../../../src/components/status-components/status-components.js';
import {
  DOCUMENTED_MAINTENANCE,
  deferred,
  json,
  partText,
  place,
  parts,
  renderStale,
  settled,
  stubFetch,
  summary,
  uniqueFeedUrl,
} from '../helpers/feeds.js';

async function listFor(
  body: unknown,
  attrs: Record<string, string> = {},
): Promise<StatusComponents> {
  stubFetch(() => json(body));
  const el = document.createElement('status-components');
  el.setAttribute('src', uniqueFeedUrl());
  el.setAttribute('locale', 'en');
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  const box = place(html`<div></div>`);
  box.append(el);
  return settled(el);
}

/** "name: status" for each component row. */
const rows = (el: StatusComponents) =>
  parts(el, 'component').map(
    (row) =>
      `${row.querySelector('[part~="name"]')!.textContent!.trim()}: ${row
        .querySelector('[part~="status"]')!
        .textContent!.trim()}`,
  );

describe('<status-components>', () => {
  afterEach(() => sinon.restore());

  describe('loading', () => {
    for (const locale of ['en', 'zh-CN']) {
      it(`shows a neutral skeleton (${locale})`, async () => {
        const answer = deferred<Response>();
        stubFetch(() => answer.promise);
        const el = await render<StatusComponents>(
          html`<status-components src=${uniqueFeedUrl()} locale=${locale}></status-components>`,
        );
        await el.updateComplete;
        expect(el.getAttribute('state')).to.equal('loading');
        expect(partText(el, 'skeleton')).to.equal(
          locale === 'en' ? 'Checking status…' : '正在检查状态…',
        );
        await expect(el).to.be.accessible();
        answer.resolve(json(await summary()));
        await settled(el);
      });
    }
  });

  describe('ready, with the recorded GitHub outage', () => {
    for (const [locale, first] of [
      ['en', 'Git Operations: Major outage'],
      ['zh-CN', 'Git Operations: 重大中断'],
    ]) {
      it(`lists every component with its status in words and colour (${locale})`, async () => {
        const el = await listFor(await summary(), { locale });
        const list = rows(el);
        expect(list).to.have.length(9);
        expect(list[0]).to.equal(first);
        const icons = parts(el, 'indicator').map((i) => i.dataset.indicator);
        expect(icons.slice(0, 6)).to.deep.equal([
          'major',
          'major',
          'major',
          'operational',
          'major',
          'minor',
        ]);
        await expect(el).to.be.accessible();
      });
    }
  });

  describe('groups', () => {
    for (const [locale, group] of [
      ['en', 'Core Platform Under maintenance'],
      ['zh-CN', 'Core Platform 维护中'],
    ]) {
      it(`groups components under their group, with its worst status (${locale})`, async () => {
        const el = await listFor(await summary(DOCUMENTED_MAINTENANCE), { locale });
        expect(partText(el, 'group-name')).to.equal(group);
        const inGroup = parts(el, 'group')[0].querySelectorAll('[part~="component"]');
        expect(
          [...inGroup].map((c) => c.querySelector('[part~="name"]')!.textContent),
        ).to.deep.equal(['Database', 'API']);
        expect(rows(el)).to.have.length(3);
        await expect(el).to.be.accessible();
      });
    }

    it('collapses a group from the keyboard-reachable summary', async () => {
      const el = await listFor(await summary(DOCUMENTED_MAINTENANCE));
      const group = parts(el, 'group')[0] as HTMLDetailsElement;
      expect(group.open).to.be.true;
      const summaryLine = el.shadowRoot!.querySelector<HTMLElement>('[part~="group-name"]')!;
      summaryLine.focus();
      expect(el.shadowRoot!.activeElement).to.equal(summaryLine);
      summaryLine.click();
      await waitUntil(() => !group.open);
      expect(
        parts(el, 'name')
          .filter((n) => n.checkVisibility())
          .map((n) => n.textContent),
      ).to.deep.equal(['Core Platform', 'Web App']);
    });
  });

  describe('the components filter', () => {
    it('shows only the named components, by id or name', async () => {
      const el = await listFor(await summary(DOCUMENTED_MAINTENANCE), {
        components: 'cmp-db, web app',
      });
      expect(rows(el)).to.deep.equal(['Database: Under maintenance', 'Web App: Operational']);
    });
  });

  describe('a page of more components than a snapshot keeps', () => {
    const many = async () => {
      const body = await summary();
      body.components = Array.from({ length: 20_000 }, (_, i) => ({
        id: `c${i}`,
        name: `Service ${i}`,
        status: 'operational',
      }));
      return body;
    };

    it('counts the components it did not read in "more"', async () => {
      const el = await listFor(await many());
      expect(rows(el)).to.have.length(100);
      expect(partText(el, 'more')).to.equal('And 19,900 more on the status page');
    });

    it('counts only what the filter names', async () => {
      const el = await listFor(await many(), { components: 'c1, c2' });
      expect(rows(el)).to.deep.equal(['Service 1: Operational', 'Service 2: Operational']);
      expect(el.shadowRoot!.querySelector('[part~="more"]')).to.equal(null);
    });
  });

  describe('empty', () => {
    for (const [locale, words] of [
      ['en', 'No components to show'],
      ['zh-CN', '没有可显示的组件'],
    ]) {
      it(`says so when nothing matches (${locale})`, async () => {
        const el = await listFor(await summary(), { components: 'nothing-like-this', locale });
        expect(partText(el, 'empty')).to.equal(words);
        await expect(el).to.be.accessible();
      });
    }
  });

  describe('stale', () => {
    for (const [locale, words] of [
      ['en', 'the latest status can’t be loaded right now'],
      ['zh-CN', '暂时无法获取最新状态'],
    ]) {
      it(`keeps the list and says how old it is (${locale})`, async () => {
        const body = await summary();
        const el = await renderStale<StatusComponents>(
          (src) => html`<status-components src=${src} locale=${locale}></status-components>`,
          body,
        );
        expect(rows(el)).to.have.length(9);
        expect(partText(el, 'stale')).to.contain(words);
        await expect(el).to.be.accessible();
      });
    }
  });

  describe('error', () => {
    for (const [locale, words] of [
      ['en', 'Live status can’t be shown here right now.'],
      ['zh-CN', '暂时无法在此显示实时状态。'],
    ]) {
      it(`says one short sentence for customers, the status page and a retry button (${locale})`, async () => {
        const fetch = stubFetch(() => new Response('gone', { status: 404 }));
        const src = uniqueFeedUrl();
        const el = await settled(
          await render<StatusComponents>(
            html`<status-components
              src=${src}
              locale=${locale}
              href="https://status.example.com/"
            ></status-components>`,
          ),
          'error',
        );
        expect(partText(el, 'error')).to.contain(words);
        // No developer text in front of customers: no URL, no HTTP status.
        expect(partText(el, 'error')).not.to.contain(src).and.not.to.contain('404');
        const link = el.shadowRoot!.querySelector('[part~="error"] a[part~="link"]')!;
        expect(link.getAttribute('href')).to.equal('https://status.example.com/');
        const calls = fetch.callCount;
        el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
        await waitUntil(() => fetch.callCount > calls);
        await expect(el).to.be.accessible();
      });
    }
  });

  describe('right-to-left', () => {
    it('puts the name on the right and the status on the left', async () => {
      const body = await summary();
      stubFetch(() => json(body));
      const box = place(
        html`<div dir="rtl" style="width:500px">
          <status-components src=${uniqueFeedUrl()} locale="en"></status-components>
        </div>`,
      );
      const el = await settled(box.querySelector('status-components')!);
      const row = parts(el, 'component')[0];
      const name = row.querySelector('[part~="name"]')!.getBoundingClientRect();
      const status = row.querySelector('[part~="status"]')!.getBoundingClientRect();
      expect(status.right).to.be.at.most(name.left);
      await expect(el).to.be.accessible();
    });
  });
});
