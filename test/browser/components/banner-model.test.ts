import { expect } from '@open-wc/testing';
import {
  bannerContent,
  dismiss,
  isDismissed,
  shorten,
} from '../../../src/components/status-banner/banner-model.js';
import { isOverdue } from '../../../src/model/overdue.js';
import { readStatuspageSummary } from '../../../src/adapters/statuspage.js';
import type { Incident } from '../../../src/model/types.js';
import { DOCUMENTED_MAINTENANCE, GITHUB_2020, summary } from '../helpers/feeds.js';

const URL_ = 'https://status.example.test/api/v2/summary.json';

describe('banner rules', () => {
  let incident: Incident;
  beforeEach(async () => {
    incident = readStatuspageSummary(await summary(GITHUB_2020), URL_).incidents[0];
  });

  it('an update is overdue only after more than 60 minutes, and only while unresolved', () => {
    const last = Date.parse('2020-04-02T20:26:36.354Z');
    expect(isOverdue(incident, last + 60 * 60_000)).to.be.false;
    expect(isOverdue(incident, last + 60 * 60_000 + 1)).to.be.true;
    expect(isOverdue({ ...incident, status: 'resolved' }, last + 5 * 60 * 60_000)).to.be.false;
  });

  it('announces a scheduled maintenance within the notice window only', async () => {
    const snapshot = readStatuspageSummary(await summary(DOCUMENTED_MAINTENANCE), URL_);
    snapshot.maintenances = snapshot.maintenances.filter((m) => m.status === 'scheduled');
    const start = Date.parse(snapshot.maintenances[0].scheduledFor);
    expect(bannerContent(snapshot, start - 24 * 3_600_000, 24)?.kind).to.equal('maintenance');
    expect(bannerContent(snapshot, start - 24 * 3_600_000 - 1, 24)).to.equal(undefined);
    expect(bannerContent(snapshot, start - 47 * 3_600_000, 48)?.kind).to.equal('maintenance');
    // Over (past its scheduled end) but never marked completed: no longer announced.
    expect(bannerContent(snapshot, start + 2 * 3_600_000, 24)).to.equal(undefined);
  });

  it('remembers a dismissal per feed, item, update and impact', () => {
    localStorage.clear();
    const shown = (item: Incident) => ({ kind: 'incidents' as const, incidents: [item] });
    dismiss('feed-a', shown(incident));
    expect(isDismissed('feed-a', shown(incident))).to.be.true;
    expect(isDismissed('feed-b', shown(incident))).to.be.false;
    expect(isDismissed('feed-a', shown({ ...incident, impact: 'minor' }))).to.be.true;
    expect(isDismissed('feed-a', shown({ ...incident, impact: 'critical' }))).to.be.false;
    const newer = { ...incident.updates[0], id: 'newer' };
    expect(isDismissed('feed-a', shown({ ...incident, updates: [newer, ...incident.updates] }))).to
      .be.false;
  });

  it('shortens at a word boundary', () => {
    const { text, cut } = shorten('word '.repeat(100), 30);
    expect(cut).to.be.true;
    expect(text).to.equal('word word word word word word…');
    expect(shorten('short text')).to.deep.equal({ text: 'short text', cut: false });
    // No full stop before the ellipsis.
    expect(
      shorten('Storage is stable. If a deploy still fails, start it again.', 19).text,
    ).to.equal('Storage is stable…');
  });
});
