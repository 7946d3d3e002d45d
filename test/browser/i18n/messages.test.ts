import { expect } from '@open-wc/testing';
import {
  addEnglish,
  formatDuration,
  formatRelative,
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
