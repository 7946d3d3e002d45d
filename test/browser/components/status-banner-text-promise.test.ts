// A Statuspage update that writes its promise in words ("another update in 30
// minutes") is held to it: overdue once the promise passes, even within the hour.
import { expect, fixture as render, html } from '@open-wc/testing';
import sinon from 'sinon';
import '../helpers/lit-warnings.js';
import '../../../src/components/status-banner/define.js';
import type { StatusBanner } from '../../../src/components/status-banner/status-banner.js';
import {
  freezeNow,
  json,
  partText,
  settled,
  stubFetch,
  summary,
  uniqueFeedUrl,
  afterGithubUpdate,
} from '../helpers/feeds.js';

// GitHub's 2020 recording: one major incident, last updated 20:26:36 UTC.
const at = afterGithubUpdate;

/** The recorded summary, its latest update saying `body`, read by the Statuspage reader. */
async function banner(body: string): Promise<StatusBanner> {
  const feed = await summary(undefined, (s) => {
    s.incidents[0].incident_updates[0].body = body;
  });
  stubFetch(() => json(feed));
  const el = await render<StatusBanner>(
    html`<status-banner
      src=${uniqueFeedUrl()}
      adapter="statuspage"
      time-zone="UTC"
      locale="en"
    ></status-banner>`,
  );
  return settled(el);
}

describe('<status-banner> with a promise written in the update', () => {
  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
  });
  afterEach(() => sinon.restore());

  it('is overdue 45 minutes after "another update in 30 minutes"', async () => {
    freezeNow(at(45));
    const el = await banner('We will provide another update in 30 minutes.');
    expect(partText(el, 'overdue')).to.equal(
      'The next update was due at 8:56 PM UTC (15 minutes ago)',
    );
    expect(el.shadowRoot!.textContent).not.to.contain('Next update by');
    await expect(el).to.be.accessible();
  });

  it('says "Next update by" the promised time while it is ahead', async () => {
    freezeNow(at(10));
    const el = await banner('We will provide another update in 30 minutes.');
    expect(partText(el, 'timestamp')).to.contain('Next update by 8:56 PM UTC');
    expect(el.shadowRoot!.querySelector('[part~="overdue"]')).to.equal(null);
  });

  it('"We will provide updates as necessary" is no promise: no warning within the hour', async () => {
    freezeNow(at(45));
    const el = await banner('We will provide updates as necessary.');
    expect(el.shadowRoot!.querySelector('[part~="overdue"]')).to.equal(null);
    expect(el.shadowRoot!.textContent).not.to.contain('Next update by');
    expect(partText(el, 'timestamp')).to.equal('Updated 45 minutes ago');
  });
});
