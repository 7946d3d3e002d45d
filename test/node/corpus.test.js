// The malformed and hostile corpus (test/corpus/), run through the built adapters
// as a Node user loads them: every case ends in the outcome it names and every
// snapshot keeps the model's invariants. Atom/RSS cases need DOMParser and run in
// the browser (test/browser/corpus.test.ts). The big cases are generated here.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { getAdapter, FeedFormatError } from 'status-widgets/adapters';
import { ENDPOINTS, caseName, fileFor, modelProblems, outcomeProblems } from '../corpus/corpus.js';

const testDir = new URL('../', import.meta.url);
const cases = JSON.parse(readFileSync(new URL('corpus/cases.json', testDir), 'utf8'));
const read = (path) => readFileSync(new URL(path, testDir), 'utf8');

let hosts = 0;
/** A host of its own per load: adapters remember things per URL. */
function freshHost() {
  hosts += 1;
  return `https://corpus-${hosts}.example.test`;
}

/** Loads a case through its adapter, answering each request from the case's files. */
async function load(testCase) {
  const requested = [];
  const fetch = async (input, init) => {
    const url = new URL(String(input));
    requested.push({ url: url.href, init });
    const path = fileFor(testCase, url.pathname);
    if (!path) return new Response('Not found', { status: 404 });
    return new Response(read(path), { status: 200 });
  };
  const src = new URL(ENDPOINTS[testCase.adapter].src, freshHost());
  try {
    return { snapshot: await getAdapter(testCase.adapter).load(src, fetch), requested };
  } catch (error) {
    return { error, requested };
  }
}

/** Loads a body generated in the test, served for every request of the adapter. */
async function loadBody(adapter, body) {
  const fetch = async () => new Response(body, { status: 200 });
  const src = new URL(ENDPOINTS[adapter]?.src ?? '/feed', freshHost());
  try {
    return { snapshot: await getAdapter(adapter).load(src, fetch) };
  } catch (error) {
    return { error };
  }
}

describe('the corpus', () => {
  test('holds at least 60 cases over every adapter, with files that exist', () => {
    assert.ok(cases.length >= 60, `${cases.length} cases`);
    assert.deepEqual(
      [...new Set(cases.map((c) => c.adapter))].sort(),
      Object.keys(ENDPOINTS).sort(),
    );
    const outcomes = new Set(cases.map((c) => c.expect));
    assert.deepEqual([...outcomes].sort(), ['format-error', 'snapshot', 'snapshot-with-warning']);
    for (const testCase of cases) {
      for (const [route, path] of Object.entries(testCase.files)) {
        assert.ok(route in ENDPOINTS[testCase.adapter].routes, `${caseName(testCase)}: ${route}`);
        assert.doesNotThrow(() => read(path), `${caseName(testCase)}: ${path}`);
      }
    }
  });
});

