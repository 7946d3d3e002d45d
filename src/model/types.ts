/** The overall state of a status page: the worst of what is active. */
export type Indicator = 'operational' | 'minor' | 'major' | 'critical' | 'maintenance' | 'unknown';

export type ComponentStatus =
  | 'operational'
  | 'degraded_performance'
  | 'partial_outage'
  | 'major_outage'
  | 'under_maintenance'
  | 'unknown';

export type Impact = 'none' | 'minor' | 'major' | 'critical' | 'maintenance';

export type IncidentStatus =
  'investigating' | 'identified' | 'monitoring' | 'resolved' | 'postmortem';

export type MaintenanceStatus = 'scheduled' | 'in_progress' | 'verifying' | 'completed';

export interface StatusPage {
  name: string;
  /** The status page itself: the one source of truth every widget links to. */
  url?: string;
  subscribeUrl?: string;
  /** IANA time zone of the page, e.g. "Etc/UTC". */
  timeZone?: string;
}

export interface StatusComponent {
  id: string;
  name: string;
  status: ComponentStatus;
  /** Name of the group the component belongs to, if any. */
  group?: string;
  /** Share of the last 24 hours the component was up, 0–100, where the source measures it. */
  uptime24h?: number;
  description?: string;
  updatedAt?: string;
  /**
   * Daily history, oldest first, where the feed records it (at most 365 days). A day
   * missing from the list is a day without data, never an operational one.
   */
  history?: ComponentDay[];
}

/** Minutes spent in a status during one day. */
export type StatusMinutes = Partial<Record<ComponentStatus, number>>;

/**
 * One calendar day of a component's history. The day is counted in the page's time
 * zone (`StatusPage.timeZone`, UTC when the page names none).
 */
export interface ComponentDay {
  /** The calendar day, `YYYY-MM-DD`. */
  date: string;
  /** Share of the day's recorded time the component was up, 0–100 (partial and major outages count as down). */
  uptime?: number;
  /** The worst status the component was in during the day. */
  worst?: ComponentStatus;
  /** Minutes spent in each status other than operational. */
  downtime?: StatusMinutes;
}

/**
 * Where the components' daily history comes from: `recorded` by the feed from the
 * components' own status changes, or `derived-from-incidents`, rebuilt from the
 * incidents the feed lists (their affected components, impact, start and end).
 */
export type HistorySource = 'recorded' | 'derived-from-incidents';

export interface IncidentUpdate {
  id: string;
  status: IncidentStatus | MaintenanceStatus;
  /** Plain text; never markup. */
  body: string;
  createdAt: string;
  /**
   * The status this update gave each component it names, where the format says so
   * (Statuspage's `affected_components`): the uptime strip's past days use it
   * instead of the incident's impact.
   */
  affected?: ComponentUpdate[];
}

/** A component's status as one incident update set it. */
export interface ComponentUpdate {
  id: string;
  status: ComponentStatus;
}

export interface Incident {
  id: string;
  name: string;
  status: IncidentStatus;
  impact: Impact;
  createdAt: string;
  updatedAt: string;
  resolvedAt?: string;
  /** The incident's page (http/https only). */
  url?: string;
  /** Ids of affected components. */
  components: string[];
  /** Newest first. */
  updates: IncidentUpdate[];
  /** When the next update is promised. */
  nextUpdateAt?: string;
  postmortemUrl?: string;
}

export interface Maintenance extends Omit<Incident, 'status'> {
  status: MaintenanceStatus;
  scheduledFor: string;
  scheduledUntil?: string;
}

/** The normalized model every adapter produces and every element renders. */
export interface StatusSnapshot {
  page: StatusPage;
  indicator: Indicator;
  /** The provider's own summary line, if any. */
  description: string;
  components: StatusComponent[];
  /** Components past the most a snapshot keeps, left unread (the status page lists them). */
  componentsLeftOut?: number;
  /** Newest first; resolved history where the source has it. */
  incidents: Incident[];
  /**
   * True when `incidents` holds the source's resolved past (not only what is open
   * now): only then may a list say "no incidents in the last 90 days".
   */
  pastIncidentsRead?: boolean;
  /** Scheduled, in progress, recently completed. */
  maintenances: Maintenance[];
  /** ISO 8601: when the provider last changed anything. */
  updatedAt?: string;
  /** Where the components' `history` comes from; set when any component has one. */
  historySource?: HistorySource;
  /** Items an adapter could not read and dropped, in words a person can act on. */
  warnings?: string[];
  /** Related endpoints the feed announced (http/https only). */
  links?: { /** Server-sent events URL for live updates. */ events?: string };
  /** A relay's upstream sources and how each answered (the native feed's `sources`). */
  sources?: SourceReport[];
}

/** One source a relay reads, as its feed reports it. */
export interface SourceReport {
  url: string;
  /** The adapter that reads it (`auto` until its format is known). */
  adapter: string;
  /** ok: answered last time; stale: answered before, not lately; error: never answered. */
  state: 'ok' | 'stale' | 'error';
  /** ISO 8601: when it last answered. */
  lastAnsweredAt?: string;
  /** What went wrong, in words, when the state is not ok. */
  problem?: string;
}

export const INDICATORS: readonly Indicator[] = [
  'operational',
  'minor',
  'major',
  'critical',
  'maintenance',
  'unknown',
];
export const COMPONENT_STATUSES: readonly ComponentStatus[] = [
  'operational',
  'degraded_performance',
  'partial_outage',
  'major_outage',
  'under_maintenance',
  'unknown',
];
export const IMPACTS: readonly Impact[] = ['none', 'minor', 'major', 'critical', 'maintenance'];
export const INCIDENT_STATUSES: readonly IncidentStatus[] = [
  'investigating',
  'identified',
  'monitoring',
  'resolved',
  'postmortem',
];
export const MAINTENANCE_STATUSES: readonly MaintenanceStatus[] = [
  'scheduled',
  'in_progress',
  'verifying',
  'completed',
];

/** The version of the native feed format (`feed.json`) this package reads and writes. */
export const NATIVE_VERSION = 1;
