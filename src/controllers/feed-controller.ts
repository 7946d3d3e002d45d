import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { getFeed, type FeedOptions, type FeedState, type FeedStore } from '../feed/store.js';
import type { StatusSnapshot } from '../model/types.js';
import { StatusChangeEvent, StatusErrorEvent } from '../internal/events.js';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Binds an element to the page's shared store for its feed: subscribes while the
 * element is connected, follows changes of `src`/`adapter`/`interval`, and fires
 * `status-change` / `status-error` on real transitions only.
 */
export class FeedController implements ReactiveController {
  snapshot?: StatusSnapshot;
  state: FeedState = 'loading';
  error?: Error;
  fetchedAt?: number;

  private store?: FeedStore;
  private unsubscribe?: () => void;
  private key = '';

  constructor(
    private readonly host: Host,
    private readonly options: () => Partial<FeedOptions>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connect();
  }

  hostDisconnected(): void {
    this.disconnect();
  }

  hostUpdate(): void {
    // Follow attribute changes without waiting for a reconnect.
    const { src, adapter, interval } = this.options();
    if (this.host.isConnected && `${src}|${adapter}|${interval}` !== this.key) this.connect();
  }

  /** Asks the store to load now (the error state's retry button). */
  retry(): void {
    void this.store?.refresh();
  }

  private connect(): void {
    this.disconnect();
    const { src, adapter, interval } = this.options();
    this.key = `${src}|${adapter}|${interval}`;
    if (!src) return;
    try {
      this.store = getFeed({ src, adapter });
    } catch (error) {
      // A bad URL or an unknown adapter name is the page author's to fix: say so.
      this.apply(undefined, 'error', error instanceof Error ? error : new Error(String(error)));
      return;
    }
    this.unsubscribe = this.store.subscribe((store) => {
      this.fetchedAt = store.fetchedAt;
      this.apply(store.snapshot, store.state, store.error);
    }, interval);
  }

  private disconnect(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.store = undefined;
  }

  private apply(snapshot: StatusSnapshot | undefined, state: FeedState, error?: Error): void {
    const changed = snapshot !== undefined && snapshot !== this.snapshot;
    const failed = error !== undefined && error !== this.error;
    this.snapshot = snapshot;
    this.state = state;
    this.error = error;
    this.host.requestUpdate();
    if (changed) this.host.dispatchEvent(new StatusChangeEvent(snapshot));
    if (failed) this.host.dispatchEvent(new StatusErrorEvent(error));
  }
}
