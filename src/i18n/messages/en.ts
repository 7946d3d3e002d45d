// English: the complete message table every other locale is checked against.
// It is split by what uses it, so that one element's own bundle carries only its
// own words; the other languages load whole, on demand (see ../index.ts).

/**
 * A message: a string with `{name}` placeholders, or plural forms chosen by the
 * locale's plural rules for `{count}` (`other` is required, the rest as the
 * language needs them).
 */
export type Message = string | ({ other: string } & Partial<Record<Intl.LDMLPluralRule, string>>);

/** What every element may say: load states, overall and component statuses. */
export const enCommon = {
  'indicator.operational': 'All systems operational',
  'indicator.minor': 'Minor outage',
  'indicator.major': 'Major outage',
  'indicator.critical': 'Critical outage',
  'indicator.maintenance': 'Under maintenance',
  'indicator.unknown': 'Status unknown',
  'component.operational': 'Operational',
  'component.degraded_performance': 'Degraded performance',
  'component.partial_outage': 'Partial outage',
  'component.major_outage': 'Major outage',
  'component.under_maintenance': 'Under maintenance',
  'component.unknown': 'Unknown',
  'state.loading': 'Checking status…',
  'state.error': 'Status unavailable',
  'state.errorDetail': 'Live status can’t be shown here right now.',
  'state.stale': 'Status as of {time}; the latest status can’t be loaded right now',
  'state.sourceStale': 'Part of this status is as of {time}; one of its sources is not answering',
  'action.retry': 'Try again',
  'link.statusPage': 'View status page',
  'badge.status': 'Status',
  'badge.stale': 'as of {time}',
  'list.more': 'And {count} more on the status page',
  // A time on another day; zone names the language writes itself (IANA id=name).
  'time.onDate': '{time} on {date}',
  'time.zones': 'UTC=UTC',
};

/** Incidents and maintenances: the banner and the incident list. */
export const enItems = {
  'impact.none': 'No impact',
  'impact.minor': 'Minor impact',
  'impact.major': 'Major impact',
  'impact.critical': 'Critical impact',
  'impact.maintenance': 'Maintenance',
  'status.investigating': 'Investigating',
  'status.identified': 'Identified',
  'status.monitoring': 'Monitoring',
  'status.resolved': 'Resolved',
  'status.postmortem': 'Postmortem',
  'status.scheduled': 'Scheduled',
  'status.in_progress': 'In progress',
  'status.verifying': 'Verifying',
  'status.completed': 'Completed',
  'link.subscribe': 'Subscribe to updates',
  'link.more': 'more',
  'link.postmortem': 'Read the postmortem',
  'list.separator': ', ',
  'update.next': 'Next update by {time}',
  'update.overdue': 'The next update was due at {time} ({ago})',
  'update.overrun': 'Running longer than planned: it was due to end at {time}',
};

/** The banner. */
export const enBanner = {
  'action.dismiss': 'Dismiss',
  'banner.label': 'Service status',
  'banner.andMore': '{names} and {count} more',
  'banner.since': 'Since {time}',
  'banner.count': { one: '{count} active incident', other: '{count} active incidents' },
  'banner.updated': 'Updated {time}',
  'banner.updatedNow': 'Updated just now',
  'banner.resolved': 'Resolved at {time}',
  'banner.details': 'Details',
  'banner.dismissed': 'Status notice dismissed',
  'banner.starts': 'Starts {time}',
  'banner.until': 'Until {time}',
};

/** The incident list. */
export const enIncidents = {
  'incidents.label': 'Incidents',
  'incidents.maintenance': 'Maintenance',
  'incidents.empty': {
    one: 'No incidents in the last day',
    other: 'No incidents in the last {count} days',
  },
  'incidents.affects': 'Affects {names}',
  'incidents.started': 'Started {time}',
  'incidents.resolvedAt': 'Resolved {time}',
  'incidents.duration': 'Lasted {duration}',
  'incidents.plannedDuration': 'Expected to last {duration}',
  'incidents.scheduled': 'Scheduled {time}',
  'incidents.history': 'Past incidents are on the status page',
  'incidents.earlier': 'Earlier updates ({count})',
};

/** The component list. */
export const enComponents = {
  'components.label': 'Components',
  'components.empty': 'No components to show',
};

/** The uptime history strip. */
export const enUptime = {
  'uptime.label': 'Uptime history',
  'uptime.strip': { one: '{name}: the last day', other: '{name}: the last {count} days' },
  'uptime.figure': '{percent} uptime',
  'uptime.days': { one: 'over {count} day with data', other: 'over {count} days with data' },
  'uptime.noData': 'No data',
  'uptime.noDataWindow': 'No data for these days',
  'uptime.none': 'No uptime history is available.',
  'uptime.derived': 'Derived from the incidents the status page reported',
  'uptime.timeIn': '{status}: {duration}',
  'uptime.noIncidents': 'No incidents reported',
  'uptime.minor': 'Degraded or partial outage',
  'uptime.legend': 'Legend',
  'uptime.day': '{date}: {details}',
  'uptime.separator': '; ',
};

export const en = {
  ...enCommon,
  ...enItems,
  ...enBanner,
  ...enIncidents,
  ...enComponents,
  ...enUptime,
};

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, Message>;
