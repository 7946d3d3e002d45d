// One relayed source: polled on its own timer with the widgets' adapters, its last
// good snapshot kept, and its state said honestly (ok, stale, error).
import { createAutoAdapter } from '../../adapters/auto.js';
import { adapterNames, detectAdapter, getAdapter } from '../../adapters/registry.js';
import type { FeedAdapter } from '../../adapters/types.js';
import { boundComponents } from '../../model/bounds.js';
import type { SourceReport, StatusSnapshot } from '../../model/types.js';
import { recordStatuses, type StatusLog } from '../status-log.js';
import type { SourceSpec } from './spec.js';
import { DEFAULT_LIMITS, Upstream, type Resolve, type UpstreamLimits } from './upstream.js';

/** Failed polls wait longer each time, up to this. */
const MAX_BACKOFF_MS = 15 * 60_000;
/** A Retry-After longer than this is taken as this. */
const MAX_RETRY_AFTER_MS = 60 * 60_000;
/** A source's last data is shown (as stale) for at least this long, then its status is unknown. */
export const UNKNOWN_AFTER_MS = 10 * 60_000;
/** …and for at least this many of its intervals. */
const UNKNOWN_AFTER_INTERVALS = 3;

/**
 * What the public feed says went wrong. It tells nothing about the network behind
 * the source (a closed port, a port that is not HTTP and an HTTP error all read the
 * same, so the relay cannot be used to scan ports); the server's log has the detail.
 */
export const PROBLEMS = {
  unreadable: 'The source could not be read.',
  notAFeed: 'What the source sends is not a status feed the relay reads.',
  refused:
    'The source led to an address the relay does not read (another host, an address of its own network, or not http/https).',
  loop: "The source is this server itself: a relay cannot read its own feeds. Give the source's own address.",
};

/**
 * The key of a relayed component in the source's status log: its id behind a colon,
 * so that no id a source sends (`__proto__`, `toString`) can be an object's own member.
 */
export function logKey(id: string): string {
  return `:${id}`;
}

export interface RelaySourceOptions {
  limits?: UpstreamLimits;
  random?: () => number;
  /** The `Via` its requests carry (see Relay). */
  via?: string;
  /** How host names are resolved (tests give their own names). */
  resolve?: Resolve;
  /** Milliseconds after its last answer that a failing source's status is unknown. */
  unknownAfterMs?: number;
}

export class RelaySource {
  readonly upstream: Upstream;
  private readonly adapter: FeedAdapter;
  snapshot: StatusSnapshot | undefined;
  lastAnsweredAt: Date | undefined;
  /** When the relay first asked it (the start of "unknown" for one that never answered). */
  firstAskedAt: Date | undefined;
  /** What the public feed says went wrong. */
  problem: string | undefined;
  /** What went wrong, in full, for the server's log and `export`. */
  detail: string | undefined;
  /** Milliseconds after the last answer that the status of a failing source is unknown. */
  readonly unknownAfterMs: number;
  /** Polls failed in a row. */
  failures = 0;
  /**
   * The status changes of the components whose source carries no history of its own
   * (keyed by `logKey`), as this relay saw them between polls (kept in memory: it
   * starts again with the process). While the source does not answer, the last status
   * seen holds, until the page says it is unknown (see `unknownSince`).
   */
  statusLog: StatusLog = {};
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private inFlight: AbortController | undefined;
  private readonly random: () => number;

  constructor(
    readonly spec: SourceSpec,
    private readonly now: () => Date,
    private readonly onPoll: () => void,
    options: RelaySourceOptions = {},
  ) {
    this.random = options.random ?? Math.random;
    this.unknownAfterMs =
      options.unknownAfterMs ??
      Math.max(UNKNOWN_AFTER_MS, UNKNOWN_AFTER_INTERVALS * spec.intervalSeconds * 1000);
    this.upstream = new Upstream(spec.url, {
      limits: options.limits ?? DEFAULT_LIMITS,
      via: options.via,
      resolve: options.resolve,
    });
    this.adapter = spec.adapter
      ? getAdapter(spec.adapter)
      : (detectAdapter(spec.url) ?? this.detectingAdapter());
  }

  /** Detection as the widgets do it, noting which format it found for the report. */
  private detectingAdapter(): FeedAdapter {
    return createAutoAdapter(() =>
      adapterNames().map((name) => {
        const adapter = getAdapter(name);
        return {
          ...adapter,
          load: (...args: Parameters<FeedAdapter['load']>) => {
            this.detected = adapter.name;
            return adapter.load(...args);
          },
        };
      }),
    );
  }

