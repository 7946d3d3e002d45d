// The `components` rule shared by every element and its pure model: a comma-separated
// list of component ids or names (names may hold spaces, so commas separate).
import type { StatusComponent } from './types.js';

/** The ids the filter names, or undefined when there is no filter. */
export function componentFilter(
  filter: string | undefined,
  components: readonly StatusComponent[],
): Set<string> | undefined {
  const wanted = (filter ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  if (!wanted.length) return undefined;
  return new Set(
    components
      .filter((c) => wanted.includes(c.id.toLowerCase()) || wanted.includes(c.name.toLowerCase()))
      .map((c) => c.id),
  );
}

/** True when the item touches one of the filtered components (or there is no filter). */
export function touches(item: { components: readonly string[] }, ids?: Set<string>): boolean {
  return !ids || item.components.some((id) => ids.has(id));
}

/** The component named by id or (case-insensitively) by name. */
export function findComponent(
  components: readonly StatusComponent[],
  idOrName: string,
): StatusComponent | undefined {
  const wanted = idOrName.trim().toLowerCase();
  return components.find((c) => c.id.toLowerCase() === wanted || c.name.toLowerCase() === wanted);
}
