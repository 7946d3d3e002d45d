// How much of a feed the widgets keep and draw: bounded, so that no feed can make a
// page hold, copy or lay out more than a list could ever show.
import type { StatusSnapshot } from './types.js';

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
