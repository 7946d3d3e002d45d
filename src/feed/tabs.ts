// Cross-tab sharing: of all the tabs of a site that show a feed, one (the leader,
// holding a Web Lock named after the feed) polls it and hands every result to the
// others over a BroadcastChannel. When the leader closes or hides, its lock is
// released and a waiting tab takes over. This code loads on demand (see the store).
import type { StatusSnapshot } from '../model/types.js';
import type { FeedState } from './types.js';

/** The leader's latest load, as every tab shows it. */
export interface TabResult {
  type: 'result';
  snapshot?: StatusSnapshot;
  state: FeedState;
  error?: string;
  fetchedAt?: number;
  /** True when the snapshot holds the resolved history. */
  history?: boolean;
}

export type TabMessage =
  | TabResult
  /** A tab that just started asks the leader for what it has. */
  | { type: 'hello' }
  /** A follower's refresh() (a retry button) asks the leader to load now. */
  | { type: 'refresh' }
  /** A follower shows the resolved history: the leader reads it too from now on. */
  | { type: 'history' };

/** What a tab's store does for the link. */
export interface TabHandlers {
  /** This tab now holds the lock: it polls for all. */
  onLead(): void;
  /** The leader's latest result (only in tabs that do not lead). */
  onResult(result: TabResult): void;
  /** Another tab asks the leader to load now. */
  onRefresh(): void;
  /** Another tab shows the resolved history. */
  onHistory(): void;
  /** What the leader has for a tab that just opened; undefined while it has nothing to tell. */
  current(): TabResult | undefined;
}

export class TabLink {
  private readonly _channel: BroadcastChannel;
  private _waiting?: AbortController;
  private _release?: () => void;

  constructor(
    private readonly _name: string,
    private readonly _handlers: TabHandlers,
  ) {
    this._channel = new BroadcastChannel(_name);
    this._channel.onmessage = ({ data }: MessageEvent<TabMessage>) => {
      if (data.type === 'result') {
        if (!this.leading) _handlers.onResult(data);
      } else if (this.leading) {
        if (data.type === 'refresh') _handlers.onRefresh();
        else if (data.type === 'history') _handlers.onHistory();
        else {
          const current = _handlers.current();
          if (current) this.post(current);
        }
      }
    };
    this.post({ type: 'hello' });
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
          this._handlers.onLead();
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
