import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { getFeed, type FeedOptions, type FeedState, type FeedStore } from '../feed/store.js';
import type { StatusSnapshot } from '../model/types.js';
import { StatusChangeEvent, StatusErrorEvent } from '../internal/events.js';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Binds an element to the page's shared store for its feed: subscribes while the
 * element is connected, follows changes of `src`/`adapter`/`interval`/`transport`,
 * and fires `status-change` / `status-error` on real transitions only.
 *
 * It alone owns the feed state: the element reads `snapshot`, `state` and `error`
 * in `update()`, after `hostUpdate` has synced them, so a change caused by the
 * element's own update (a new `src`, a kept snapshot handed over on subscribe) is
 * drawn in that same update.
 */
export class FeedController implements ReactiveController {
  private _snapshot?: StatusSnapshot;
  private _state: FeedState = 'loading';
  private _error?: Error;
  private _store?: FeedStore;
  private _unsubscribe?: () => void;
  private _key?: string;

  constructor(
    private readonly _host: Host,
    private readonly _options: () => Partial<FeedOptions>,
  ) {
    _host.addController(this);
  }

  get snapshot(): StatusSnapshot | undefined {
    return this._snapshot;
  }

  /** `loading|ready|stale|error`. */
  get state(): FeedState {
    return this._state;
  }

  /** The last failure; kept while the last good snapshot is shown as stale. */
  get error(): Error | undefined {
    return this._error;
  }

  /** When the snapshot was fetched (ms since the epoch). */
  get fetchedAt(): number | undefined {
    return this._store?.fetchedAt;
  }

  /** Age of the snapshot in ms. */
  get age(): number | undefined {
    return this._store?.age;
  }

  /** True while the snapshot is the one kept from an earlier page view. */
  get cached(): boolean {
    return this._store?.cached ?? false;
  }

  /**
   * The feed's one identity (`feedKey()`: adapter and absolute URL), for what an
   * element remembers per feed; the raw `src` until the store is made.
   */
  get key(): string {
    return this._store?.key ?? String(this._options().src);
  }

  /** When this tab polls next (ms since the epoch), if it polls. */
  get nextPollAt(): number | undefined {
    return this._store?.nextPollAt;
  }

  hostConnected(): void {
    // Frameworks and scripts often set `src` just after connecting: an empty one is
    // judged at the first update, not here.
    if (this._key !== undefined) this._connect();
  }

  hostDisconnected(): void {
    this._disconnect();
  }

  hostUpdate(): void {
    // Follow attribute changes without waiting for a reconnect.
    if (this._host.isConnected && this._optionsKey() !== this._key) this._connect();
  }

  /** Loads now (the retry button): reconnects when the store could not even be made. */
  retry(): void {
    if (this._store) void this._store.refresh();
    else {
      this._connect();
      this._host.requestUpdate();
    }
  }

  private _optionsKey(): string {
    return Object.values(this._options()).join('|');
  }

  private _connect(): void {
    this._disconnect();
    const { src, adapter, interval, transport, history } = this._options();
    this._key = this._optionsKey();
    const tag = this._host.localName;
    let store: FeedStore;
    try {
      if (!src) {
        throw new Error(`<${tag}> has no src: set src="…" to the status page or feed URL.`);
      }
      store = getFeed({ src, adapter });
    } catch (error) {
      // A missing or bad URL or an unknown adapter name is the page author's to fix.
      this._apply(undefined, 'error', error instanceof Error ? error : new Error(String(error)));
      return;
    }
    this._store = store;
    // What this element asks (its interval, the stream, the resolved history) lasts
    // while it is subscribed: a list that leaves stops the history's requests.
    this._unsubscribe = store.subscribe(
      () => this._apply(store.snapshot, store.state, store.error),
      { interval, transport: transport ?? 'poll', history: !!history },
    );
  }

  private _disconnect(): void {
    this._unsubscribe?.();
    this._unsubscribe = undefined;
    this._store = undefined;
  }

  private _apply(snapshot: StatusSnapshot | undefined, state: FeedState, error?: Error): void {
    const changed = snapshot !== undefined && snapshot !== this._snapshot;
    const failed = error !== undefined && error !== this._error;
    if (snapshot === this._snapshot && state === this._state && error === this._error) return;
    this._snapshot = snapshot;
    this._state = state;
    this._error = error;
    this._host.requestUpdate();
    if (changed) this._host.dispatchEvent(new StatusChangeEvent(snapshot));
    if (failed) {
      const tag = this._host.localName;
      const options = this._options();
      import('../internal/diagnostics.js').then(
        (diagnostics) => diagnostics.warnOnce(tag, options, error),
        () => console.warn(`[status-widgets] <${tag}>: ${error.message}`),
      );
      this._host.dispatchEvent(new StatusErrorEvent(error));
    }
  }
}
