// The relayed page: the team's own data (if any) and every source's last snapshot,
// as one ServerData the existing documents are rendered from.
import type { Incident, Indicator, Maintenance, StatusComponent } from '../../model/types.js';
import type { ServerData } from '../data.js';
import type { PublishedData } from '../feed.js';
import type { StatusLog } from '../status-log.js';
import { logKey, type RelaySource } from './source.js';

/** Short, stable, unique keys for the sources: their host names, numbered when repeated. */
export function sourceKeys(sources: readonly RelaySource[]): string[] {
  const seen = new Map<string, number>();
  return sources.map((source) => {
    const host = source.spec.url.hostname.replace(/^\[|\]$/g, '');
    const count = (seen.get(host) ?? 0) + 1;
    seen.set(host, count);
    return count === 1 ? host : `${host}-${count}`;
  });
}

function label(source: RelaySource): string {
  return source.spec.name ?? source.snapshot?.page.name ?? source.spec.url.host;
}

function prefixed<T extends Incident | Maintenance>(item: T, key: string, pageUrl?: string): T {
  return {
    ...item,
    id: `${key}/${item.id}`,
    components: item.components.map((id) => `${key}/${id}`),
    // The status each update gave a component names the relayed component too.
    updates: item.updates.map((update) =>
      update.affected
        ? { ...update, affected: update.affected.map((a) => ({ ...a, id: `${key}/${a.id}` })) }
        : update,
    ),
    // Its own page, else the source's page: never a link the relay would make up.
    url: item.url ?? pageUrl,
  };
}

/**
 * `data` with the sources' components, incidents and maintenances added. Component
 * and item ids are prefixed with the source's key, so two sources never collide.
 * Components are grouped by source when the page shows more than one source.
 */
export function mergeSources(
  data: ServerData,
  sources: readonly RelaySource[],
  ownPage: boolean,
  now: number = Date.now(),
): PublishedData {
  const keys = sourceKeys(sources);
  const grouped = sources.length + (data.components.length > 0 ? 1 : 0) > 1;
  const components: StatusComponent[] = [...data.components];
  const incidents: Incident[] = [...data.incidents];
  const maintenances: Maintenance[] = [...data.maintenances];
  const indicators: Indicator[] = [];
  const unknown: NonNullable<PublishedData['unknown']> = [];
  const statusLog: StatusLog = { ...data.statusLog };
  let componentsLeftOut = 0;
  let updatedAt = ownPage ? data.updatedAt : undefined;
  sources.forEach((source, index) => {
    const key = keys[index]!;
    const snapshot = source.snapshot;
    const group = grouped ? label(source) : undefined;
    const since = source.unknownSince(now)?.toISOString();
    if (since) unknown.push({ name: label(source), since });
    if (!snapshot) {
      // Never answered: what its components are is not known, so the page says
      // "unknown" for the source as a whole, never "operational".
      components.push({ id: `${key}/unknown`, name: label(source), status: 'unknown', group });
      return;
    }
    // Past the bound its last data is too old to stand for now: its components are
    // unknown from its last answer, and its own indicator no longer counts.
    if (!since) indicators.push(snapshot.indicator);
    componentsLeftOut += snapshot.componentsLeftOut ?? 0;
    const logged = new Map(Object.entries(source.statusLog));
    for (const component of snapshot.components) {
      const inner = component.group;
      const id = `${key}/${component.id}`;
      const records = logged.get(logKey(component.id));
      if (records) {
        statusLog[id] = since ? [...records, { at: since, status: 'unknown' }] : records;
      }
      components.push({
        ...component,
        ...(since ? { status: 'unknown' } : {}),
        id,
        group: group ? (inner ? `${group} · ${inner}` : group) : inner,
      });
    }
    incidents.push(...snapshot.incidents.map((item) => prefixed(item, key, snapshot.page.url)));
    maintenances.push(
      ...snapshot.maintenances.map((item) => prefixed(item, key, snapshot.page.url)),
    );
    if (snapshot.updatedAt && (!updatedAt || snapshot.updatedAt > updatedAt))
      updatedAt = snapshot.updatedAt;
  });
  // Without a page of its own, a relay of one source is that source's page.
  const only = sources.length === 1 && !ownPage ? sources[0]!.snapshot : undefined;
  const page = only ? { ...only.page, name: sources[0]!.spec.name ?? only.page.name } : data.page;
  for (const component of components) if (component.group === undefined) delete component.group;
  const merged: PublishedData = {
    ...data,
    page,
    components,
    incidents,
    maintenances,
    updatedAt: updatedAt ?? data.updatedAt,
    statusLog,
    sources: sources.map((source) => source.report()),
    sourceIndicators: indicators,
    // The page's past is known only when every source's was read.
    pastIncidentsRead: sources.every((source) => source.snapshot?.pastIncidentsRead === true),
  };
  if (unknown.length) merged.unknown = unknown;
  if (componentsLeftOut) merged.componentsLeftOut = componentsLeftOut;
  return merged;
}
