import { resolveAdapter } from '../adapters/registry.js';
import type { FeedAdapter } from '../adapters/types.js';
import { boundComponents } from '../model/bounds.js';
import type { StatusSnapshot } from '../model/types.js';
import { readCache, writeCache } from './cache.js';
import { FeedFetcher, type LoadRequest } from './fetcher.js';
import { eventsUrl } from './events.js';
import { feedKey, KEY_PREFIX } from './key.js';
import type { FeedStream } from './stream.js';
import { FeedSubject } from './subject.js';
import type { TabLink, TabResult } from './tabs.js';
import { PollTimer, SECOND } from './timing.js';
import {
  DEFAULT_INTERVAL,
  MIN_INTERVAL,
  type FeedEnvironment,
  type FeedOptions,
  type FeedTransport,
  type FeedWants,
} from './types.js';

export * from './types.js';
export { REQUEST_TIMEOUT_MS } from './fetcher.js';

export type FeedListener = (store: FeedStore) => void;

/**
 * One shared poller per adapter+URL: every element that names the same feed
 * subscribes to the same store, so the page makes one request per poll, and across
 * the tabs of a site one tab polls for all. It runs only while it has subscribers,
 * and never while the page is hidden.
 */
export class FeedStore extends FeedSubject {
  /** The interval for subscribers that name none (seconds); `getFeed({ interval })` sets it. */
  defaultInterval?: number;
  /** The transport for subscribers that name none; `getFeed({ transport })` sets it. */
  defaultTransport?: FeedTransport;

  private readonly _env: FeedEnvironment;
  private readonly _fetcher: FeedFetcher;
  /** The event stream, once the feed has one (its code loads then, after the first paint). */
  private _stream?: FeedStream;
  private _tab?: TabLink;
  private readonly _poll = new PollTimer(() => {
    // Hidden: skip; becoming visible polls (see onVisibility).
    if (!hidden()) void this.refresh();
  });
  /** `requestHistory()` was called (by a script, or for another tab that shows it). */
  private _historyAsked = false;
  /** True when the snapshot shown holds the resolved history. */
  private _withHistory = false;
  /**
   * A refresh() asked while this tab did not lead and no leader has answered since:
   * when it is still waiting for the lock, nobody may be there to hear the request,
   * so the tab loads itself once it leads.
   */
  private _refreshAsked = false;

  constructor(
    readonly url: URL,
    readonly adapter: FeedAdapter,
    env: Partial<FeedEnvironment> = {},
  ) {
    super();
    this._env = {
      fetch: (...args) => globalThis.fetch(...args),
      shareAcrossTabs: true,
      persist: true,
      ...env,
    };
    this._fetcher = new FeedFetcher(this._env.fetch);
  }

  /** Identifies the feed: in the page's registry, the Web Lock, the channel, the cache and the elements. */
  get key(): string {
    return feedKey(this.adapter.name, this.url);
  }

  /** When this tab polls next (ms since the epoch); undefined while it does not poll. */
  get nextPollAt(): number | undefined {
    return this._poll.at;
  }

  /** Seconds between polls: the shortest any subscriber present asks for, floored. */
  get interval(): number {
    const fallback = this.defaultInterval ?? DEFAULT_INTERVAL;
    const interval = Math.min(...this._wants().map((wants) => wants.interval ?? fallback));
    return Math.max(MIN_INTERVAL, Number.isFinite(interval) ? interval : DEFAULT_INTERVAL);
  }

  /** `sse` while any subscriber present asks for the event stream, else `poll`. */
  get transport(): FeedTransport {
    return this._wants().some((w) => (w.transport ?? this.defaultTransport) === 'sse')
      ? 'sse'
      : 'poll';
  }

  // Sets the transport for subscribers that name none (kept for scripts that set it).
  set transport(transport: FeedTransport) {
    this.defaultTransport = transport;
  }

  /** What each subscriber present asks; with none, what one naming nothing would. */
  private _wants(): FeedWants[] {
    return this._listeners.size ? [...this._listeners.values()] : [{}];
  }

  /** True in a tab that shares the feed and does not lead: it shows what the leader loads. */
  private get _follows(): boolean {
    return !!this._tab && !this._tab.leading;
  }

  /**
   * Adds a listener (called now and on every change) with what it asks of the feed
   * (or just its interval, in seconds); returns its unsubscribe function.
   */
  subscribe(listener: FeedListener, wants: FeedWants | number = {}): () => void {
    const first = this._listeners.size === 0;
    const { history, transport } = this;
    this._listeners.set(listener, typeof wants === 'number' ? { interval: wants } : wants);
    if (first) this._start();
    else {
      if (this.history && !history) this._historyWanted();
      if (this.transport !== transport) this._openStream();
    }
    listener(this);
    return () => {
      if (!this._listeners.delete(listener)) return;
      if (this._listeners.size === 0) this._stop();
    };
  }

