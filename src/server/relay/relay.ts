// Relay mode: the server reads other status sources and republishes them, with
// the team's own data, as its own page. One poll per source per interval, however
// many browsers read the result; a change bumps the revision the documents and the
// event stream follow.
import type { RevisionedData } from '../documents.js';
import type { PublishedData } from '../feed.js';
import { mergeSources } from './merge.js';
import { RelaySource } from './source.js';
import { checkNotSelf, type SourceSpec } from './spec.js';
import { DEFAULT_LIMITS, type Resolve, type UpstreamLimits } from './upstream.js';
import { provideXmlParser } from './xml.js';

/** How far behind the published `lastAnsweredAt` of a healthy source may fall. */
const ANSWERED_REFRESH_MS = 5 * 60_000;
/** The longest delay setTimeout takes (about 24.8 days). */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface RelayOptions {
  limits?: Partial<UpstreamLimits>;
  now?: () => Date;
  /**
   * The `Via` value its requests carry: the server that runs the relay answers a
   * request carrying its own with 508 Loop Detected, however the source's address
   * reaches it (another name, a proxy), where `start` can only compare addresses.
   */
  via?: string;
  /** How the sources' host names are resolved (default: the system's resolver). */
  resolve?: Resolve;
  /**
   * Milliseconds after its last answer that a failing source's status is unknown
   * (default: 10 minutes or 3 of its intervals, whichever is longer).
   */
  unknownAfterMs?: number;
}

export class Relay {
  readonly sources: RelaySource[];
  /** Bumped when anything a reader could see changes. */
  private ownRevision = 1;
  private published = '';
  private publishedAt = 0;
  private readonly listeners = new Set<() => void>();
  private readonly now: () => Date;
  /** Fires when a failing source's status becomes unknown, between its polls. */
  private unknownTimer: NodeJS.Timeout | undefined;

  constructor(specs: readonly SourceSpec[], options: RelayOptions = {}) {
    this.now = options.now ?? (() => new Date());
    provideXmlParser();
    const limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.sources = specs.map(
      (spec) =>
        new RelaySource(spec, this.now, () => this.polled(), {
          limits,
          via: options.via,
          resolve: options.resolve,
          unknownAfterMs: options.unknownAfterMs,
        }),
    );
  }

  /** Refuses sources that are this server; then polls each once and keeps polling. */
  async start(listening: URL): Promise<void> {
    for (const source of this.sources) checkNotSelf(source.spec, listening);
    await Promise.all(this.sources.map((source) => source.start()));
  }

  /** Polls every source once, now (the timers keep their own pace). */
  async pollNow(): Promise<void> {
    await Promise.all(this.sources.map((source) => source.poll()));
  }

  stop(): void {
    clearTimeout(this.unknownTimer);
    for (const source of this.sources) source.stop();
  }

  /** Upstream requests sent, in all (for monitoring and the benchmark). */
  get upstreamRequests(): number {
    return this.sources.reduce((sum, source) => sum + source.upstream.counters.requests, 0);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** After each poll: a new revision only when what readers see would change. */
  private polled(): void {
    const view = JSON.stringify(
      this.sources.map((source) => ({
        snapshot: source.snapshot,
        state: source.state,
        problem: source.state === 'ok' ? undefined : source.problem,
        adapter: source.adapterName,
        unknownSince: source.unknownSince(),
      })),
    );
    const now = this.now().getTime();
    this.watchUnknown(now);
    if (view === this.published && now - this.publishedAt < ANSWERED_REFRESH_MS) return;
    this.published = view;
    this.publishedAt = now;
    this.ownRevision += 1;
    for (const listener of this.listeners) listener();
  }

  /**
   * A source whose polls fail turns unknown at a time of its own, maybe long before its
   * next (backed-off) poll: the page says so then, and the event streams hear of it.
   */
  private watchUnknown(now: number): void {
    clearTimeout(this.unknownTimer);
    const due = this.sources
      .map((source) => source.unknownAt())
      .filter((at): at is number => at !== undefined);
    if (!due.length) return;
    // Past the largest delay a timer takes it would fire at once: it looks again then.
    const delay = Math.min(MAX_TIMER_MS, Math.max(0, Math.min(...due) - now));
    this.unknownTimer = setTimeout(() => this.polled(), delay);
    this.unknownTimer.unref();
  }

  /**
   * The page to publish: `own` merged with the sources, as a revisioned source for
   * the DocumentSet. `ownPage`: the team runs its own data file too.
   */
  compose(own: RevisionedData, ownPage: boolean): RevisionedData {
    let merged = -1;
    let data: PublishedData | undefined;
    // Both counters only grow, so their sum changes whenever either does.
    const revision = () => own.revision + this.ownRevision;
    const current = () => {
      if (!data || merged !== revision()) {
        merged = revision();
        data = mergeSources(own.data, this.sources, ownPage, this.now().getTime());
      }
      return data;
    };
    return {
      get revision() {
        return revision();
      },
      get data() {
        return current();
      },
    };
  }
}
