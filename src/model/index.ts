export type * from './types.js';
export {
  INDICATORS,
  COMPONENT_STATUSES,
  IMPACTS,
  INCIDENT_STATUSES,
  MAINTENANCE_STATUSES,
} from './types.js';
export { FeedFormatError, FeedRequestError } from './errors.js';
export {
  worstIndicator,
  indicatorRank,
  impactToIndicator,
  componentStatusToIndicator,
  deriveIndicator,
  isActiveIncident,
  isActiveMaintenance,
  postmortemLink,
} from './indicator.js';
export { sortNewestFirst } from './sort.js';
export { plainText, safeUrl, isoDate } from './sanitize.js';
export {
  UPDATE_INTERVAL_MS,
  lastUpdateAt,
  updateDue,
  isOverdue,
  isOverrunning,
} from './overdue.js';
export type { UpdateDue } from './overdue.js';
export { incidentUrl, withoutTrailingSlashes } from './incident-url.js';
export { promisedUpdateAt, withTextPromise } from './promise.js';
