// The Atom/RSS adapter in a real browser, where DOMParser exists.
import { expect } from '@open-wc/testing';
import { FeedFormatError } from '../../../src/model/errors.js';
import { feedAdapter } from '../../../src/adapters/feed.js';
import { resolveAdapter } from '../../../src/adapters/registry.js';
import type { Maintenance } from '../../../src/model/types.js';

const realFetch = window.fetch.bind(window);

async function text(path: string): Promise<string> {
  const response = await realFetch(`/test/fixtures/${path}`);
  if (!response.ok) throw new Error(`fixture ${path}: HTTP ${response.status}`);
  return response.text();
}

/** A fetch answering `body` for `url` (404 otherwise), counting its calls. */
function serve(url: string, body: string) {
  const calls: string[] = [];
  const fetch = (async (input: RequestInfo | URL) => {
    const asked = String(input instanceof Request ? input.url : input);
    calls.push(asked);
    return asked === url ? new Response(body) : new Response('Not found', { status: 404 });
  }) as typeof window.fetch;
  return { fetch, calls };
}

const ATOM = 'https://status.example.com/history.atom';
const RSS = 'https://status.example.com/history.rss';

async function rejection(promise: Promise<unknown>): Promise<FeedFormatError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(FeedFormatError);
    return error as FeedFormatError;
  }
  throw new Error('expected a FeedFormatError');
}

describe('feed adapter', () => {
  it('says it read the resolved past: a history feed is the history', async () => {
    for (const [url, path] of [
      [ATOM, 'feed/documented-history.atom'],
      [RSS, 'feed/documented-history.rss'],
    ]) {
      const { fetch } = serve(url, await text(path));
      const snapshot = await feedAdapter.load(new URL(url), fetch);
      expect(snapshot.pastIncidentsRead, path).to.equal(true);
    }
  });

  describe('with an active incident (documented Atom)', () => {
    it('reads entries as incidents and maintenance, text only, safe links', async () => {
      const { fetch } = serve(ATOM, await text('feed/documented-history.atom'));
      const snapshot = await feedAdapter.load(new URL(ATOM), fetch);
      expect(snapshot.page).to.deep.equal({
        name: 'Example Status - Incident History',
        url: 'https://status.example.com/',
      });
      expect(snapshot.components).to.deep.equal([]);
      expect(snapshot.incidents.map((i) => [i.name, i.status])).to.deep.equal([
        ['Elevated error rates for Git operations', 'identified'],
        ['Delayed webhooks', 'resolved'],
      ]);
      const [active] = snapshot.incidents;
      expect(active.url).to.equal('https://status.example.com/incidents/abc3');
      expect(active.createdAt).to.equal('2024-09-17T11:00:00.000Z');
      expect(active.updatedAt).to.equal('2024-09-17T11:40:00.000Z');
      const body = active.updates[0].body;
      expect(body).to.contain('Identified - We found the cause & are deploying a fix.');
      expect(body).not.to.contain('<');
      expect(snapshot.incidents[1].url, 'a javascript: link is dropped').to.equal(undefined);
      expect(snapshot.indicator).to.equal('minor');
    });
  });

  describe('all resolved (documented RSS)', () => {
    it('is operational, with the history kept', async () => {
      const { fetch } = serve(RSS, await text('feed/documented-history.rss'));
      const snapshot = await feedAdapter.load(new URL(RSS), fetch);
      expect(snapshot.indicator).to.equal('operational');
      expect(snapshot.page.url).to.equal('https://status.example.com/');
      expect(snapshot.incidents.map((i) => i.id)).to.deep.equal([
        'https://status.example.com/incidents/abc1',
        'https://status.example.com/incidents/abc0',
      ]);
      expect(snapshot.incidents[0].resolvedAt).to.equal('2024-09-10T09:30:00.000Z');
      expect(snapshot.updatedAt).to.equal('2024-09-17T12:00:00.000Z');
    });
  });

  describe('with maintenance in progress', () => {
    it('reads it as a maintenance and says "maintenance"', async () => {
      const atom = (await text('feed/documented-history.atom')).replace(
        /<entry>\s*<id>tag:status\.example\.com,2005:Incident\/3<\/id>[\s\S]*?<\/entry>/,
        '',
      );
      const { fetch } = serve(ATOM, atom);
      const snapshot = await feedAdapter.load(new URL(ATOM), fetch);
      expect(snapshot.maintenances).to.have.length(1);
      const [maintenance] = snapshot.maintenances as [Maintenance];
      expect(maintenance.name).to.equal('Scheduled database maintenance');
      expect(maintenance.status).to.equal('in_progress');
      expect(snapshot.indicator).to.equal('maintenance');
    });
  });

  describe('with a broken entry among good ones', () => {
    it('drops it with a warning and keeps the rest', async () => {
      const rss = (await text('feed/documented-history.rss')).replace(
        '<item>',
        '<item><title>No date or link</title></item><item>',
      );
      const { fetch } = serve(RSS, rss);
      const snapshot = await feedAdapter.load(new URL(RSS), fetch);
      expect(snapshot.incidents).to.have.length(2);
      expect(snapshot.warnings).to.deep.equal(['Dropped entry #1: it has no id, link or title.']);
    });
  });

  describe('wrong format', () => {
    it('an HTML page is a FeedFormatError naming adapter, URL and problem', async () => {
      const { fetch } = serve(ATOM, '<!DOCTYPE html><html><body>Status</body></html>');
      const error = await rejection(feedAdapter.load(new URL(ATOM), fetch));
      expect(error.adapter).to.equal('feed');
      expect(error.message).to.contain(ATOM);
      expect(error.message).to.contain('HTML page');
    });

    it('JSON is not well-formed XML', async () => {
      const { fetch } = serve(ATOM, '{"page":{}}');
      const error = await rejection(feedAdapter.load(new URL(ATOM), fetch));
      expect(error.message).to.contain('not well-formed XML');
    });

    it('XML of another kind names its root element', async () => {
      const { fetch } = serve(ATOM, '<?xml version="1.0"?><svg></svg>');
      const error = await rejection(feedAdapter.load(new URL(ATOM), fetch));
      expect(error.message).to.contain('<svg>');
    });

    it('refuses entity declarations (no XML bombs)', async () => {
      const bomb = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<rss version="2.0"><channel><title>&lol2;</title></channel></rss>`;
      const { fetch } = serve(RSS, bomb);
      const error = await rejection(feedAdapter.load(new URL(RSS), fetch));
      expect(error.message).to.contain('entities');
    });
  });

  describe('detection', () => {
    it('a feed at an uncertain URL is detected from its body, in one request', async () => {
      const url = `https://status-${Date.now()}.example.test/status.xml`;
      const { fetch, calls } = serve(url, await text('feed/documented-history.rss'));
      const adapter = resolveAdapter(new URL(url));
      expect(adapter.name).to.equal('auto');
      const snapshot = await adapter.load(new URL(url), fetch);
      expect(calls).to.deep.equal([url]);
      expect(snapshot.incidents).to.have.length(2);
    });

    it('history.atom is certain from the URL', () => {
      expect(resolveAdapter(new URL(ATOM)).name).to.equal('feed');
    });
  });
});
