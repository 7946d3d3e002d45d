// What the statuspage adapter keeps of a hostile summary.json with 100,000
// components: the first 5,000, read in full; the rest counted, and their states
// still in the overall indicator.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { getAdapter } from 'status-widgets/adapters';
import { fakeFetch } from '../helpers.js';

const statuspage = getAdapter('statuspage');
const KEPT = 5000;

/** A summary of `count` components in groups of 100 (each group's first item is the group). */
function summary(count, { status = () => 'operational', reported = 'none' } = {}) {
  const components = Array.from({ length: count }, (_, index) => {
    const group = index % 100 === 0;
    return {
      id: `c${index}`,
      name: group ? `Region <b>${index / 100}</b>` : `Service ${index}`,
      status: status(index),
      updated_at: '2026-11-29T12:00:00.000Z',
      group,
      group_id: group ? null : `c${index - (index % 100)}`,
    };
  });
  return JSON.stringify({
    page: { id: 'p', name: 'Many', url: 'https://status.many.test' },
    status: { indicator: reported, description: 'All Systems Operational' },
    components,
    incidents: [],
    scheduled_maintenances: [],
  });
}

async function read(body) {
  const url = 'https://status.many.test/api/v2/summary.json';
  return statuspage.load(new URL(url), fakeFetch({ [url]: body }), undefined, { history: false });
}

describe('statuspage adapter, 100,000 components', () => {
  test('keeps the first 5,000 components read in full and counts the rest', async () => {
    const snapshot = await read(summary(100_000));
    // 100,000 items, 1,000 of them groups: 99,000 components.
    assert.equal(snapshot.components.length, KEPT);
    assert.equal(snapshot.componentsLeftOut, 99_000 - KEPT);
    assert.deepEqual(snapshot.components.at(-1), {
      id: 'c5050',
      name: 'Service 5050',
      status: 'operational',
      group: 'Region 50',
      description: undefined,
      updatedAt: '2026-11-29T12:00:00.000Z',
    });
    assert.equal(snapshot.components[0].group, 'Region 0');
    assert.match(snapshot.warnings.join('\n'), /Read the first 5000 of 99000 components\./);
  });

  test('a component past the first 5,000 still sets the overall state', async () => {
    const status = (index) => (index === 99_999 ? 'major_outage' : 'operational');
    const snapshot = await read(summary(100_000, { status }));
    assert.ok(snapshot.components.every((component) => component.status === 'operational'));
    assert.equal(snapshot.indicator, 'major');
    // The page's own line speaks of another state: it is not shown.
    assert.equal(snapshot.description, '');
  });

  test('a page of 5,000 components or fewer is read whole, with nothing left out', async () => {
    const snapshot = await read(summary(5050));
    assert.equal(snapshot.components.length, 4999);
    assert.equal(snapshot.componentsLeftOut, undefined);
    assert.equal(snapshot.warnings, undefined);
    assert.equal(snapshot.indicator, 'operational');
  });
});
