// How much of a feed the widgets keep and draw: bounded, so that no feed can make a
// page hold, copy or lay out more than a list could ever show.
import { worstIndicator } from './indicator.js';
import type { Indicator, StatusSnapshot } from './types.js';

/**
 * Components a snapshot keeps: far more than any list shows, few enough that a
 * hostile feed of 100,000 cannot stall the page that keeps, compares and draws them.
 */
export const MAX_COMPONENTS = 5000;

/**
 * Incidents, and maintenances, a snapshot keeps: the newest, far more than any list
 * shows, few enough that a feed of 100,000 costs no more to read than a real one.
 */
export const MAX_ITEMS = 300;

/** Updates kept per incident, the newest: more than any timeline shows. */
export const MAX_UPDATES = 100;

/** The most of a text (a body, a description, a name) a snapshot keeps: what a list draws. */
export const MAX_TEXT = 2000;

/**
 * The snapshot with at most MAX_COMPONENTS components, the rest counted in
 * `componentsLeftOut` ("And N more on the status page"). Its indicator was worked out
 * from them all, so what is left out still counts in the overall state.
 */
export function boundComponents(snapshot: StatusSnapshot): StatusSnapshot {
  const rest = snapshot.components.length - MAX_COMPONENTS;
  if (rest <= 0) return snapshot;
  return {
    ...snapshot,
    components: snapshot.components.slice(0, MAX_COMPONENTS),
    componentsLeftOut: (snapshot.componentsLeftOut ?? 0) + rest,
  };
}

/**
 * Text cut to at most `max` characters, with an ellipsis: what an element draws of
 * a feed's names and bodies, so that no feed can make a page lay out a megabyte of
 * text. The full text stays on the status page.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  // Never between the two halves of a surrogate pair: half a character is no text.
  const end = /[\ud800-\udbff]/.test(text[max - 2] ?? '') ? max - 2 : max - 1;
  return `${text.slice(0, end).trimEnd()}…`;
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
