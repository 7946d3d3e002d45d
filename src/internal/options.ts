// Not public API: how boolean options read their attributes. Frameworks that bind
// attributes (React 18, Vue's and Svelte's attribute names) write `compact="false"`;
// HTML's presence rule would read that as true, the opposite of what was written.
import type { ComplexAttributeConverter, PropertyDeclaration } from 'lit';

const flag: ComplexAttributeConverter<boolean | undefined> = {
  // Absent: the default; present: true, unless it says "false".
  fromAttribute: (value) => (value === null ? undefined : value !== 'false'),
  toAttribute: (value) => (value ? '' : null),
};

/** A boolean option: a real boolean as a property, `attr`, `attr="true"` or `attr="false"` as an attribute. */
export const booleanOption = (attribute?: string): PropertyDeclaration => ({
  attribute: attribute ?? true,
  converter: flag,
});
