// Tolerant readers for untrusted JSON: each returns a typed value or a default,
// never throws, so one odd field cannot take down a whole snapshot.
import { FeedFormatError, FeedRequestError } from '../model/errors.js';
// The selection lives here, not in ../model/bounds.ts, which every element loads: only
// the readers (chunks of their own) need it.
import { MAX_COMPONENTS } from '../model/bounds.js';
import { impactToIndicator, worstIndicator } from '../model/indicator.js';
import { wellFormed } from '../model/sanitize.js';
import type { Impact, Indicator, StatusSnapshot } from '../model/types.js';
import { isObject, type Json } from './shape.js';

export { isObject, siteBase, type Json } from './shape.js';

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asString(value: unknown): string | undefined {
  // A blank string names nothing: an id or a zone of "  " is as good as missing.
  // A lone surrogate becomes U+FFFD, so that an id can always be written and linked.
  if (typeof value === 'string') return value.trim() === '' ? undefined : wellFormed(value);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

export function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value)
    ? (value as T)
    : undefined;
}

/** Collects what an adapter dropped, for `snapshot.warnings`. */
export class Warnings {
  readonly list: string[] = [];
  add(message: string): void {
    // Bounded: a feed with 100,000 bad items must not produce 100,000 strings.
    if (this.list.length < 50) this.list.push(message);
    else if (this.list.length === 50) this.list.push('…and more items were dropped.');
  }

  /** The snapshot, carrying these warnings when there are any. */
  attachTo(snapshot: StatusSnapshot): StatusSnapshot {
    if (this.list.length) snapshot.warnings = this.list;
    return snapshot;
  }
}

/** Reads items with `read`, dropping (and reporting) each one that cannot be read. */
export function readItems<T>(
  items: unknown,
  what: string,
  warnings: Warnings,
  read: (item: Json) => T | string,
): T[] {
  const result: T[] = [];
  asArray(items).forEach((item, index) => {
    let value: T | string;
    try {
      value = isObject(item) ? read(item) : `it is not an object`;
    } catch (error) {
      // One item a reader cannot handle costs that item, never the whole feed.
      value = `it could not be read (${reason(error)})`;
    }
    if (typeof value === 'string') warnings.add(`Dropped ${what} #${index + 1}: ${value}.`);
    else result.push(value);
  });
  return result;
}

/** The first number in a value that may be a number or a numeric string ("1"). */
export function asNumber(value: unknown): number | undefined {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
}

/**
 * GETs a URL and returns its body as text. A non-2xx answer is a `FeedRequestError`;
 * an empty body is a `FeedFormatError`.
 */
export async function fetchText(
  adapter: string,
  url: URL,
  fetch: typeof globalThis.fetch,
  signal?: AbortSignal,
): Promise<string> {
  const response = await fetch(url.href, { signal });
  if (!response.ok) {
    throw new FeedRequestError(
      url.href,
      response.status,
      `The feed at ${url.href} answered HTTP ${response.status}.`,
      response,
    );
  }
  const text = await response.text();
  if (text.trim() === '') throw new FeedFormatError(adapter, url.href, 'the response was empty.');
  return text;
}

/** Parses a body as JSON; an HTML page or other text is a `FeedFormatError`. */
export function parseJson(adapter: string, url: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    const looksHtml = /^\s*</.test(text);
    throw new FeedFormatError(
      adapter,
      url,
      looksHtml
        ? 'it answered with an HTML page, not JSON. Check that src points at the feed, not the status page itself.'
        : 'the response is not valid JSON.',
    );
  }
}

/**
 * GETs a URL and parses it as JSON. A non-2xx answer is a `FeedRequestError`;
 * a body that is not JSON (an HTML error page, an empty body) is a `FeedFormatError`.
 */
export async function fetchJson(
  adapter: string,
  url: URL,
  fetch: typeof globalThis.fetch,
  signal?: AbortSignal,
): Promise<unknown> {
  const text = await fetchText(adapter, url, fetch, signal);
  // A body of megabytes is decoded, parsed and read in turns of its own, so that
  // the page can paint and answer its visitor in between: no one long task.
  const big = text.length > 1e6;
  if (big) await nextTask();
  const body = parseJson(adapter, url.href, text);
  if (big) await nextTask();
  return body;
}

const nextTask = () => new Promise((resolve) => setTimeout(resolve));

/**
 * Between the parts of a reading of many items (say, 100,000 components, then as
 * many incidents), a turn for the page: each part is then a task of its own.
 */
export async function breathe(items: number): Promise<void> {
  if (items > 10_000) await nextTask();
}

/** True when an error means the load was cancelled (and must not be reported as a feed problem). */
export function isAbort(error: unknown, signal?: AbortSignal): boolean {
  return signal?.aborted === true || (error instanceof Error && error.name === 'AbortError');
}

/** A short description of why a secondary request failed, for a warning. */
export function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A rank for selectItems (../model/bounds.ts): open items first, then the newest by
 * a date field as the feed wrote it (a glance, not a read: no cleaning, no checks).
 */
export function rankOf(date: unknown, open: boolean): number {
  const time = typeof date === 'string' ? Date.parse(date) : typeof date === 'number' ? date : NaN;
  return (open ? 1e15 : 0) + (Number.isFinite(time) ? time : -1e14);
}

