// What a feed's subscribers see, and when they are told: the last good snapshot, the
// load state and the last failure. The store (./store.ts) decides what comes next.
import type { StatusSnapshot } from '../model/types.js';
import type { FeedState, FeedWants } from './types.js';

export interface Stamp {
  snapshot?: StatusSnapshot;
  state: FeedState;
  error?: Error;
  fetchedAt?: number;
}

export class FeedSubject {
  /** The last good snapshot; kept through failures. */
  snapshot?: StatusSnapshot;
  state: FeedState = 'loading';
  /** The last failure, with a message a person can act on; cleared by a success. */
  error?: Error;
  /** When the snapshot was fetched (ms since the epoch). */
  fetchedAt?: number;
  /** True while the snapshot is the one kept from an earlier page view. */
  cached = false;

  /** Each listener, with what it asked of the feed. */
  protected readonly _listeners = new Map<(subject: this) => void, FeedWants>();
  /** JSON of the snapshot shown, to tell new data with the same content. */
  protected _json?: string;

  /** Age of the data in ms, or undefined before the first snapshot. */
  get age(): number | undefined {
    return this.fetchedAt === undefined ? undefined : Date.now() - this.fetchedAt;
  }

  /** `snapshot`, or the one shown when it has the same content (say, the kept copy). */
  protected _sameOrNew(snapshot?: StatusSnapshot): StatusSnapshot | undefined {
    if (snapshot && snapshot === this.snapshot) return snapshot;
    const json = snapshot && JSON.stringify(snapshot);
    if (json === this._json && this.snapshot) snapshot = this.snapshot;
    this._json = json;
    return snapshot;
  }

  /** Takes a new state and tells the listeners, only when something they show changed. */
  protected _set(next: Stamp, cached = false): void {
    // The same failure again is not news: keep the error object, so no new event fires.
    const error =
      next.error && next.error.message === this.error?.message ? this.error : next.error;
    const changed =
      next.snapshot !== this.snapshot ||
      next.state !== this.state ||
      error !== this.error ||
      cached !== this.cached;
    this.snapshot = next.snapshot;
    this.state = next.state;
    this.error = error;
    this.fetchedAt = next.fetchedAt;
    this.cached = cached;
    if (changed) for (const listener of this._listeners.keys()) listener(this);
  }
}
