// One "tab" of the two-tab test (loaded in an iframe: its own browsing context,
// sharing Web Locks and BroadcastChannel with the other). It runs one store on a
// fake clock, with a fake fetch that counts requests, and exposes them as `tab`.
import sinon from 'sinon';
import { statuspageAdapter } from '../../../src/adapters/statuspage.js';
import { FeedStore } from '../../../src/feed/store.js';

export interface Tab {
  store: FeedStore;
  clock: sinon.SinonFakeTimers;
  /** Requests this tab made for the live state. */
  polls(): number;
  /** Requests this tab made for the resolved history. */
  historyRequests(): number;
}

async function main(): Promise<void> {
  const params = new URLSearchParams(location.search);
  // The runner may show this test page in the background; the tabs under test are visible.
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
  const response = await fetch('/test/fixtures/statuspage/github-summary-major-2020-04-02.json');
  const summary = await response.text();
  const history = await (
    await fetch('/test/fixtures/statuspage/github-incidents-2024-09-17.json')
  ).text();
  const clock = sinon.useFakeTimers({
    now: Number(params.get('now')),
    toFake: ['setTimeout', 'clearTimeout', 'Date'],
  });
  sinon.stub(Math, 'random').returns(0.5);
  const requests: string[] = [];
  // The snapshot kept in localStorage, as on a real site: a tab opening beside a
  // leader shows it, and polls only if the lock makes it the leader.
  const store = new FeedStore(new URL(params.get('src')!), statuspageAdapter, {
    fetch: async (input) => {
      const url = String(input);
      requests.push(url);
      if (url.endsWith('/summary.json')) return new Response(summary);
      if (url.endsWith('/incidents.json')) return new Response(history);
      return new Response('Not found', { status: 404 });
    },
  });
  // ?history: this tab shows the resolved history (an incident list).
  if (params.has('history')) store.requestHistory();
  store.subscribe(() => {});
  const tab: Tab = {
    store,
    clock,
    polls: () => requests.filter((url) => url.endsWith('/summary.json')).length,
    historyRequests: () => requests.filter((url) => url.endsWith('/incidents.json')).length,
  };
  Object.assign(window, { tab });
}

void main();