  /**
   * Loads now (aborting a load under way) and schedules the next poll. In a tab
   * that does not lead, asks the leading tab to load.
   */
  async refresh(): Promise<void> {
    if (this._follows) {
      this._refreshAsked = true;
      return this._tab!.post({ type: 'refresh' });
    }
    this._refreshAsked = false;
    return this._load();
  }

  /**
   * True while a subscriber present shows the resolved history, or once
   * `requestHistory()` asked for it.
   */
  get history(): boolean {
    return this._historyAsked || this._wants().some((wants) => wants.history);
  }

  /**
   * Reads the resolved history too from now on, where the format keeps it apart
   * (Statuspage's incidents.json), and adds it to what is shown without asking
   * again for the rest. Elements that show the history ask for it; the others
   * cost one request per poll.
   */
  requestHistory(): void {
    const wanted = this.history;
    this._historyAsked = true;
    if (!wanted) this._historyWanted();
  }

  /** The history has just become wanted: read it now, or ask the leading tab to. */
  private _historyWanted(): void {
    if (this._follows) this._tab!.post({ type: 'history' });
    else if (this.snapshot && !this._fetcher.busy && !hidden() && this._listeners.size) {
      void this._load({ reuse: true });
    }
  }

  /**
   * One load through the adapter: from the network, or with a feed document the
   * event stream pushed (`pushed`), or with the bodies the last load read (`reuse`).
   */
  private async _load(request: LoadRequest = {}): Promise<void> {
    // Nothing is planned while a load is under way; its end plans the next.
    this._poll.cancel();
    const history = this.history;
    const again = request.pushed !== undefined || request.reuse;
    let loaded;
    try {
      loaded = await this._fetcher.load(this.url, this.adapter, { ...request, history });
    } catch (error) {
      // A pushed document the adapter cannot read: ask the feed itself.
      if (again) return this._load();
      return this._fail(error as Error);
    }
    if (!loaded) return; // superseded by a newer load, or stopped
    if (!again) this._poll.maxAge = loaded.maxAge;
    this._withHistory = history;
    // Byte-for-byte the same answers (a 304 revalidation, say): nothing to redraw.
    const { snapshot } = this;
    // Whatever the reader, a hostile feed's 100,000 components are not kept, copied
    // to other tabs or stored.
    const kept = loaded.unchanged && !this.cached && snapshot;
    this._succeed(kept || boundComponents(loaded.snapshot));
    // The history was asked for while this load was under way.
    if (this.history && !history) void this._load({ reuse: true });
  }

  private _start(): void {
    if (this._env.persist && !this.snapshot) {
      const kept = readCache(this.key);
      // Younger than an interval, the kept snapshot is as good as a fresh poll.
      if (kept) {
        const fresh = Date.now() - kept.fetchedAt < this.interval * SECOND;
        this._json = JSON.stringify(kept.snapshot);
        this._withHistory = kept.history;
        this._set({ ...kept, state: fresh ? 'ready' : 'stale' }, true);
      }
    }
    globalThis.document?.addEventListener('visibilitychange', this._onVisibility);
    globalThis.addEventListener?.('online', this._onOnline);
    if (this._env.shareAcrossTabs && canShareAcrossTabs()) {
      // The cross-tab code loads on demand. With nothing kept to show, this tab polls
      // meanwhile (the first paint waits for no code); with a kept snapshot it has
      // painted already, and waits to learn whether another tab leads.
      if (!this.snapshot) this._resume();
      import('./tabs.js').then(
        ({ TabLink }) => this._link(TabLink),
        // The code could not be had (offline, say): this tab polls on its own.
        () => this._listeners.size && this._resume(),
      );
    } else {
      this._resume();
    }
  }

  /** Joins the other tabs showing this feed: the one holding the lock polls for all. */
  private _link(Link: typeof TabLink): void {
    // Stopped while the code loaded, or linked already by a restart.
    if (!this._listeners.size || this._tab) return;
    // Until the lock says this tab leads, it does not poll (a load under way ends).
    this._poll.cancel();
    this._tab = new Link(KEY_PREFIX + this.key, {
      onLead: () => this._resume(),
      onResult: (result) => this._takeResult(result),
      onRefresh: () => void this.refresh(),
      onHistory: () => this.requestHistory(),
      current: () => (this.state === 'loading' || this.cached ? undefined : this._result()),
    });
    if (!hidden()) this._tab.requestLead();
  }

  private _stop(): void {
    globalThis.document?.removeEventListener('visibilitychange', this._onVisibility);
    globalThis.removeEventListener?.('online', this._onOnline);
    this._pause();
    this._tab?.close();
    this._tab = undefined;
    if (this._stream) this._stream.broken = false;
  }

  /** Stops polling here: timers cleared, the request under way aborted, the stream closed. */
  private _pause(): void {
    this._poll.cancel();
    this._fetcher.abort();
    this._stream?.close();
  }

