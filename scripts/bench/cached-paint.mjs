// Time to first paint with and without the kept snapshot: the feed's replies are
// delayed by FEED_DELAY_MS; a first view, a repeat view within the interval, a
// repeat view "5 minutes later", and the vendor's widget, first and repeat view.
import { firstRenderFigures } from './browser.mjs';
import { bytes, median, ms, ratio, row } from './table.mjs';

const FEED_DELAY_MS = Number(process.env.FEED_DELAY_MS ?? 400);

export async function cachedPaint({ browser, origin, runs }) {
  origin.feedDelay = FEED_DELAY_MS;
  const samples = { first: [], repeat: [], stale: [], vendorFirst: [], vendorRepeat: [] };
  const last = {};
  const add = (key, figures) => {
    samples[key].push(figures.frame);
    last[key] = figures;
  };
  try {
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const wait = FEED_DELAY_MS + 1000;
      await page.goto(origin.pageUrl('badge'));
      add('first', await firstRenderFigures(page));
      // Within an interval of the first view: the kept snapshot is as good as a poll.
      await page.goto(origin.pageUrl('badge'));
      add('repeat', await firstRenderFigures(page, wait));
      // As if the visitor came back 5 minutes later: the kept snapshot is older than
      // an interval, so the page paints it and asks the feed at the same time.
      const aged = await page.evaluate(() => {
        let count = 0;
        for (const key of Object.keys(localStorage)) {
          if (!key.startsWith('status-widgets:')) continue;
          const entry = JSON.parse(localStorage.getItem(key));
          if (typeof entry?.t !== 'number') continue;
          entry.t -= 5 * 60_000;
          localStorage.setItem(key, JSON.stringify(entry));
          count += 1;
        }
        return count;
      });
      if (!aged) throw new Error('bench: no kept snapshot in localStorage after a page view.');
      await page.goto(origin.pageUrl('badge'));
      add('stale', await firstRenderFigures(page, wait));
      await page.goto(origin.pageUrl('vendor'));
      add('vendorFirst', await firstRenderFigures(page));
      await page.goto(origin.pageUrl('vendor'));
      add('vendorRepeat', await firstRenderFigures(page));
      await context.close();
    }
  } finally {
    origin.feedDelay = 0;
  }
  const note = (figures) =>
    figures.feedRequests > 0
      ? "after the feed's reply"
      : Number.isFinite(figures.firstFeedReply)
        ? `painted ${ms(figures.firstFeedReply - figures.frame)} before the feed replied`
        : `no feed request within ${ms(FEED_DELAY_MS + 1000)}`;
  for (const [key, name] of [
    ['first', '<status-badge>, first view (no kept snapshot)'],
    ['repeat', '<status-badge>, repeat view within the interval'],
    ['stale', '<status-badge>, repeat view 5 min later'],
    ['vendorFirst', '<statuspage-widget>, first view'],
    ['vendorRepeat', '<statuspage-widget>, repeat view'],
  ]) {
    const figures = last[key];
    row(`first paint, feed +${FEED_DELAY_MS} ms`, name, {
      requests: `${figures.requests} (${figures.feedRequests} feed), ${figures.fromCache} from cache`,
      bytes: bytes(figures.bytes),
      time: ms(median(samples[key])),
      notes: note(figures),
    });
  }
  row(`first paint, feed +${FEED_DELAY_MS} ms`, 'ratio repeat/first view: ours, theirs', {
    time: `${ratio(median(samples.stale), median(samples.first))}, ${ratio(
      median(samples.vendorRepeat),
      median(samples.vendorFirst),
    )}`,
  });
}
