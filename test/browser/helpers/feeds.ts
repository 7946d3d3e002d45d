// Test helpers: real recorded feeds served through a controllable fake fetch.
import { fixture as render, waitUntil } from '@open-wc/testing';
import { render as renderInto, type TemplateResult } from 'lit';
import sinon from 'sinon';
import { readStatuspageSummary } from '../../../src/adapters/statuspage.js';
import { getFeed } from '../../../src/feed/store.js';
import type { StatusSnapshot } from '../../../src/model/types.js';

const realFetch = window.fetch.bind(window);

// The runner opens test files side by side, some as background tabs, and the store
// (rightly) makes no request from a hidden page: element tests show a visible page.
Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });

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

// --- Recorded Statuspage feeds, as the tests edit them -------------------------

export type Json = Record<string, unknown>;
export interface Summary {
  page: Json;
  status: { indicator: string; description: string };
  components: Array<Json & { id: string; name: string; status: string; group?: boolean }>;
  incidents: Array<Json & { id: string; impact: string; status: string; incident_updates: Json[] }>;
  scheduled_maintenances: Array<Json & { id: string; status: string }>;
}

export const GITHUB_2020 = 'statuspage/github-summary-major-2020-04-02.json';
/** When the GitHub 2020 recording's incident was last updated (20:26:36 UTC). */
const GITHUB_2020_LAST_UPDATE = Date.parse('2020-04-02T20:26:36.354Z');
/** The moment `minutes` after the GitHub 2020 incident's last update, as ISO 8601. */
export const afterGithubUpdate = (minutes: number) =>
  new Date(GITHUB_2020_LAST_UPDATE + minutes * 60_000).toISOString();
export const GITHUB_INCIDENTS_2024 = 'statuspage/github-incidents-2024-09-17.json';
export const DOCUMENTED_MAINTENANCE = 'statuspage/documented-summary-maintenance-groups.json';

/** A recorded summary.json, optionally edited. */
export async function summary(
  path = GITHUB_2020,
  edit?: (summary: Summary) => unknown,
): Promise<Summary> {
  const body = await fixture<Summary>(path);
  await edit?.(body);
  return body;
}

/** Everything operational: no incidents, no maintenances. */
export function allOperational(s: Summary): void {
  s.status = { indicator: 'none', description: 'All Systems Operational' };
  s.components.forEach((c) => (c.status = 'operational'));
  s.incidents = [];
  s.scheduled_maintenances = [];
}

/**
 * GitHub's components (2020 recording) with GitHub's incident history (2024
 * recording): the two share component ids, so affected components have names.
 */
export async function githubHistory(): Promise<Summary> {
  const history = await fixture<Summary>(GITHUB_INCIDENTS_2024);
  return summary(GITHUB_2020, (s) => {
    allOperational(s);
    s.incidents = history.incidents;
  });
}

/**
 * A recorded feed read by the real Statuspage adapter and re-served in the native
 * format (the snapshot itself), for what Statuspage cannot say (a promised next
 * update, a subscribe page). Use with `adapter="native"`.
 */
export function nativeFrom(body: Summary, edit?: (snapshot: StatusSnapshot) => void): Json {
  const snapshot = readStatuspageSummary(body, 'https://www.githubstatus.com/api/v2/summary.json');
  edit?.(snapshot);
  return { version: 1, ...snapshot };
}

// --- Time ---------------------------------------------------------------------

/**
 * Fixes "now" (Date only: timers stay real so waiting still works). Recordings are
 * from 2020 and 2024, so anything that says "12 minutes ago" needs this.
 */
export function freezeNow(iso: string): sinon.SinonFakeTimers {
  return sinon.useFakeTimers({ now: Date.parse(iso), toFake: ['Date'] });
}

// --- Elements -----------------------------------------------------------------

interface Loadable extends HTMLElement {
  state: string;
  updateComplete: Promise<boolean>;
}

/** Waits until the element has data (or an error) and its language table is in. */
export async function settled<T extends Loadable>(el: T, state?: string): Promise<T> {
  await waitUntil(
    () => (state ? el.state === state : el.state !== 'loading'),
    `<${el.localName}> stayed "${el.state}"`,
  );
  await el.updateComplete;
  return el;
}

/**
 * Renders `template(src)` on a feed that answers `body`, then makes the feed fail
 * (503) and returns the element once it shows the kept data as stale.
 */
export async function renderStale<T extends Loadable>(
  template: (src: string) => TemplateResult,
  body: unknown,
): Promise<T> {
  let fail = false;
  stubFetch(() => (fail ? new Response('down', { status: 503 }) : json(body)));
  const src = uniqueFeedUrl();
  const el = await settled(await render<T>(template(src)));
  fail = true;
  await getFeed({ src }).refresh();
  return settled(el, 'stale');
}

/** The trimmed, whitespace-collapsed text of the first shadow part matching `part`. */
export function partText(el: Element, part: string): string {
  const node = el.shadowRoot!.querySelector(`[part~="${part}"]`);
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Every shadow element with this part. */
export function parts(el: Element, part: string): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${part}"]`)];
}

const placed: HTMLElement[] = [];
afterEach(() => placed.splice(0).forEach((box) => box.remove()));

/**
 * Renders a template into a fresh box on the page. Unlike `fixture()` it does not
 * wait for an animation frame, which a background tab (the runner opens test files
 * side by side) may never give.
 */
export function place(template: TemplateResult): HTMLElement {
  const box = document.createElement('div');
  document.body.append(box);
  placed.push(box);
  renderInto(template, box);
  return box.firstElementChild as HTMLElement;
}
