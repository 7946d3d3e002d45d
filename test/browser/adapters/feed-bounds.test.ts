// A hostile Atom feed of 100,000 entries (20 MB): the browser's XML parser reads a whole
// document in one task, so only its first megabyte is parsed, cut after a whole entry
// and closed as the document closes.
import { expect } from '@open-wc/testing';
import { MAX_XML_CHARS, readFeed } from '../../../src/adapters/feed.js';

const ATOM = 'https://status.example.com/history.atom';
const at = (i: number) => new Date(Date.UTC(2026, 0, 1) - i * 60_000).toISOString();
const entry = (i: number, status: string) =>
  `<entry><id>tag:bench,2026:${i}</id><title>Incident ${i}</title><updated>${at(i)}</updated><content type="html">&lt;strong&gt;${status}&lt;/strong&gt; - Looking into it.</content></entry>`;

describe('feed adapter, a feed larger than it parses', () => {
  it('reads the entries of its first megabyte, newest first, and says so', () => {
    const entries = Array.from({ length: 100_000 }, (_, i) =>
      entry(i, i === 0 ? 'Investigating' : 'Resolved'),
    );
    const text = `<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Acme</title>${entries.join('')}</feed>`;
    expect(text.length).to.be.greaterThan(20 * MAX_XML_CHARS);
    const snapshot = readFeed(text, ATOM);
    // The open incident at the top is read and counted.
    expect(snapshot.incidents[0]!.name).to.equal('Incident 0');
    expect(snapshot.incidents[0]!.status).to.equal('investigating');
    expect(snapshot.indicator).to.not.equal('operational');
    expect(snapshot.warnings!.join(' ')).to.include('larger than 1 MB');
  });

  it('reads a feed within the bound whole, without a warning', async () => {
    const response = await fetch('/test/fixtures/feed/documented-history.atom');
    const text = await response.text();
    expect(text.length).to.be.below(MAX_XML_CHARS);
    const snapshot = readFeed(text, ATOM);
    expect(snapshot.incidents.length).to.be.greaterThan(0);
    expect((snapshot.warnings ?? []).join(' ')).to.not.include('larger than');
  });
});
