import type { StatusSnapshot } from '../model/types.js';

/** Fired when an element receives a new snapshot. */
export class StatusChangeEvent extends Event {
  static readonly eventName = 'status-change';
  constructor(readonly snapshot: StatusSnapshot) {
    super(StatusChangeEvent.eventName, { bubbles: true, composed: true });
  }
  get detail(): StatusSnapshot {
    return this.snapshot;
  }
}

/** Fired when loading the feed fails (the element keeps its last good data). */
export class StatusErrorEvent extends Event {
  static readonly eventName = 'status-error';
  constructor(readonly error: Error) {
    super(StatusErrorEvent.eventName, { bubbles: true, composed: true });
  }
  get detail(): Error {
    return this.error;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'status-change': StatusChangeEvent;
    'status-error': StatusErrorEvent;
  }
}
