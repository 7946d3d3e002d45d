import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  worstIndicator,
  deriveIndicator,
  sortNewestFirst,
  plainText,
  safeUrl,
  isoDate,
  VERSION,
  updateDue,
  isOverdue,
} from 'status-widgets';

test('worstIndicator ranks critical > major > minor > maintenance > operational', () => {
  assert.equal(worstIndicator(['operational', 'minor', 'maintenance']), 'minor');
  assert.equal(worstIndicator(['major', 'critical', 'minor']), 'critical');
  assert.equal(worstIndicator(['operational', 'maintenance']), 'maintenance');
  assert.equal(worstIndicator([]), 'operational');
  assert.equal(worstIndicator(['unknown', 'operational']), 'operational');
});

test('deriveIndicator: an active incident beats green components; resolved ones do not count', () => {
  const incident = (status, impact) => ({ status, impact, createdAt: '2024-01-01T00:00:00Z' });
  const green = [{ id: 'a', name: 'A', status: 'operational' }];
  assert.equal(
    deriveIndicator({ components: green, incidents: [incident('identified', 'major')] }),
    'major',
  );
  assert.equal(
    deriveIndicator({ components: green, incidents: [incident('resolved', 'critical')] }),
    'operational',
  );
  assert.equal(deriveIndicator({ incidents: [incident('investigating', 'none')] }), 'minor');
  assert.equal(deriveIndicator({}), 'unknown');
  assert.equal(deriveIndicator({}, 'operational'), 'operational');
  // A feed that says it does not know is never read as operational; an outage still shows.
  assert.equal(deriveIndicator({ components: green }, 'unknown'), 'unknown');
  assert.equal(
    deriveIndicator({ components: green, incidents: [incident('identified', 'major')] }, 'unknown'),
    'major',
  );
});

test('sortNewestFirst orders by createdAt and puts undated items last', () => {
  const sorted = sortNewestFirst([
    { id: 'old', createdAt: '2020-01-01T00:00:00Z' },
    { id: 'none', createdAt: 'nope' },
    { id: 'new', createdAt: '2024-01-01T00:00:00Z' },
  ]);
  assert.deepEqual(
    sorted.map((i) => i.id),
    ['new', 'old', 'none'],
  );
});

test('plainText, safeUrl and isoDate keep text as text, links http(s) only, dates ISO', () => {
  assert.equal(plainText('<p>A &lt;b&gt;</p><p>B</p>'), 'A <b>\nB');
  assert.equal(plainText('<img src=x onerror=alert(1)>ok'), 'ok');
  assert.equal(safeUrl('javascript:alert(1)'), undefined);
  assert.equal(safeUrl('data:text/html,hi'), undefined);
  assert.equal(safeUrl('https://x.test/a'), 'https://x.test/a');
  assert.equal(isoDate('not a date'), undefined);
  assert.equal(isoDate('2020-04-02T20:20:54.013Z'), '2020-04-02T20:20:54.013Z');
  assert.equal(isoDate('99999-01-01'), undefined);
});

test('VERSION matches package.json', () => {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  assert.equal(VERSION, pkg.version);
});

test('isoDate reads zone-less date-times (Cachet, Uptime Kuma) as UTC, not local time', () => {
  assert.equal(isoDate('2024-03-04 10:00:00'), '2024-03-04T10:00:00.000Z');
  assert.equal(isoDate('2024-05-06 07:50:00.123'), '2024-05-06T07:50:00.123Z');
  assert.equal(isoDate('2024-05-06T07:50'), '2024-05-06T07:50:00.000Z');
  assert.equal(isoDate('2024-05-06T07:50:00+02:00'), '2024-05-06T05:50:00.000Z');
  assert.equal(isoDate('Tue, 10 Sep 2024 09:30:00 +0000'), '2024-09-10T09:30:00.000Z');
});

test('updateDue: a promise made after the last update governs; without one, an hour after it', () => {
  const last = '2024-05-01T10:00:00Z';
  const at = (iso) => Date.parse(iso);
  const incident = (extra) => ({
    status: 'identified',
    updatedAt: last,
    updates: [{ id: 'u', status: 'identified', body: '', createdAt: last }],
    ...extra,
  });
  // Promised 10:30, checked 10:45 (45 min after the last update): overdue, by the promise.
  const broken = updateDue(
    incident({ nextUpdateAt: '2024-05-01T10:30:00Z' }),
    at('2024-05-01T10:45:00Z'),
  );
  assert.deepEqual(broken, { dueAt: at('2024-05-01T10:30:00Z'), promised: true, overdue: true });
  // Promised two hours ahead: not late at 90 minutes.
  assert.equal(
    isOverdue(incident({ nextUpdateAt: '2024-05-01T12:00:00Z' }), at('2024-05-01T11:30:00Z')),
    false,
  );
  // No promise: due an hour after the last update, late one millisecond after.
  assert.deepEqual(updateDue(incident({}), at('2024-05-01T11:00:00Z')), {
    dueAt: at('2024-05-01T11:00:00Z'),
    promised: false,
    overdue: false,
  });
  assert.equal(isOverdue(incident({}), at('2024-05-01T11:00:00.001Z')), true);
  // A promise older than the last update was kept by it: the hourly rule applies again.
  const kept = updateDue(
    incident({ nextUpdateAt: '2024-05-01T09:50:00Z' }),
    at('2024-05-01T10:20:00Z'),
  );
  assert.equal(kept.promised, false);
  assert.equal(kept.overdue, false);
  // Resolved incidents owe nothing.
  assert.equal(updateDue(incident({ status: 'resolved' }), at('2030-01-01T00:00:00Z')), undefined);
});
