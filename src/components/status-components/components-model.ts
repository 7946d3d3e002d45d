// Pure rules behind <status-components>: components in feed order, grouped by
// their group, each group with its worst status.
import { componentStatusToIndicator, indicatorRank } from '../../model/indicator.js';
import type { Indicator, StatusComponent } from '../../model/types.js';

export interface ComponentGroup {
  /** The group's name; undefined for components outside any group. */
  name?: string;
  components: StatusComponent[];
  /** The worst state among the group's components. */
  indicator: Indicator;
}

/**
 * Groups in the order they first appear; consecutive ungrouped components share
 * one unnamed entry, so the feed's order is kept. At most `limit` components are
 * kept (a group's state still counts all of its own); `more` says how many are left.
 */
export function groupComponents(
  components: readonly StatusComponent[],
  ids?: Set<string>,
  limit = Infinity,
): { groups: ComponentGroup[]; more: number } {
  const groups: ComponentGroup[] = [];
  let kept = 0;
  let more = 0;
  const named = new Map<string, ComponentGroup>();
  for (const component of components) {
    if (ids && !ids.has(component.id)) continue;
    let group = component.group ? named.get(component.group) : groups.at(-1);
    if (!group || (!component.group && group.name !== undefined)) {
      // "unknown" ranks below every real state: the first component's replaces it.
      group = { name: component.group, components: [], indicator: 'unknown' };
      groups.push(group);
      if (component.group) named.set(component.group, group);
    }
    const indicator = componentStatusToIndicator(component.status);
    if (indicatorRank(indicator) > indicatorRank(group.indicator)) group.indicator = indicator;
    if (kept < limit) {
      group.components.push(component);
      kept += 1;
    } else more += 1;
  }
  return { groups: groups.filter((group) => group.components.length), more };
}
