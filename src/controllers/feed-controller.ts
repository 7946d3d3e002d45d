import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { getFeed, type FeedOptions, type FeedState, type FeedStore } from '../feed/store.js';
import type { StatusSnapshot } from '../model/types.js';
import { StatusChangeEvent, StatusErrorEvent } from '../internal/events.js';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Binds an element to the page's shared store for its feed: subscribes while the
 * element is connected, follows changes of `src`/`adapter`/`interval`/`transport`,
 * and fires `status-change` / `status-error` on real transitions only.
 */
export class FeedController implements ReactiveController {
  snapshot?: StatusSnapshot;
  state: FeedState = 'loading';
  error?: Error;

  private _store?: FeedStore;
  private _unsubscribe?: () => void;
  private _key = '';

  constructor(
    private readonly _host: Host,
    private readonly _options: () => Partial<FeedOptions>,
  ) {
    _host.addController(this);
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

  /** When this tab polls next (ms since the epoch), if it polls. */
  get nextPollAt(): number | undefined {
    return this._store?.nextPollAt;
  }

  hostConnected(): void {
    this._connect();
  }

  hostDisconnected(): void {
    this._disconnect();
  }

  hostUpdate(): void {
    // Follow attribute changes without waiting for a reconnect.
    if (this._host.isConnected && this._optionsKey() !== this._key) this._connect();
  }

  /** Asks the store to load now (the error state's retry button). */
  retry(): void {
    void this._store?.refresh();
  }

  private _optionsKey(): string {
    const { src, adapter, interval, transport } = this._options();
    return `${src}|${adapter}|${interval}|${transport}`;
  }

  private _connect(): void {
    this._disconnect();
    const { src, adapter, interval, transport } = this._options();
    this._key = this._optionsKey();
    if (!src) return;
    let store: FeedStore;
    try {
      store = getFeed({ src, adapter, transport });
    } catch (error) {
      // A bad URL or an unknown adapter name is the page author's to fix: say so.
      this._apply(undefined, 'error', error instanceof Error ? error : new Error(String(error)));
      return;
    }
    this._store = store;
    this._unsubscribe = store.subscribe(
      () => this._apply(store.snapshot, store.state, store.error),
      interval,
    );
  }

  private _disconnect(): void {
    this._unsubscribe?.();
    this._unsubscribe = undefined;
    this._store = undefined;
  }

  private _apply(snapshot: StatusSnapshot | undefined, state: FeedState, error?: Error): void {
    const changed = snapshot !== undefined && snapshot !== this.snapshot;
    const failed = error !== undefined && error !== this.error;
    if (!changed && !failed && state === this.state && error === this.error) return;
    this.snapshot = snapshot;
    this.state = state;
    this.error = error;
    this._host.requestUpdate();
    if (changed) this._host.dispatchEvent(new StatusChangeEvent(snapshot));
    if (failed) this._host.dispatchEvent(new StatusErrorEvent(error));
  }
}
