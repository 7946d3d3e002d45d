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
 * one unnamed entry, so the feed's order is kept.
 */
export function groupComponents(
  components: readonly StatusComponent[],
  ids?: Set<string>,
): ComponentGroup[] {
  const groups: ComponentGroup[] = [];
  const named = new Map<string, ComponentGroup>();
  for (const component of components) {
    if (ids && !ids.has(component.id)) continue;
    let group = component.group ? named.get(component.group) : groups.at(-1);
    if (!group || (!component.group && group.name !== undefined)) {
      group = { name: component.group, components: [], indicator: 'operational' };
      groups.push(group);
      if (component.group) named.set(component.group, group);
    }
    group.components.push(component);
    const indicator = componentStatusToIndicator(component.status);
    if (indicatorRank(indicator) > indicatorRank(group.indicator) || group.components.length === 1)
      group.indicator = indicator;
  }
  return groups;
}
