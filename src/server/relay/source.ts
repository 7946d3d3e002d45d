// One relayed source: polled on its own timer with the widgets' adapters, its last
// good snapshot kept, and its state said honestly (ok, stale, error).
import { createAutoAdapter } from '../../adapters/auto.js';
import { adapterNames, detectAdapter, getAdapter } from '../../adapters/registry.js';
import type { FeedAdapter } from '../../adapters/types.js';
import type { SourceReport, StatusSnapshot } from '../../model/types.js';
import { recordStatuses, type StatusLog } from '../status-log.js';
import type { SourceSpec } from './spec.js';
import { DEFAULT_LIMITS, Upstream, type UpstreamLimits } from './upstream.js';

/** Failed polls wait longer each time, up to this. */
const MAX_BACKOFF_MS = 15 * 60_000;
/** A Retry-After longer than this is taken as this. */
const MAX_RETRY_AFTER_MS = 60 * 60_000;

export class RelaySource {
  readonly upstream: Upstream;
  private readonly adapter: FeedAdapter;
  snapshot: StatusSnapshot | undefined;
  lastAnsweredAt: Date | undefined;
  problem: string | undefined;
  /** Polls failed in a row. */
  failures = 0;
  /**
   * The status changes of the components whose source carries no history of its own,
   * as this relay saw them between polls (kept in memory: it starts again with the
   * process). While the source does not answer, the last status seen holds.
   */
  statusLog: StatusLog = {};
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private inFlight: AbortController | undefined;

  constructor(
    readonly spec: SourceSpec,
    private readonly now: () => Date,
    private readonly onPoll: () => void,
    limits: UpstreamLimits = DEFAULT_LIMITS,
    private readonly random: () => number = Math.random,
    via?: string,
  ) {
    this.upstream = new Upstream(limits, Date.now, via);
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
    this.upstream.retryAfterMs = undefined;
    try {
      const snapshot = await this.adapter.load(
        this.spec.url,
        this.upstream.fetch,
        controller.signal,
        { history: true },
      );
      if (this.stopped) return;
      this.snapshot = snapshot;
      this.lastAnsweredAt = this.now();
      const unmeasured = snapshot.components.filter((component) => !component.history);
      this.statusLog = recordStatuses(this.statusLog, unmeasured, this.lastAnsweredAt).log;
      this.failures = 0;
      this.problem = undefined;
    } catch (error) {
      if (this.stopped) return;
      this.failures += 1;
      const reason = error instanceof Error ? error.message : String(error);
      this.problem = this.lastAnsweredAt
        ? `No answer since ${this.lastAnsweredAt.toISOString()}: ${reason}`
        : reason;
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
  }
}
