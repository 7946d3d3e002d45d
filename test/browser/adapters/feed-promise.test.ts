// Atom/RSS entries (Statuspage's history.atom holds every update of an incident,
// newest first): the newest update's promise becomes nextUpdateAt, an older one's never.
import { expect } from '@open-wc/testing';
import { readFeed } from '../../../src/adapters/feed.js';

const realFetch = window.fetch.bind(window);
const ATOM = 'https://status.example.com/history.atom';

async function atom(edit: (text: string) => string) {
  const response = await realFetch('/test/fixtures/feed/documented-history.atom');
  const snapshot = readFeed(edit(await response.text()), ATOM);
  return snapshot.incidents.find((incident) => incident.name.startsWith('Elevated'))!;
}

describe('feed adapter, promises written in an entry', () => {
  it("reads the newest update's promise, counted from the entry's update time", async () => {
    const incident = await atom((text) =>
      text.replace('deploying a fix.', 'deploying a fix. Next update in 30 minutes.'),
    );
    expect(incident.status).to.equal('identified');
    // The entry was updated at 11:40 UTC.
    expect(incident.nextUpdateAt).to.equal('2024-09-17T12:10:00.000Z');
  });

  it("never reads an older update's promise", async () => {
    const incident = await atom((text) =>
      text.replace('We are investigating.', 'We are investigating. Next update in 30 minutes.'),
    );
    expect(incident.nextUpdateAt).to.equal(undefined);
  });
});