/** The state an open incident adds to the page: its impact, at least minor. */
export function openIndicator(impact: Impact | undefined): Indicator {
  return !impact || impact === 'none' ? 'minor' : impactToIndicator(impact);
}

/** A list bounded at `max`: the first items, or the newest (`select` with rankOf). */
export function bounded<T>(
  items: readonly T[],
  max: number,
  glance: (item: T) => Glance,
  what: string,
  warnings: Warnings,
): Selection<T> {
  const selection = selectItems(items, max, glance);
  if (selection.leftOut)
    warnings.add(
      `Read the newest ${max} of ${items.length} ${what}; the rest still count for the overall state.`,
    );
  return selection;
}

/** The worst of a derived indicator and what the items left out unread add to it. */
export function withLeftOut(
  indicator: Indicator,
  ...selections: Array<Selection<unknown>>
): Indicator {
  return worstIndicator([indicator, ...selections.map((selection) => selection.indicator)]);
}

/** Components past MAX_COMPONENTS counted, glanced at only for the state they add. */
export function firstComponents<T>(
  items: readonly T[],
  glance: (item: T) => Indicator | undefined,
  warnings: Warnings,
): Selection<T> {
  const selection = firstItems(items, MAX_COMPONENTS, glance);
  if (selection.leftOut)
    warnings.add(`Read the first ${MAX_COMPONENTS} of ${items.length} components.`);
  return selection;
}

/**
 * What a reader keeps of a list it has not read yet: at most `max` items, ranked by
 * `glance` (a look at one or two fields, never a full read), best first in one pass
 * over the list; the others only counted, with the worst state they add to the page,
 * so that an outage among them still shows in the overall indicator.
 */
export interface Selection<T> {
  kept: T[];
  leftOut: number;
  /** The worst of the left-out items' states ('unknown', which counts for nothing, when none). */
  indicator: Indicator;
}

/** What `glance` tells of an item: its rank (higher is kept first) and the state it adds. */
export interface Glance {
  rank: number;
  indicator?: Indicator;
}

/**
 * The `max` items of highest rank, in the list's order, chosen in one pass with a
 * bounded heap (n log max, not a sort of the whole list); ties keep the earlier item.
 */
export function selectItems<T>(
  items: readonly T[],
  max: number,
  glance: (item: T) => Glance,
): Selection<T> {
  if (items.length <= max) return { kept: [...items], leftOut: 0, indicator: 'unknown' };
  // A min-heap of [rank, index]: its root is the weakest item kept so far.
  const heap: Array<[number, number]> = [];
  const weaker = (a: [number, number], b: [number, number]) =>
    a[0] < b[0] || (a[0] === b[0] && a[1] > b[1]);
  const down = (from: number) => {
    for (let at = from; ;) {
      const left = 2 * at + 1;
      let least = at;
      if (left < heap.length && weaker(heap[left]!, heap[least]!)) least = left;
      if (left + 1 < heap.length && weaker(heap[left + 1]!, heap[least]!)) least = left + 1;
      if (least === at) return;
      [heap[at], heap[least]] = [heap[least]!, heap[at]!];
      at = least;
    }
  };
  const up = (from: number) => {
    for (let at = from; at > 0;) {
      const parent = (at - 1) >> 1;
      if (!weaker(heap[at]!, heap[parent]!)) return;
      [heap[at], heap[parent]] = [heap[parent]!, heap[at]!];
      at = parent;
    }
  };
  const glances = items.map(glance);
  glances.forEach(({ rank }, index) => {
    const entry: [number, number] = [Number.isNaN(rank) ? -Infinity : rank, index];
    if (heap.length < max) {
      heap.push(entry);
      up(heap.length - 1);
    } else if (weaker(heap[0]!, entry)) {
      heap[0] = entry;
      down(0);
    }
  });
  const keep = new Uint8Array(items.length);
  for (const [, index] of heap) keep[index] = 1;
  const kept: T[] = [];
  const states: Indicator[] = [];
  items.forEach((item, index) => {
    if (keep[index]) kept.push(item);
    else if (glances[index]!.indicator) states.push(glances[index]!.indicator!);
  });
  return {
    kept,
    leftOut: items.length - kept.length,
    indicator: states.length ? worstIndicator(states) : 'unknown',
  };
}

/** The first `max` items, the rest glanced at for the state they add (`rank` unused). */
export function firstItems<T>(
  items: readonly T[],
  max: number,
  glance: (item: T) => Indicator | undefined,
): Selection<T> {
  const states: Indicator[] = [];
  for (let index = max; index < items.length; index++) {
    const state = glance(items[index]!);
    if (state) states.push(state);
  }
  return {
    kept: items.slice(0, max),
    leftOut: Math.max(0, items.length - max),
    indicator: states.length ? worstIndicator(states) : 'unknown',
  };
}

/**
 * When a monitor's current status began: the oldest check of the unbroken run, newest
 * last, that shares the newest check's status. Feeds of checks (Uptime Kuma, Gatus)
 * have no "changed at"; a component's `updatedAt` says when its status changed, so a
 * banner's "Since …" and the uptime strip's today start there, not at the last check.
 */
export function statusSince(checks: readonly { at: string; status: string }[]): string | undefined {
  const sorted = [...checks].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  let index = sorted.length - 1;
  while (index > 0 && sorted[index - 1]!.status === sorted[index]!.status) index -= 1;
  return sorted[index]?.at;
}
