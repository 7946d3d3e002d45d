// Shared assertions for the adapter tests.
import assert from 'node:assert/strict';
import { FeedFormatError } from 'status-widgets/adapters';

/** Asserts a FeedFormatError that names the adapter, the URL and the problem. */
export async function rejectsFormat(promise, adapter, url, problem) {
  await assert.rejects(promise, (error) => {
    assert.ok(error instanceof FeedFormatError, `expected a FeedFormatError, got ${error}`);
    assert.equal(error.adapter, adapter);
    assert.ok(error.message.includes(adapter), 'the message names the adapter');
    assert.ok(error.message.includes(url), `the message names ${url}: ${error.message}`);
    assert.match(error.message, problem);
    return true;
  });
}

/** A JSON fixture, parsed, for tests that edit it. */
export function json(text) {
  return JSON.parse(text);
}
