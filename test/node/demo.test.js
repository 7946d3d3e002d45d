// The demo `npm start` serves, watched in headless Chromium through one pass of its
// story (one-second steps): each state of the incident on `/`, Chinese incident text
// on `/zh-CN.html`.
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { checkDemo } from '../../scripts/check-demo.mjs';
import { startDemo } from '../../scripts/start.mjs';

test('the demo shows every state of its story, and the Chinese page its Chinese feed', async () => {
  const result = await checkDemo({ stepSeconds: 1 });
  assert.deepEqual(result.missing, [], `states never seen on /: ${result.missing.join(', ')}`);
  assert.deepEqual(
    result.seen.toSorted(),
    result.steps.toSorted(),
    'every step is a state the check knows',
  );
  assert.ok(result.chinese, '/zh-CN.html showed no Chinese incident or maintenance title');
  assert.deepEqual(result.problems, []);
});

test('npm start serves each language from its own feed and event stream, on one origin', async () => {
  const out = fileURLToPath(new URL(`../../.demo-test-${process.pid}`, import.meta.url));
  const demo = await startDemo({ port: 0, stepSeconds: 60, out });
  try {
    const english = await (await fetch(`${demo.url}feed.json`)).json();
    const chinese = await (await fetch(`${demo.url}zh-CN/feed.json`)).json();
    assert.equal(english.links.events, '/events');
    assert.equal(chinese.links.events, '/zh-CN/events');
    assert.equal(chinese.page.timeZone, 'Asia/Shanghai');
    assert.equal(english.maintenances.length, chinese.maintenances.length);

    const stream = await fetch(new URL(chinese.links.events, demo.url));
    assert.match(stream.headers.get('content-type'), /^text\/event-stream/);
    const reader = stream.body.getReader();
    let text = '';
    while (!text.includes('\n\n', text.indexOf('data: '))) {
      text += new TextDecoder().decode((await reader.read()).value);
    }
    await reader.cancel();
    assert.match(text, /"name":"控制台升级"/, 'the Chinese stream carries the Chinese feed');

    const page = await fetch(`${demo.url}zh-CN.html`);
    assert.match(await page.text(), /src="\/zh-CN\/feed\.json"/);
    const bundle = await fetch(`${demo.url}dist/cdn/status-widgets.js`);
    assert.equal(bundle.status, 200);
    assert.doesNotMatch(await bundle.text(), /Lit is in dev mode/, "Lit's production build");
  } finally {
    await demo.close();
    await rm(out, { recursive: true, force: true });
  }
});
