import type { ReactiveController, ReactiveControllerHost } from 'lit';

const MINUTE = 60_000;

/**
 * Redraws its host at each new minute while the page is visible. An unchanged feed
 * notifies no one (a 304 is not news), yet "updated 12 minutes ago", the overdue
 * rule and a maintenance's notice window move on with the clock.
 */
export class MinuteController implements ReactiveController {
  private _timer?: ReturnType<typeof setTimeout>;

  constructor(private readonly _host: ReactiveControllerHost & HTMLElement) {
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
    this._timer = setTimeout(() => this._host.requestUpdate(), MINUTE - (Date.now() % MINUTE));
  }

  private readonly _onVisibility = (): void => {
    if (document.visibilityState === 'hidden') clearTimeout(this._timer);
    else this._host.requestUpdate();
  };
}
