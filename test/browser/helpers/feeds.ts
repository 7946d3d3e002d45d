// Test helpers: real recorded feeds served through a controllable fake fetch.
import sinon from 'sinon';

const realFetch = window.fetch.bind(window);

/** A recorded fixture from test/fixtures, parsed. */
export async function fixture<T = Record<string, unknown>>(path: string): Promise<T> {
  const response = await realFetch(`/test/fixtures/${path}`);
  if (!response.ok) throw new Error(`fixture ${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

let counter = 0;
/** A feed URL no other test uses, so shared stores never leak between tests. */
export function uniqueFeedUrl(): string {
  counter += 1;
  return `https://status-${counter}-${Date.now()}.example.test`;
}

export type FetchAnswer = () => Response | Promise<Response>;

/** Replaces window.fetch; each call answers with `answer()`. Restore with sinon.restore(). */
export function stubFetch(answer: FetchAnswer): sinon.SinonStub {
  return sinon.stub(window, 'fetch').callsFake(async () => answer());
}

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

/** A promise with its resolve function exposed, to control when a fetch answers. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
