// The Atom/RSS adapter needs DOMParser (tested in the browser runner); in Node it
// must say so clearly instead of failing obscurely.
import { test } from 'node:test';
import { getAdapter } from 'status-widgets/adapters';
import { fakeFetch, readFixture } from '../helpers.js';
import { rejectsFormat } from './support.js';

test('in Node without DOMParser, the feed adapter says what it needs', async () => {
  const url = 'https://status.example.com/history.atom';
  const fetch = fakeFetch({ [url]: readFixture('feed/documented-history.atom') });
  await rejectsFormat(getAdapter('feed').load(new URL(url), fetch), 'feed', url, /needs DOMParser/);
});
