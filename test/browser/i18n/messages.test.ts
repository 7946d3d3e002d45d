import { expect } from '@open-wc/testing';
import {
  addEnglish,
  formatDateTime,
  formatDuration,
  formatRelative,
  formatTime,
  loadLocale,
  matchLocale,
  msg,
  resolveLocale,
  setMessages,
  supportedLocales,
} from '../../../src/i18n/index.js';
import { en, type Message } from '../../../src/i18n/messages/en.js';

// English arrives with the elements (each brings its own words); here, all of it.
addEnglish(en);

const SHIPPED = ['zh-CN', 'zh-TW', 'es', 'fr', 'de', 'ja'];

describe('messages', () => {
  for (const locale of SHIPPED) {
    it(`${locale} is complete: every English key, the same placeholders`, async () => {
      const { messages } = (await import(`../../../src/i18n/messages/${locale}.ts`)) as {
        messages: Record<string, Message>;
      };
      expect(Object.keys(messages).sort()).to.deep.equal(Object.keys(en).sort());
      for (const [key, english] of Object.entries(en)) {
        // Plural forms are compared by their `other` form (a "one" form may say "a day").
        const names = (text: Message) =>
          ((typeof text === 'string' ? text : text.other).match(/\{\w+\}/g) ?? []).sort();
        expect(names(messages[key]), `${locale} ${key}`).to.deep.equal(names(english));
        expect(messages[key], `${locale} ${key}`).not.to.equal('');
      }
    });
  }

  it('loads a language on first use and says English until then', async () => {
    expect(msg('de', 'action.retry')).to.equal('Try again');
    await loadLocale('de');
    expect(msg('de', 'action.retry')).to.equal('Erneut versuchen');
    expect(loadLocale('de')).to.equal(undefined); // ready: nothing more to wait for
    expect(loadLocale('en')).to.equal(undefined);
  });

  it('lets a site override messages, also of a table that loads later', async () => {
    setMessages('fr', { 'action.retry': 'Recharger' });
    await loadLocale('fr');
    expect(msg('fr', 'action.retry')).to.equal('Recharger');
    expect(msg('fr', 'action.dismiss')).to.equal('Fermer');
  });

  it('lets a site add a language', () => {
    setMessages('pt-BR', { 'indicator.operational': 'Todos os sistemas operacionais' });
    expect(supportedLocales()).to.include('pt-BR');
    expect(matchLocale('pt')).to.equal('pt-BR');
    expect(msg('pt-BR', 'indicator.operational')).to.equal('Todos os sistemas operacionais');
    expect(msg('pt-BR', 'action.retry')).to.equal('Try again'); // English fills the gaps
  });

  it('matches tags: exact, then by language, then English', () => {
    expect(matchLocale('zh-CN')).to.equal('zh-CN');
    expect(matchLocale('zh-Hans-CN')).to.equal('zh-CN');
    expect(matchLocale('ja-JP')).to.equal('ja');
    expect(matchLocale('ko')).to.equal('en');
    expect(matchLocale(undefined)).to.equal('en');
  });

  it('gives Traditional Chinese to zh-TW, zh-Hant, zh-HK and zh-MO, Simplified to the rest', () => {
    for (const tag of ['zh-TW', 'zh-Hant', 'zh-Hant-TW', 'zh-HK', 'zh-MO', 'zh-hk']) {
      expect(matchLocale(tag), tag).to.equal('zh-TW');
    }
    for (const tag of ['zh', 'zh-Hans', 'zh-SG', 'zh-Hans-HK']) {
      expect(matchLocale(tag), tag).to.equal('zh-CN');
    }
  });

  it('picks plural forms by the language’s rules', async () => {
    await Promise.all(['de', 'fr', 'es'].map((locale) => loadLocale(locale)));
    expect(msg('de', 'incidents.empty', { count: 1 })).to.equal('Keine Vorfälle am letzten Tag');
    expect(msg('de', 'incidents.empty', { count: 90 })).to.equal(
      'Keine Vorfälle in den letzten 90 Tagen',
    );
    expect(msg('fr', 'incidents.empty', { count: 90 })).to.equal(
      'Aucun incident au cours des 90 derniers jours',
    );
    expect(msg('en', 'banner.count', { count: 2 })).to.equal('2 active incidents');
    expect(msg('es', 'indicator.operational')).to.equal(
      'Todos los sistemas funcionan con normalidad',
    );
    expect(msg('fr', 'banner.updatedNow')).to.equal('Mis à jour à l’instant');
  });

  it('takes the locale attribute, else the nearest lang', () => {
    const outer = document.createElement('div');
    outer.lang = 'es';
    const inner = document.createElement('span');
    outer.append(inner);
    expect(resolveLocale(inner)).to.equal('es');
    expect(resolveLocale(inner, 'ja')).to.equal('ja');
  });

  it('fills placeholders, numbers as the language writes them', async () => {
    expect(msg('en', 'banner.count', { count: 3 })).to.equal('3 active incidents');
    expect(msg('en', 'list.more', { count: 19900 })).to.equal('And 19,900 more on the status page');
    await loadLocale('de');
    expect(msg('de', 'list.more', { count: 19900 })).to.contain('19.900');
  });
});

