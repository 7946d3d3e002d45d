// <status-uptime> on the reference server's own feed: an outage the server recorded
// (through its admin API, on past days) shows on the right days with the right uptime.
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { executeServerCommand } from '@web/test-runner-commands';
import './helpers/lit-warnings.js';
import '../../src/components/status-uptime/define.js';
import type { StatusUptime } from '../../src/components/status-uptime/status-uptime.js';
import { parts, place, settled } from './helpers/feeds.js';

interface Recorded {
  url: string;
  /** Four days ago, three, two, yesterday, today (UTC). */
  dates: string[];
}

describe('<status-uptime> on the reference server', () => {
  let recorded: Recorded;
  before(async () => {
    recorded = await executeServerCommand<Recorded, undefined>('history-start');
  });
  after(() => executeServerCommand('history-stop'));

  it('shows a recorded outage across midnight on its two days, and no data before the first record', async () => {
    const el = place(
      html`<status-uptime src="${recorded.url}feed.json" days="7" locale="en"></status-uptime>`,
    ) as StatusUptime;
    await settled(el);
    expect(el.state).to.equal('ready');
    const uptimes = new Map(
      parts(el, 'day').map((day) => [day.dataset.date, day.dataset.uptime ?? 'no data']),
    );
    const [fourDaysAgo, threeDaysAgo, twoDaysAgo, yesterday, today] = recorded.dates;
    expect(uptimes.get(fourDaysAgo), 'before the component existed').to.equal('no data');
    expect(uptimes.get(threeDaysAgo)).to.equal('100');
    // Down 23:00–24:00 (1 of 24 hours), then 00:00–05:00 (5 of 24).
    expect(uptimes.get(twoDaysAgo)).to.equal('95.83');
    expect(uptimes.get(yesterday)).to.equal('79.16');
    expect(uptimes.get(today)).to.equal('100');
    const outageDay = parts(el, 'day').find((day) => day.dataset.date === yesterday)!;
    expect(outageDay.dataset.indicator).to.not.equal(
      parts(el, 'day').find((day) => day.dataset.date === today)!.dataset.indicator,
    );
    await expect(el).to.be.accessible();
  });
});
