// The demo `npm start` serves, watched in headless Chromium through one pass of its
// story (one-second steps): each state of the incident on `/`, Chinese incident text
// on `/zh-CN.html`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkDemo } from '../../scripts/check-demo.mjs';

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
