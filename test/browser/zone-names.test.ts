// One zone, one name: the time the reference server writes into an update's text
// (its templates' {next}) and the time the widget writes beside it are the same
// words, zone included ("12:38 AM UTC" in both; 北京时间 08:38 in both).
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { executeServerCommand } from '@web/test-runner-commands';
import './helpers/lit-warnings.js';
import '../../src/components/status-incidents/define.js';
import type { StatusIncidents } from '../../src/components/status-incidents/status-incidents.js';
import { loadLocale, msg } from '../../src/i18n/index.js';
import { partText, place, settled } from './helpers/feeds.js';

const CASES = [
  { locale: 'en', timeZone: 'Etc/UTC', zone: 'UTC' },
  { locale: 'zh-CN', timeZone: 'Asia/Shanghai', zone: '北京时间' },
];

describe('zone names in the server’s update text and in the widget', () => {
  afterEach(() => executeServerCommand('zone-stop'));

  for (const { locale, timeZone, zone } of CASES) {
    it(`are identical in ${locale}, ${timeZone}`, async () => {
      const { feed } = await executeServerCommand<{ feed: string }, object>('zone-start', {
        locale,
        timeZone,
      });
      await loadLocale(locale);
      const el = place(
        html`<status-incidents
          src=${feed}
          locale=${locale}
          time-zone=${timeZone}
        ></status-incidents>`,
      ) as StatusIncidents;
      await settled(el);
      // The widget's time, cut out of its own "Next update by {time}".
      const [before, after] = (msg(locale, 'update.next') as string).split('{time}');
      const next = partText(el, 'next');
      expect(next.startsWith(before!) && next.endsWith(after!), next).to.equal(true);
      const time = next.slice(before!.length, next.length - after!.length).trim();
      expect(time).to.contain(zone);
      // The server's text names the same time the same way.
      expect(partText(el, 'update')).to.contain(time);
    });
  }
});
