// Cross-tab sharing: of all the tabs of a site that show a feed, one (the leader,
// holding a Web Lock named after the feed) polls it and hands every result to the
// others over a BroadcastChannel. When the leader closes or hides, its lock is
// released and a waiting tab takes over.
import type { StatusSnapshot } from '../model/types.js';
import type { FeedState } from './store.js';

export type TabMessage =
  | {
      type: 'result';
      snapshot?: StatusSnapshot;
      state: FeedState;
      error?: string;
      fetchedAt?: number;
    }
  /** A tab that just started asks the leader for what it has. */
  | { type: 'hello' }
  /** A follower's refresh() (a retry button) asks the leader to load now. */
  | { type: 'refresh' };

/** True where both Web Locks and BroadcastChannel exist (else each tab polls alone). */
export function canShareAcrossTabs(): boolean {
  return typeof BroadcastChannel === 'function' && !!globalThis.navigator?.locks;
}

export class TabLink {
  private readonly _channel: BroadcastChannel;
  private _waiting?: AbortController;
  private _release?: () => void;

  constructor(
    private readonly _name: string,
    onMessage: (message: TabMessage) => void,
    private readonly _onLead: () => void,
  ) {
    this._channel = new BroadcastChannel(_name);
    this._channel.onmessage = (event: MessageEvent<TabMessage>) => onMessage(event.data);
  }

  get leading(): boolean {
    return this._release !== undefined;
  }

  /** Queues for the lock; `onLead` runs once this tab holds it. */
  requestLead(): void {
    if (this._waiting || this._release) return;
    const waiting = new AbortController();
    this._waiting = waiting;
    navigator.locks
      .request(this._name, { signal: waiting.signal }, () => {
        // Granted just as we gave up: return at once, which releases it.
        if (waiting.signal.aborted) return;
        this._waiting = undefined;
        return new Promise<void>((resolve) => {
          this._release = resolve;
          this._onLead();
        });
      })
      .catch(() => {
        // Aborted while waiting: nothing to do.
      });
  }

  /** Leaves the queue or releases the lock, so another tab can lead. */
  stepDown(): void {
    this._waiting?.abort();
    this._waiting = undefined;
    this._release?.();
    this._release = undefined;
  }

  post(message: TabMessage): void {
    try {
      this._channel.postMessage(message);
    } catch {
      // A snapshot that cannot be cloned is not worth breaking the leader for.
    }
  }

  close(): void {
    this.stepDown();
    this._channel.close();
  }
}
