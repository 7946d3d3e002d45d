// Daily history is linear in a day's status changes: a flapping monitor (50,000
// checks in a day) costs one sort and one sweep, not every span for every day and
// every cut. Through the built modules; the work is counted, never timed.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { daysFromSpans, startOfDay, shiftDate } from '../../dist/model/days.js';
import { historyFromSpans, spansFromChecks } from '../../dist/model/spans.js';

const MINUTE = 60_000;
const DAY = 86_400_000;

/**
 * Spans whose fields count each read: a sweep reads each span a few times, the
 * quadratic way reads every span once per cut of every day.
 */
function counted(spans) {
  const reads = { count: 0 };
  const wrapped = spans.map(({ start, end, status }) => ({
    get start() {
      reads.count++;
      return start;
    },
    get end() {
      reads.count++;
      return end;
    },
    get status() {
      reads.count++;
      return status;
    },
  }));
  return { spans: wrapped, reads };
}

// The way days were worked out before the sweep: every cut of the day, and for each
// piece between two cuts every span. Kept here as the reference results must match.
const RANK = {
  unknown: 0,
  operational: 1,
  under_maintenance: 2,
  degraded_performance: 3,
  partial_outage: 4,
  major_outage: 5,
};
const worse = (a, b) => (RANK[b] > RANK[a] ? b : a);
function naiveDay(date, spans, from, to) {
  const cuts = new Set([from, to]);
  for (const { start, end } of spans) {
    if (start > from && start < to) cuts.add(start);
    if (end > from && end < to) cuts.add(end);
  }
  const edges = [...cuts].sort((a, b) => a - b);
  const minutes = {};
  for (let i = 0; i < edges.length - 1; i++) {
    let status;
    for (const span of spans)
      if (span.start <= edges[i] && span.end >= edges[i + 1])
        status = status ? worse(status, span.status) : span.status;
    if (status && status !== 'operational')
      minutes[status] = (minutes[status] ?? 0) + (edges[i + 1] - edges[i]) / MINUTE;
  }
  let worst = 'operational';
  let down = 0;
  let known = (to - from) / MINUTE;
  for (const [status, spent] of Object.entries(minutes)) {
    if (status === 'unknown') known -= spent;
    else worst = worse(worst, status);
    if (status === 'partial_outage' || status === 'major_outage') down += spent;
    minutes[status] = Math.round(spent);
  }
  const details = Object.keys(minutes).length ? { downtime: minutes } : {};
  if (known < 1e-6) return { date, worst: 'unknown', ...details };
  return { date, uptime: 100 * (1 - down / known), worst, ...details };
}

/** A small deterministic generator (mulberry32), so a failure can be run again. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('daily history from spans', () => {
  test('50,000 checks in one day: the right minutes, each span read a few times', () => {
    // A monitor checking every 1.728 s for a whole day, down at every tenth check.
    const dayStart = Date.parse('2026-03-10T00:00:00Z');
    const checks = Array.from({ length: 50_000 }, (_, i) => ({
      at: dayStart + i * 1728,
      status: i % 10 === 0 ? 'major_outage' : i % 10 === 5 ? 'degraded_performance' : 'operational',
    }));
    const covered = spansFromChecks(checks, dayStart + 2 * DAY);
    assert.equal(covered.spans.length, 50_000);
    assert.equal(covered.to, dayStart + DAY);
    const { spans, reads } = counted(covered.spans);
    const days = historyFromSpans(spans, covered.from, covered.to);
    assert.equal(days.length, 1);
    const [day] = days;
    assert.equal(day.date, '2026-03-10');
    assert.equal(day.worst, 'major_outage');
    // 5,000 checks down and 5,000 degraded, 1.728 s each: 144 minutes of each.
    assert.deepEqual(day.downtime, { major_outage: 144, degraded_performance: 144 });
    assert.ok(Math.abs(day.uptime - 90) < 1e-6, `uptime ${day.uptime}`);
    assert.ok(reads.count <= 4 * spans.length, `${reads.count} reads of 50,000 spans`);
  });

  test('a year of flapping: each span is read a few times, not once per day', () => {
    // 2,000 changes (the server's record cap) over 365 days, as a relay's log holds them.
    const to = Date.parse('2026-03-12T12:00:00Z');
    const from = to - 365 * DAY;
    const step = (to - from) / 2000;
    const { spans, reads } = counted(
      Array.from({ length: 2000 }, (_, i) => ({
        start: from + i * step,
        end: from + (i + 1) * step,
        status: i % 2 ? 'partial_outage' : 'operational',
      })),
    );
    const days = historyFromSpans(spans, from, to, 'Europe/Berlin');
    assert.equal(days.length, 365);
    assert.ok(reads.count <= 4 * spans.length, `${reads.count} reads of 2,000 spans`);
    const down = days.reduce((sum, day) => sum + (day.downtime?.partial_outage ?? 0), 0);
    assert.ok(Math.abs(down - (365 * 24 * 60) / 2) < 365, `${down} minutes down`);
  });

  test('gives the same days as the way that looked at every span for every cut', () => {
    const next = random(20260312);
    const statuses = Object.keys(RANK);
    for (const zone of ['UTC', 'America/New_York', 'Asia/Kolkata']) {
      // Ten days around the spring change of the clocks; spans that overlap, touch,
      // cover nothing, run backwards or have no end.
      const dates = Array.from({ length: 10 }, (_, i) => shiftDate('2026-03-03', i));
      const cuts = dates.map((date) => ({
        date,
        from: startOfDay(date, zone),
        to: startOfDay(shiftDate(date, 1), zone),
      }));
      cuts[0].from += 3 * 3_600_000; // a first day covered in part only
      const begin = cuts[0].from - DAY;
      const spans = Array.from({ length: 400 }, () => {
        const start = begin + Math.floor(next() * 12 * DAY);
        const length = [0, -MINUTE, 90 * MINUTE, next() * 2 * DAY][Math.floor(next() * 4)];
        return { start, end: start + length, status: statuses[Math.floor(next() * 6)] };
      });
      spans.push({ start: NaN, end: cuts[4].from + 7 * MINUTE, status: 'major_outage' });
      spans.push({ start: cuts[6].from + MINUTE, end: NaN, status: 'major_outage' });
      const expected = cuts.map(({ date, from, to }) => naiveDay(date, spans, from, to));
      assert.deepEqual(daysFromSpans(spans, cuts), expected, zone);
      assert.deepEqual(daysFromSpans(spans, cuts.slice(2, 3)), expected.slice(2, 3));
    }
  });
});