  /** The adapter's name as the feed reports it (`auto` until the format is known). */
  get adapterName(): string {
    return this.detected ?? this.adapter.name;
  }

  private detected: string | undefined;

  get state(): SourceReport['state'] {
    if (this.failures === 0 && this.snapshot) return 'ok';
    return this.snapshot ? 'stale' : 'error';
  }

  /**
   * Since when its status is unknown, or undefined while it is known: from the first
   * ask while it never answered, from its last answer once that is more than
   * `unknownAfterMs` old and the polls since have failed.
   */
  unknownSince(now: number = this.now().getTime()): Date | undefined {
    if (!this.snapshot) return this.failures > 0 ? this.firstAskedAt : undefined;
    if (this.failures === 0 || !this.lastAnsweredAt) return undefined;
    return now - this.lastAnsweredAt.getTime() > this.unknownAfterMs
      ? this.lastAnsweredAt
      : undefined;
  }

  /** When a failing source's status becomes unknown, if it is not already (ms since epoch). */
  unknownAt(): number | undefined {
    if (this.failures === 0 || !this.lastAnsweredAt || this.unknownSince()) return undefined;
    return this.lastAnsweredAt.getTime() + this.unknownAfterMs + 1;
  }

  report(): SourceReport {
    const report: SourceReport = {
      url: this.spec.url.href,
      adapter: this.adapterName,
      state: this.state,
    };
    if (this.lastAnsweredAt) report.lastAnsweredAt = this.lastAnsweredAt.toISOString();
    if (this.state !== 'ok') report.problem = this.problem ?? 'No answer yet.';
    return report;
  }

  /** Polls once; never throws (a failure is this source's state). */
  async poll(): Promise<void> {
    const controller = new AbortController();
    this.inFlight = controller;
    this.upstream.beginPoll();
    this.firstAskedAt ??= this.now();
    try {
      const snapshot = await this.adapter.load(
        this.spec.url,
        this.upstream.fetch,
        controller.signal,
        { history: true },
      );
      if (this.stopped) return;
      // Bounded as the widgets bound it; what is left out is counted, and carried.
      this.snapshot = boundComponents(snapshot);
      this.lastAnsweredAt = this.now();
      const unmeasured = this.snapshot.components.flatMap((component) =>
        component.history ? [] : [{ id: logKey(component.id), status: component.status }],
      );
      this.statusLog = recordStatuses(this.statusLog, unmeasured, this.lastAnsweredAt).log;
      this.failures = 0;
      this.problem = undefined;
      this.detail = undefined;
    } catch (error) {
      if (this.stopped) return;
      this.failures += 1;
      const reason = error instanceof Error ? error.message : String(error);
      const trouble = this.upstream.trouble;
      const problem =
        trouble === 'loop'
          ? PROBLEMS.loop
          : trouble === 'refused'
            ? PROBLEMS.refused
            : trouble === 'unreadable'
              ? PROBLEMS.unreadable
              : PROBLEMS.notAFeed;
      const since = this.lastAnsweredAt
        ? `No answer since ${this.lastAnsweredAt.toISOString()}: `
        : '';
      this.problem = `${since}${problem}`;
      this.detail = `${since}${reason}`;
      console.error(`status-widgets-server: source ${this.spec.url.href}: ${reason}`);
    } finally {
      this.inFlight = undefined;
    }
    this.onPoll();
  }

  /** Milliseconds to the next poll: the interval, longer after failures, with jitter. */
  nextDelayMs(): number {
    const interval = this.spec.intervalSeconds * 1000;
    if (this.failures === 0) return interval;
    const backoff = Math.min(MAX_BACKOFF_MS, interval * 2 ** (this.failures - 1));
    // Jitter: sources that failed together do not all come back at the same instant.
    const jittered = Math.max(interval, backoff * (0.75 + this.random() * 0.5));
    const retryAfter = Math.min(MAX_RETRY_AFTER_MS, this.upstream.retryAfterMs ?? 0);
    return Math.max(jittered, retryAfter);
  }

  /** Polls now, then on the timer, until `stop`. Resolves once the first poll is done. */
  async start(): Promise<void> {
    await this.poll();
    this.schedule();
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.poll().then(() => this.schedule());
    }, this.nextDelayMs());
    this.timer.unref();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.inFlight?.abort();
    this.upstream.close();
  }
}
