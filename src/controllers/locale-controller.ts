import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { loadLocale, resolveLocale } from '../i18n/index.js';

type Host = ReactiveControllerHost & HTMLElement & { locale?: string };

// One observer for the page, as relative-time-element keeps one for its dates: a
// `lang` changed anywhere (`<html lang>` switched by a site's language menu) redraws
// every connected element, which then resolves its language again.
const hosts = new Set<Host>();
let observer: MutationObserver | undefined;

function watch(host: Host): void {
  hosts.add(host);
  if (observer || typeof MutationObserver === 'undefined') return;
  observer = new MutationObserver(() => hosts.forEach((each) => each.requestUpdate()));
  observer.observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['lang'],
    subtree: true,
  });
}

function unwatch(host: Host): void {
  hosts.delete(host);
  if (hosts.size || !observer) return;
  observer.disconnect();
  observer = undefined;
}

/**
 * The language an element speaks: its `locale`, else the nearest `lang`, else the
 * browser's; loads that language's table once, redraws when it arrives and when a
 * `lang` changes, and tells `updateComplete` what to wait for.
 */
export class LocaleController implements ReactiveController {
  /** The locale of the current render. */
  locale = 'en';
  private _load?: Promise<void>;

  constructor(private readonly _host: Host) {
    _host.addController(this);
  }

  hostConnected(): void {
    watch(this._host);
  }

  hostDisconnected(): void {
    unwatch(this._host);
  }

  hostUpdate(): void {
    this.locale = resolveLocale(this._host, this._host.locale);
    const load = loadLocale(this.locale);
    if (load && load !== this._load) {
      this._load = load;
      void load.then(() => this._host.requestUpdate());
    }
  }

  /** False until the language's table has arrived (draw a neutral placeholder until then). */
  get ready(): boolean {
    return !loadLocale(this.locale);
  }

  /** Settles once the table of the current language is in. */
  get loaded(): Promise<void> | undefined {
    return this._load;
  }
}
