// Heap and DOM after 1,000 poll cycles of all four elements on one feed that
// changes every other poll (three versions of the recording in turn): flat, or LEAK.
/* global window, document -- the functions given to page.evaluate run in the page. */
import { INCIDENTS, SUMMARY, prepare } from './origin.mjs';
import { kib, problem, row, signed, bytes } from './table.mjs';

/** Cycles before the first heap reading: V8's compiled code and type feedback settle in these. */
const HEAP_WARMUP = 1500;
const HEAP_CYCLES = 1000;
/** Heap growth per poll cycle, once warm, above which the run reports a leak. */
const LEAK_BYTES_PER_CYCLE = 256;
const SRC = '/cycle/api/v2/summary.json';

/** Mounts /cycle/api/v2/: a summary that changes every other poll (new update text, new page.updated_at). */
function mountCycle(origin) {
  const versions = [0, 1, 2].map((version) => {
    const summary = JSON.parse(SUMMARY);
    const at = new Date(Date.parse(summary.page.updated_at) + version * 60_000).toISOString();
    summary.page.updated_at = at;
    summary.incidents[0].updated_at = at;
    summary.incidents[0].status = version % 2 ? 'identified' : 'investigating';
    summary.incidents[0].incident_updates[0].body = `We are investigating (version ${version}).`;
    return prepare(JSON.stringify(summary), 'application/json');
  });
  const history = prepare(INCIDENTS, 'application/json');
  let polls = 0;
  origin.mount('/cycle/api/v2/', (path) => {
    if (path === 'incidents.json') return history;
    if (path !== 'summary.json') return undefined;
    polls += 1;
    return versions[Math.floor(polls / 2) % versions.length];
  });
}

export async function heap({ browser, origin }) {
  mountCycle(origin);
  origin.resetSeen();
  const context = await browser.newContext();
  const page = await context.newPage();
  const session = await context.newCDPSession(page);
  await page.goto(origin.pageUrl('all', { src: SRC }));
  await page.evaluate(() => window.firstRender);
  const poll = (cycles) =>
    page.evaluate(
      async ({ cycles, src }) => {
        const { getFeed } = await import('/cdn/status-widgets.js');
        const store = getFeed({ src });
        const els = [...document.querySelectorAll('[data-bench]')];
        for (let index = 0; index < cycles; index++) {
          // One poll cycle: what the store's timer runs.
          await store.refresh();
          await Promise.all(els.map((el) => el.updateComplete));
          if (index % 100 === 0) performance.clearResourceTimings();
        }
        performance.clearResourceTimings();
      },
      { cycles, src: SRC },
    );
  const measure = async () => {
    await session.send('HeapProfiler.collectGarbage');
    await session.send('HeapProfiler.collectGarbage');
    const { usedSize } = await session.send('Runtime.getHeapUsage');
    const { nodes, jsEventListeners } = await session.send('Memory.getDOMCounters');
    return { heap: usedSize, nodes, listeners: jsEventListeners };
  };
  await poll(HEAP_WARMUP);
  origin.resetSeen();
  const before = await measure();
  await poll(HEAP_CYCLES / 2);
  const middle = await measure();
  await poll(HEAP_CYCLES / 2);
  const after = await measure();
  await context.close();
  const growth = after.heap - before.heap;
  // The second half says whether the heap still grows once warm: a leak grows on.
  const perCycle = (after.heap - middle.heap) / (HEAP_CYCLES / 2);
  const leak = perCycle > LEAK_BYTES_PER_CYCLE || after.nodes > before.nodes + 50;
  const { seen } = origin;
  row(
    'heap',
    `all four elements, ${HEAP_CYCLES.toLocaleString('en-US')} poll cycles after ${HEAP_WARMUP.toLocaleString('en-US')}`,
    {
      requests: `${seen.requests} (${seen.ok}×200, ${seen.notModified}×304)`,
      bytes: `${kib(before.heap)} → ${kib(middle.heap)} → ${kib(after.heap)} (${signed(growth)})`,
      notes:
        `${leak ? 'LEAK' : 'flat'}: ${signed(perCycle)} per cycle in the last ${HEAP_CYCLES / 2}; ` +
        `DOM nodes ${before.nodes} → ${after.nodes}, listeners ${before.listeners} → ${after.listeners}`,
    },
  );
  if (leak) problem(`the heap grew by ${bytes(growth)} over ${HEAP_CYCLES} poll cycles`);
}