describe('corpus cases through the built adapters', () => {
  for (const testCase of cases.filter((c) => c.adapter !== 'feed')) {
    test(caseName(testCase), async () => {
      const outcome = await load(testCase);
      assert.deepEqual(outcomeProblems(testCase, outcome), []);
      // Only the adapter's own endpoints on the feed's host, and no method, credentials
      // or headers of the adapter's own (the store sets how every request goes out).
      for (const { url, init } of outcome.requested) {
        assert.match(url, /^https:\/\/corpus-\d+\.example\.test\//);
        assert.equal(init?.method ?? 'GET', 'GET');
        assert.equal(init?.credentials, undefined);
        assert.equal(init?.headers, undefined);
      }
    });
  }
});

describe('the invariant checker itself', () => {
  test('finds every kind of broken snapshot', () => {
    const broken = {
      page: { name: '', url: 'javascript:alert(1)' },
      indicator: 'purple',
      description: 5,
      components: [{ id: 'a', name: 'A', status: 'fine', updatedAt: 'yesterday' }],
      incidents: [
        {
          id: 'i',
          name: 'I',
          status: 'investigating',
          impact: 'minor',
          createdAt: '9999-01-01T00:00:00.000Z',
          updatedAt: '2024-01-01T00:00:00.000Z',
          url: 'data:text/html,x',
          components: [],
          updates: [{ id: 'u', status: 'investigating', body: null, createdAt: 'x' }],
        },
      ],
      maintenances: [],
    };
    const problems = modelProblems(broken).join('\n');
    for (const where of [
      'page.name',
      'page.url',
      'indicator',
      'description',
      'components[0].status',
      'components[0].updatedAt',
      'incidents[0].createdAt',
      'incidents[0].url',
      'incidents[0].updates[0].body',
      'incidents[0].updates[0].createdAt',
    ]) {
      assert.ok(problems.includes(`${where}:`), `missed ${where} in\n${problems}`);
    }
  });
});

// Big bodies are generated here, never committed.
function nativeFeed(parts) {
  return { version: 1, page: { name: 'Big' }, indicator: 'minor', ...parts };
}
function nativeIncident(index, extra = {}) {
  return {
    id: `inc-${index}`,
    name: `Incident ${index}`,
    status: index % 2 ? 'resolved' : 'investigating',
    impact: 'minor',
    createdAt: new Date(Date.UTC(2024, 0, 1) + index * 60_000).toISOString(),
    updates: [],
    ...extra,
  };
}
const MB = 1024 * 1024;

describe('generated big and hostile bodies', () => {
  test('a 10 MB native feed keeps its first 5,000 components and counts the rest', async () => {
    const components = Array.from({ length: 20_000 }, (_, i) => ({
      id: `c${i}`,
      name: `Component ${i}`,
      status: i === 19_999 ? 'major_outage' : 'operational',
      description: 'x'.repeat(500),
    }));
    // An all-well headline never hides the component down (docs/feeds.md, "The overall state").
    const body = JSON.stringify(nativeFeed({ components, indicator: 'operational' }));
    assert.ok(body.length >= 10 * MB, `${body.length} bytes`);
    const { snapshot, error } = await loadBody('native', body);
    assert.equal(error, undefined);
    assert.equal(snapshot.components.length, 5000);
    assert.equal(snapshot.componentsLeftOut, 15_000);
    // The outage is among those left out: it still sets the overall state.
    assert.equal(snapshot.indicator, 'major');
    assert.deepEqual(modelProblems(snapshot), []);
  });

  test('a 10 MB Statuspage summary of one huge description is read', async () => {
    const body = JSON.stringify({
      page: { name: 'Big', url: 'https://status.big.test' },
      status: { indicator: 'minor', description: `<p>${'Slow. '.repeat((10 * MB) / 6)}</p>` },
      components: [],
      incidents: [],
    });
    assert.ok(body.length >= 10 * MB);
    const { snapshot, error } = await loadBody('statuspage', body);
    assert.equal(error, undefined);
    assert.equal(snapshot.indicator, 'minor');
    assert.ok(snapshot.description.startsWith('Slow.'));
    assert.ok(!snapshot.description.includes('<p>'));
  });

  test('100,000 incidents in a native feed: the newest 300, open ones first, the rest counted', async () => {
    const incidents = Array.from({ length: 100_000 }, (_, i) => nativeIncident(i));
    const { snapshot, error } = await loadBody('native', JSON.stringify(nativeFeed({ incidents })));
    assert.equal(error, undefined);
    assert.equal(snapshot.incidents.length, 300);
    // Every other incident is open: the newest 300 open ones are kept, newest first.
    assert.equal(snapshot.incidents[0].id, 'inc-99998');
    assert.equal(snapshot.incidents.at(-1).id, 'inc-99400');
    assert.ok(snapshot.incidents.every((incident) => incident.status === 'investigating'));
    assert.match(snapshot.warnings.join('\n'), /newest 300 of 100000 incidents/);
    assert.deepEqual(modelProblems(snapshot), []);
  });

  test('100,000 bad incidents are dropped with a bounded list of warnings', async () => {
    const incidents = Array.from({ length: 100_000 }, (_, i) => ({ id: `bad-${i}` }));
    for (const adapter of ['native', 'statuspage']) {
      const body =
        adapter === 'native'
          ? JSON.stringify(nativeFeed({ incidents }))
          : JSON.stringify({ page: { name: 'Big' }, status: {}, incidents });
      const { snapshot, error } = await loadBody(adapter, body);
      assert.equal(error, undefined, adapter);
      assert.equal(snapshot.incidents.length, 0, adapter);
      // 50 named items and one line saying more were dropped, per list read
      // (Statuspage reads two: summary.json and incidents.json).
      assert.ok(snapshot.warnings.length <= 102, `${adapter}: ${snapshot.warnings.length}`);
      assert.match(snapshot.warnings.at(-1), /more items were dropped/, adapter);
    }
  });

  // Each string is 1 MB of what makes a careless text cleaner take minutes:
  // unclosed tags, unclosed <script>, long runs of blanks.
  const hostileStrings = {
    'plain letters': 'a'.repeat(MB),
    'unclosed angle brackets': '<'.repeat(MB),
    'unclosed script tags': '<script>'.repeat(MB / 8),
    'unclosed style tags': '<style '.repeat(MB / 7),
    'blanks without a line end': ' \t'.repeat(MB / 2) + 'x',
    'entities without end': '&#x1'.repeat(MB / 4),
  };
  for (const [what, text] of Object.entries(hostileStrings)) {
    test(`a 1 MB single string of ${what} is read as plain text in every JSON adapter`, async () => {
      const bodies = {
        statuspage: {
          page: { name: text },
          status: { indicator: 'minor', description: text },
          incidents: [
            {
              id: 'big',
              name: text,
              status: 'investigating',
              impact: 'minor',
              created_at: '2024-01-01T00:00:00Z',
              incident_updates: [
                {
                  id: 'u',
                  status: 'investigating',
                  body: text,
                  created_at: '2024-01-01T00:00:00Z',
                },
              ],
            },
          ],
        },
        native: nativeFeed({ description: text, incidents: [nativeIncident(0, { name: text })] }),
        gatus: [{ name: text, key: 'k', results: [] }],
        instatus: { page: { name: text }, activeIncidents: [] },
      };
      for (const [adapter, body] of Object.entries(bodies)) {
        const { snapshot, error } = await loadBody(adapter, JSON.stringify(body));
        assert.equal(error, undefined, `${adapter}: ${error}`);
        assert.deepEqual(modelProblems(snapshot), [], adapter);
      }
    });
  }

  test('a body of many XML comments is refused by auto-detection, not stuck in it', async () => {
    // Each comment could be read as part of the one before: a careless pattern tries
    // every way to split them, twice as many for each comment more.
    for (const body of ['<!-- a -->'.repeat(60) + 'x', '<!-- -->'.repeat(100_000)]) {
      const { error } = await loadBody('auto', body);
      assert.ok(error instanceof FeedFormatError, String(error));
      assert.match(error.message, /matched none of the known formats/);
    }
  });

  test('JSON nested a million levels deep is a snapshot or a FeedFormatError', async () => {
    const depth = 1_000_000;
    const body = `{"page":{"name":"Deep"},"status":{},"components":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    const { snapshot, error } = await loadBody('statuspage', body);
    if (error) assert.ok(error instanceof FeedFormatError, `${error.name}: ${error.message}`);
    else assert.deepEqual(modelProblems(snapshot), []);
  });
});
