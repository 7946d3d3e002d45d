import type {
  ComponentStatus,
  Impact,
  Incident,
  Indicator,
  Maintenance,
  StatusComponent,
} from './types.js';

// Severity order for "worst of": maintenance is planned, so it ranks below any
// outage but above operational; unknown ranks lowest so real data always wins.
const INDICATOR_RANK: Record<Indicator, number> = {
  unknown: -1,
  operational: 0,
  maintenance: 1,
  minor: 2,
  major: 3,
  critical: 4,
};

/** The most severe of a set of indicators; `operational` for an empty set. */
export function worstIndicator(indicators: Iterable<Indicator>): Indicator {
  let worst: Indicator | undefined;
  for (const indicator of indicators) {
    if (worst === undefined || INDICATOR_RANK[indicator] > INDICATOR_RANK[worst]) {
      worst = indicator;
    }
  }
  return worst ?? 'operational';
}

export function indicatorRank(indicator: Indicator): number {
  return INDICATOR_RANK[indicator];
}

export function impactToIndicator(impact: Impact): Indicator {
  return impact === 'none' ? 'operational' : impact;
}

// Components alone never make a page "critical": that word is reserved for an
// incident a person declared critical. This matches Statuspage, whose page read
// "major" with five components in major_outage (GitHub, 2020-04-02).
export function componentStatusToIndicator(status: ComponentStatus): Indicator {
  switch (status) {
    case 'operational':
      return 'operational';
    case 'degraded_performance':
    case 'partial_outage':
      return 'minor';
    case 'major_outage':
      return 'major';
    case 'under_maintenance':
      return 'maintenance';
    default:
      return 'unknown';
  }
}

/**
 * The severity an incident or maintenance shows, the same in every element: a resolved
 * incident its resolved mark (operational); an open one without a stated impact is
 * minor, never operational; otherwise its impact.
 */
export function shownIndicator(item: Incident | Maintenance, maintenance = false): Indicator {
  if (!maintenance && !isActiveIncident(item as Incident)) return 'operational';
  return item.impact === 'none' ? 'minor' : impactToIndicator(item.impact);
}

export function isActiveIncident(incident: Incident): boolean {
  return incident.status !== 'resolved' && incident.status !== 'postmortem';
}

export function isActiveMaintenance(maintenance: Maintenance): boolean {
  return maintenance.status === 'in_progress' || maintenance.status === 'verifying';
}

/**
 * The overall indicator, the same rule for every source. A source that reports its
 * own overall state (Statuspage's `status.indicator`: pass it as `reported`) is
 * followed: the page's own word, even when a component is worse ("minor" with a
 * component in major outage), since the banner shows each incident's own impact.
 * One exception keeps the first promise, never a false "all is well": a headline of
 * operational or unknown (or maintenance) while an incident is active or a component
 * is down never wins; then the worst of what is active speaks: the active
 * incidents' impacts, a maintenance in progress, the components' states. An empty
 * page (no components, nothing active) is operational only when the provider says so.
 */
export function deriveIndicator(
  parts: {
    components?: readonly Pick<StatusComponent, 'status'>[];
    incidents?: readonly Incident[];
    maintenances?: readonly Maintenance[];
  },
  reported?: Indicator,
): Indicator {
  // A headline of an outage (minor, major, critical) is the page's own word.
  if (reported && INDICATOR_RANK[reported] > INDICATOR_RANK.maintenance) return reported;
  const found: Indicator[] = [];
  for (const incident of parts.incidents ?? []) {
    if (isActiveIncident(incident)) {
      // An active incident without a stated impact is still not "operational".
      found.push(incident.impact === 'none' ? 'minor' : impactToIndicator(incident.impact));
    }
  }
  for (const maintenance of parts.maintenances ?? []) {
    if (isActiveMaintenance(maintenance)) found.push('maintenance');
  }
  for (const component of parts.components ?? []) {
    const indicator = componentStatusToIndicator(component.status);
    if (indicator !== 'unknown') found.push(indicator);
  }
  if (reported && reported !== 'unknown') found.push(reported);
  if (found.length === 0) return reported ?? 'unknown';
  const worst = worstIndicator(found);
  // A feed that says part of it is not known (a relay whose source went silent) is
  // never read as all well: only an outage it does know outranks its "unknown".
  return reported === 'unknown' && indicatorRank(worst) <= INDICATOR_RANK.maintenance
    ? 'unknown'
    : worst;
}

/**
 * Where to read what was done: the feed's postmortem link, else, once the
 * incident's status says a postmortem is published (Statuspage), its own page.
 */
export function postmortemLink(incident: Incident): string | undefined {
  return incident.postmortemUrl ?? (incident.status === 'postmortem' ? incident.url : undefined);
}