describe('formatting', () => {
  const now = Date.parse('2024-09-17T09:00:00Z');
  it('says how long ago, in the language', () => {
    expect(formatRelative('en', '2024-09-17T08:48:00Z', now)).to.equal('12 minutes ago');
    expect(formatRelative('zh-CN', '2024-09-17T08:48:00Z', now)).to.equal('12分钟前');
    expect(formatRelative('en', '2024-09-17T06:00:00Z', now)).to.equal('3 hours ago');
    expect(formatRelative('en', '2024-09-13T09:00:00Z', now)).to.equal('4 days ago');
  });

  it('says how long something lasted', () => {
    expect(formatDuration('en', 38 * 60_000)).to.equal('38 min');
    expect(formatDuration('en', (2 * 60 + 5) * 60_000)).to.equal('2 hr 5 min');
    expect(formatDuration('de', 26 * 3_600_000)).to.equal('1 Tg., 2 Std.');
  });
});

describe('times on other days and zone names', () => {
  // Each language's date order and zone names come with its table.
  before(() => Promise.all(SHIPPED.map((locale) => loadLocale(locale))));
  const now = Date.parse('2026-12-05T00:43:00Z');
  const today = '2026-12-05T00:43:00Z';
  const earlier = '2026-12-03T16:50:00Z';

  it('writes a time of today without its date, and a time of another day with it', () => {
    expect(formatTime('en', today, 'UTC', now)).to.equal('12:43 AM UTC');
    expect(formatTime('en', earlier, 'UTC', now)).to.equal('4:50 PM UTC on Dec 3');
    expect(formatTime('de', earlier, 'UTC', now)).to.equal('16:50 UTC am 3. Dez.');
    expect(formatTime('fr', earlier, 'UTC', now)).to.equal('16:50 UTC le 3 déc.');
    expect(formatTime('es', earlier, 'UTC', now)).to.equal('16:50 UTC del 3 dic');
    expect(formatTime('ja', earlier, 'UTC', now)).to.equal('12月3日 16:50 UTC');
  });

  it('takes "today" in the zone shown, not in UTC', () => {
    // 00:43 UTC on 5 Dec is 08:43 on 5 Dec in Shanghai; 16:50 UTC on 4 Dec is 00:50 there on 5 Dec.
    expect(formatTime('zh-CN', '2026-12-04T16:50:00Z', 'Asia/Shanghai', now)).to.equal(
      '北京时间 00:50',
    );
    expect(formatTime('en', '2026-12-04T16:50:00Z', 'UTC', now)).to.equal('4:50 PM UTC on Dec 4');
  });

  it('names a zone as the language writes it, and UTC as UTC', () => {
    expect(formatTime('zh-CN', today, 'Asia/Shanghai', now)).to.equal('北京时间 08:43');
    expect(formatTime('zh-CN', today, 'PRC', now)).to.equal('北京时间 08:43');
    expect(formatTime('zh-TW', today, 'Asia/Taipei', now)).to.equal('上午8:43（台北時間）');
    expect(formatTime('zh-CN', today, 'Etc/UTC', now)).to.equal('UTC 00:43');
    expect(formatTime('zh-TW', today, 'UTC', now)).to.equal('上午12:43（UTC）');
    for (const locale of ['en', 'de', 'fr', 'es', 'ja']) {
      expect(formatTime(locale, today, 'Etc/UTC', now), locale).to.contain('UTC');
      expect(formatTime(locale, today, 'Etc/GMT', now), locale).not.to.contain('GMT');
    }
    expect(formatDateTime('zh-TW', today, 'Asia/Taipei')).to.equal(
      '2026年12月5日 上午8:43（台北時間）',
    );
  });
});

// Customers know a status page, not a feed: no customer sentence, in any language,
// says "feed" (or its translations).
const FEED_WORDS =
  /\bfeeds?\b|\bflux\b|状态源|狀態源|狀態來源|フィード|fuente de datos|Datenquelle/i;

describe('customer messages', () => {
  for (const locale of ['en', ...SHIPPED]) {
    it(`never say "feed" (${locale})`, async () => {
      const { messages } = (await import(`../../../src/i18n/messages/${locale}.ts`)) as {
        messages?: Record<string, Message>;
      };
      const table = locale === 'en' ? en : messages!;
      for (const [key, text] of Object.entries(table)) {
        for (const form of typeof text === 'string' ? [text] : Object.values(text))
          expect(form, `${locale} ${key}`).not.to.match(FEED_WORDS);
      }
    });
  }
});
