import type { ReactiveController, ReactiveControllerHost } from 'lit';

const MINUTE = 60_000;

/**
 * Redraws its host at each new minute while the page is visible, and at the exact
 * moment the host names (`nextChange`, epoch ms: a promised update falling due, a
 * maintenance's planned end), so that a warning never waits for the next minute. An
 * unchanged feed notifies no one (a 304 is not news), yet "updated 12 minutes ago",
 * the overdue rule and a maintenance's notice window move on with the clock.
 */
export class MinuteController implements ReactiveController {
  private _timer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly _host: ReactiveControllerHost & HTMLElement,
    private readonly _nextChange: () => number = () => Infinity,
  ) {
    _host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this._onVisibility);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this._onVisibility);
    clearTimeout(this._timer);
  }

  hostUpdated(): void {
    clearTimeout(this._timer);
    // Hidden, nobody reads it: becoming visible redraws at once.
    if (document.visibilityState === 'hidden' || !this._host.isConnected) return;
    const now = Date.now();
    // 1 ms past the moment: a promise is broken once its time has passed.
    const wait = Math.min(MINUTE - (now % MINUTE), this._nextChange() - now + 1);
    this._timer = setTimeout(() => this._host.requestUpdate(), Math.max(wait, 0));
  }

  private readonly _onVisibility = (): void => {
    if (document.visibilityState === 'hidden') clearTimeout(this._timer);
    else this._host.requestUpdate();
  };
}
