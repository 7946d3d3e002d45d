import { expect } from '@open-wc/testing';
import {
  bannerContent,
  dismiss,
  nextChange,
  isDismissed,
  shorten,
} from '../../../src/components/status-banner/banner-model.js';
import { isOverdue } from '../../../src/model/overdue.js';
import { linkParts, MAX_LINKS } from '../../../src/model/links.js';
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

  it('puts components down with no incident before a maintenance, and never lets "Resolved" hide them', async () => {
    const snapshot = readStatuspageSummary(await summary(GITHUB_2020), URL_);
    const now = Date.parse('2020-04-02T21:20:00Z');
    const resolved = {
      ...incident,
      status: 'resolved' as const,
      resolvedAt: '2020-04-02T21:10:00Z',
    };
    const content = bannerContent({ ...snapshot, incidents: [resolved] }, now, 24);
    expect(content?.kind).to.equal('outage');
    // Worst first: the five in major outage, then GitHub Actions (partial).
    const names = content?.kind === 'outage' ? content.components.map((c) => c.name) : [];
    expect(names.at(-1)).to.equal('GitHub Actions');
    expect(names).to.have.length(6);
    // Once they are back, the resolution is confirmed.
    const back = snapshot.components.map((c) => ({ ...c, status: 'operational' as const }));
    expect(
      bannerContent({ ...snapshot, components: back, incidents: [resolved] }, now, 24)?.kind,
    ).to.equal('resolved');
    // A maintenance in progress that names a component covers it.
    const api = snapshot.components.find((c) => c.name === 'API Requests')!;
    const only = [{ ...api }];
    const maintenance = {
      ...resolved,
      id: 'm',
      status: 'in_progress' as const,
      impact: 'maintenance' as const,
      scheduledFor: '2020-04-02T21:00:00Z',
      components: [api.id],
    };
    const covered = { ...snapshot, components: only, incidents: [], maintenances: [maintenance] };
    expect(bannerContent(covered, now, 24)?.kind).to.equal('maintenance');
  });

  it('knows the next moment its words change by the clock alone', () => {
    const snapshot = {
      ...readStatuspageSummary(
        { page: { id: 'x', name: 'X' }, components: [], incidents: [] },
        URL_,
      ),
      incidents: [{ ...incident, nextUpdateAt: '2020-04-02T21:00:00Z' }],
    };
    const now = Date.parse('2020-04-02T20:30:00Z');
    expect(nextChange(snapshot, now, 24)).to.equal(Date.parse('2020-04-02T21:00:00Z'));
    // Once it has passed, nothing is left to wait for.
    expect(nextChange(snapshot, Date.parse('2020-04-02T21:00:01Z'), 24)).to.equal(Infinity);
  });

  it('links whole http(s) addresses only, a few per text', () => {
    const hrefs = (text: string) => linkParts(text).flatMap((p) => (p.href ? [p.href] : []));
    expect(hrefs('See https://status.example.com/incidents/42.')).to.deep.equal([
      'https://status.example.com/incidents/42',
    ]);
    expect(hrefs('(details: https://en.wikipedia.org/wiki/Outage_(power))')).to.deep.equal([
      'https://en.wikipedia.org/wiki/Outage_(power)',
    ]);
    expect(hrefs('复盘报告已发布：https://status.example.com/pm/1。')).to.deep.equal([
      'https://status.example.com/pm/1',
    ]);
    expect(hrefs('javascript:alert(1) data:text/html,x ftp://x.example vbscript:x')).to.deep.equal(
      [],
    );
    expect(hrefs('https:// and http://')).to.deep.equal([]);
    // Cut short by an ellipsis: it would lead elsewhere.
    expect(hrefs('Read https://status.example.com/incidents/4…')).to.deep.equal([]);
    expect(hrefs(`https://x.example/${'a'.repeat(600)}`)).to.deep.equal([]);
    const many = Array.from({ length: 6 }, (_, i) => `https://x.example/${i}`).join(' ');
    expect(hrefs(many)).to.have.length(MAX_LINKS);
    // The text itself is kept whole.
    expect(
      linkParts(many)
        .map((p) => p.text)
        .join(''),
    ).to.equal(many);
  });

  it('never cuts a link in half when shortening', () => {
    const text = `Status: https://status.example.com/incidents/${'x'.repeat(60)} more words here`;
    const { text: short } = shorten(text, 40);
    expect(short).to.equal('Status…');
  });
});
