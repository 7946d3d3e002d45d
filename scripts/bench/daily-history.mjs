// Daily history from a component's status spans (src/model/spans.ts), as the Gatus
// and Uptime Kuma readers work it out in the page and the reference server for every
// request: 50,000 checks of a flapping monitor in one day, and 100 components at the
// server's cap of 2,000 status changes each over a year. CPU time of this process
// (process.cpuUsage), median of the runs; the work is one sort and one sweep, so it
// grows with the spans, not with spans × cuts. DESIGN.md's bound for a task: 200 ms.
import { root } from './origin.mjs';
import { median, ms, problem, row } from './table.mjs';

const BUDGET_MS = 200;
const DAY = 86_400_000;
const NOW = Date.parse('2026-11-29T12:00:00Z');

/** CPU milliseconds `work` takes, median of `runs`. */
function cpuTime(work, runs) {
  const times = [];
  for (let run = 0; run < runs; run++) {
    const before = process.cpuUsage();
    work();
    const { user, system } = process.cpuUsage(before);
    times.push((user + system) / 1000);
  }
  return median(times);
}

export async function dailyHistory({ runs }) {
  const { historyFromSpans, spansFromChecks } = await import(
    new URL('dist/model/spans.js', root).href
  );
  // A monitor checking every 1.728 s for a day, down at every tenth check.
  const dayStart = NOW - DAY;
  const checks = Array.from({ length: 50_000 }, (_, i) => ({
    at: dayStart + i * 1728,
    status: i % 10 ? 'operational' : 'major_outage',
  }));
  const flapping = cpuTime(() => {
    const covered = spansFromChecks(checks, NOW);
    historyFromSpans(covered.spans, covered.from, covered.to);
  }, runs);
  row('daily-history', '50,000 checks in one day (Gatus, Uptime Kuma)', {
    time: `${ms(flapping)} CPU`,
    notes: 'one sort and one sweep; 5.3 s in the page before',
  });
  if (flapping > BUDGET_MS)
    problem(`daily history of 50,000 checks took ${ms(flapping)} of CPU (budget ${BUDGET_MS} ms)`);

  // 2,000 changes a year for each of 100 components, cut into days of a zone with DST.
  const step = (365 * DAY) / 2000;
  const spans = Array.from({ length: 2000 }, (_, i) => ({
    start: NOW - 365 * DAY + i * step,
    end: NOW - 365 * DAY + (i + 1) * step,
    status: i % 2 ? 'partial_outage' : 'operational',
  }));
  const year = cpuTime(() => {
    for (let c = 0; c < 100; c++) historyFromSpans(spans, NOW - 365 * DAY, NOW, 'Europe/Berlin');
  }, runs);
  row('daily-history', '100 components × 2,000 changes over a year (reference server)', {
    time: `${ms(year)} CPU`,
    notes: '365 days each; 1.4 s per render before',
  });
}
