// msw handlers that serve the stories' feeds: the sample page of ./content.ts in each
// state, as the native feed, read by the real native reader through the real feed
// store.
//
// A story's feed URL names its scenario and the story, e.g.
// https://feeds.status.example/major/status-badge/feed.json, so every story has a
// store of its own and stories never share data.
import { delay, http, HttpResponse } from 'msw';
import { STATES } from './content.js';

/** The states a story can ask its feed for. */
export const SCENARIOS = [
  'operational',
  'minor',
  'major',
  'critical',
  'maintenance-upcoming',
  'maintenance-in-progress',
  'several-incidents',
  'long-texts',
  'overdue-update',
  'resolved',
  'resolved-postmortem',
  'stale',
  'error',
  'loading',
  'empty-history',
  'uptime-history',
  'uptime-partial',
] as const;
export type Scenario = (typeof SCENARIOS)[number];

/** Where the stories' feeds live; no request ever leaves the browser. */
export const FEED_ORIGIN = 'https://feeds.status.example';

/** A native feed URL of its own for one story. */
export function feedUrl(scenario: Scenario, story: string): string {
  return `${FEED_ORIGIN}/${scenario}/${encodeURIComponent(story)}/feed.json`;
}

const failure = () =>
  new HttpResponse('Service Unavailable', {
    status: 503,
    headers: { 'content-type': 'text/plain' },
  });

// The stale scenario answers once, then fails, so the widgets keep the last good
// data on screen and show its age. Counted per story URL.
const answered = new Set<string>();

/** Every story feed, for msw's worker in Storybook and for the stories smoke test. */
export const feedHandlers = [
  http.get(`${FEED_ORIGIN}/:scenario/:story/feed.json`, async ({ params, request }) => {
    const scenario = params['scenario'] as Scenario;
    if (scenario === 'loading') {
      await delay('infinite');
    }
    if (scenario === 'error') return failure();
    if (scenario === 'stale') {
      const key = new URL(request.url).pathname;
      if (answered.has(key)) return failure();
      answered.add(key);
    }
    const body = STATES[scenario as keyof typeof STATES];
    if (!body) {
      return HttpResponse.json(
        { error: `unknown story scenario "${scenario}"; use one of ${SCENARIOS.join(', ')}` },
        { status: 404 },
      );
    }
    return HttpResponse.json(body(), { headers: { 'cache-control': 'no-cache' } });
  }),
];