  /**
   * Starts polling in this tab (it leads, or polls alone): at once when the data is
   * older than an interval, else when it comes due.
   */
  private _resume(): void {
    // A load under way plans the next one when it ends.
    if (hidden() || this._follows || this._fetcher.busy) return;
    const due = this._poll.dueAt(this.fetchedAt, this.interval * SECOND);
    const lacking = this.history && !this._withHistory;
    const asked = this._refreshAsked || this._poll.failures || this.state === 'loading';
    if (asked || lacking || Date.now() >= due) {
      void this.refresh();
    } else this._schedule(due - Date.now());
    this._openStream();
  }

  private _schedule(delay: number): void {
    this._poll.cancel();
    // Nobody is listening, another tab leads, or the event stream tells us of changes.
    if (!this._listeners.size || this._follows) return;
    if (!this._stream?.open || this._poll.failures) this._poll.start(delay);
  }

  private _succeed(snapshot: StatusSnapshot): void {
    const fetchedAt = Date.now();
    // Same content as what is shown (say, the kept copy): keep the shown object.
    this._set({ snapshot: this._sameOrNew(snapshot), state: 'ready', fetchedAt });
    if (this._env.persist && this._json) {
      writeCache(this.key, this._json, fetchedAt, this._withHistory);
    }
    this._tab?.post(this._result());
    this._schedule(this._poll.succeeded(this.interval * SECOND));
    this._openStream();
  }

  private _fail(error: Error): void {
    const state = this.snapshot ? 'stale' : 'error';
    this._set({ snapshot: this.snapshot, state, error, fetchedAt: this.fetchedAt }, this.cached);
    this._tab?.post(this._result());
    this._schedule(this._poll.failed(error, this.interval * SECOND));
  }

  /** The leading tab's result, shown here as if this tab had loaded it. */
  private _takeResult(result: TabResult): void {
    this._refreshAsked = false;
    // The leader does not read the history this tab shows: ask it to.
    if (this.history && !result.history) this._tab!.post({ type: 'history' });
    this._withHistory = !!result.history;
    const error = result.error === undefined ? undefined : new Error(result.error);
    this._set({ ...result, snapshot: this._sameOrNew(result.snapshot), error });
  }

  private _result(): TabResult {
    const { snapshot, state, error, fetchedAt } = this;
    const history = this._withHistory;
    return { type: 'result', snapshot, state, error: error?.message, fetchedAt, history };
  }

  private readonly _onVisibility = (): void => {
    if (hidden()) {
      // A hidden tab neither polls nor leads: a visible tab takes over.
      this._pause();
      this._tab?.stepDown();
    } else if (this._tab) {
      this._tab.requestLead();
    } else {
      this._resume();
    }
  };

  private readonly _onOnline = (): void => {
    if (!hidden() && (!this._tab || this._tab.leading)) void this.refresh();
  };

  private _openStream(): void {
    if (hidden() || this._follows || !this._listeners.size) return;
    const url = eventsUrl(this.url, this.snapshot, this.transport === 'sse');
    if (!url) return;
    void import('./stream.js').then(
      ({ FeedStream }) => {
        this._stream ??= new FeedStream({
          // Open: the stream tells us of changes, so the poll timer is not needed.
          onOpen: () => {
            if (!this._poll.failures) this._poll.cancel();
          },
          onChange: (pushed) => void this._load({ pushed }),
          // Broken: poll for the rest of this run.
          onBreak: () => this._resume(),
        });
        // Still this tab's to open once the code is here?
        if (!hidden() && !this._follows && this._listeners.size) this._stream.connect(url);
      },
      () => undefined,
    ); // without its code, polling goes on
  }
}

/** True where both Web Locks and BroadcastChannel exist (else each tab polls alone). */
function canShareAcrossTabs(): boolean {
  return typeof BroadcastChannel === 'function' && !!globalThis.navigator?.locks;
}

function hidden(): boolean {
  return globalThis.document?.visibilityState === 'hidden';
}

const stores = new Map<string, FeedStore>();

/** The page's shared store for this feed (created on first use). */
export function getFeed(options: FeedOptions): FeedStore {
  const url = new URL(options.src, globalThis.location?.href);
  const adapter = resolveAdapter(url, options.adapter);
  const key = feedKey(adapter.name, url);
  let store = stores.get(key);
  if (!store) {
    store = new FeedStore(url, adapter);
    stores.set(key, store);
  }
  // Defaults for the caller's own subscribers that name none (the latest call's);
  // elements name theirs when they subscribe.
  if (options.interval !== undefined && Number.isFinite(options.interval)) {
    store.defaultInterval = options.interval;
  }
  if (options.transport !== undefined) store.defaultTransport = options.transport;
  // A script's getFeed({ history: true }) reads it for the rest of the page view.
  if (options.history) store.requestHistory();
  return store;
}
