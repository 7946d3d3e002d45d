// Not public API: how boolean options read their attributes. Frameworks that bind
// attributes (React 18, Vue's and Svelte's attribute names) write `compact="false"`;
// HTML's presence rule would read that as true, the opposite of what was written.
// Declared as `{ attribute: 'name', converter: flag }` literals in each element, so
// the manifest analyzer reads them.
import type { ComplexAttributeConverter } from 'lit';

/** Absent: the default; present: true, unless the attribute says "false". */
export const flag: ComplexAttributeConverter<boolean | undefined> = {
  fromAttribute: (value) => (value === null ? undefined : value !== 'false'),
  toAttribute: (value) => (value ? '' : null),
};
