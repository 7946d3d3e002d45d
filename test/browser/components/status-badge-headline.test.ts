// The badge says the page's own overall word (Statuspage's status.indicator), not
// the worst component's; a headline of all well never hides an outage.
import { expect, fixture as render, html } from '@open-wc/testing';
import sinon from 'sinon';
import '../helpers/lit-warnings.js';
import '../../../src/components/status-badge/define.js';
import type { StatusBadge } from '../../../src/components/status-badge/status-badge.js';
import { json, partText, settled, stubFetch, summary, uniqueFeedUrl } from '../helpers/feeds.js';

async function badge(indicator: string, description: string): Promise<StatusBadge> {
  // GitHub 2020: five components in major outage, one major incident.
  const feed = await summary(undefined, (s) => {
    s.status = { indicator, description };
  });
  stubFetch(() => json(feed));
  return settled(
    await render<StatusBadge>(
      html`<status-badge src=${uniqueFeedUrl()} adapter="statuspage" locale="en"></status-badge>`,
    ),
  );
}

describe('<status-badge> and the page headline', () => {
  afterEach(() => sinon.restore());

  it("says the page's own minor while components are in major outage", async () => {
    const el = await badge('minor', 'Minor Service Outage');
    expect(el.getAttribute('indicator')).to.equal('minor');
    expect(partText(el, 'label')).to.equal('Minor outage');
    await expect(el).to.be.accessible();
  });

  it('an all-well headline over components down: the worst speaks', async () => {
    const el = await badge('none', 'All Systems Operational');
    expect(el.getAttribute('indicator')).to.equal('major');
    expect(partText(el, 'label')).to.equal('Major outage');
  });
});
