// Shared helpers for the Node tests: recorded fixtures and a fake fetch.
import { readFileSync } from 'node:fs';

export function readFixture(path) {
  return readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');
}

/**
 * A fetch that answers from a map of URL → body (string, or { status, body }),
 * and records every URL it was asked for.
 */
export function fakeFetch(routes) {
  const calls = [];
  const fetch = async (input, init) => {
    const url = String(input);
    calls.push({ url, init });
    const route = routes[url];
    if (route === undefined) return new Response('Not found', { status: 404 });
    const { status = 200, body } = typeof route === 'string' ? { body: route } : route;
    return new Response(body, { status });
  };
  fetch.calls = calls;
  return fetch;
}
