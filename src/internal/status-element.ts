// Not public API: what every element shares — the feed attributes, the controller,
// the locale, and the loading / error / stale renderings — so each element only
// writes how it draws a snapshot, and the bundle carries this code once.
import {
  LitElement,
  html,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { FeedController } from '../controllers/feed-controller.js';
import { LocaleController } from '../controllers/locale-controller.js';
import type { FeedState } from '../feed/store.js';
import { formatTime, msg, type MessageKey } from '../i18n/index.js';
import type { StatusSnapshot } from '../model/types.js';
import { componentFilter } from '../model/filter.js';
import { flag } from './options.js';
import { VERSION } from './version.js';

export type Rendered = TemplateResult | typeof nothing;

/** The diagnosis writer, once a failure has loaded it (./diagnostics.ts). */
let diagnose: ((error: Error) => string) | undefined;
/** How the inline diagnosis looks, loaded with it. */
let debugSheet: CSSStyleSheet | undefined;

/** The most characters of a feed's name an element draws (the rest is on the status page). */
export const NAME_MAX = 200;
/** The most characters of an update an element draws. */
export const BODY_MAX = 2000;

export abstract class StatusElement extends LitElement {
  static readonly version = VERSION;

  // Plain `static properties` rather than decorators: no decorator helper in the bundle.
  static override properties: PropertyDeclarations = {
    src: {},
    adapter: {},
    interval: { type: Number },
    transport: {},
    locale: {},
    href: {},
    subscribeHref: { attribute: 'subscribe-href' },
    timeZone: { attribute: 'time-zone' },
    components: {},
    theme: { reflect: true },
    debug: { attribute: 'debug', converter: flag },
    state: { reflect: true },
  };

  /** The feed or status page URL, e.g. `https://www.githubstatus.com`. */
  src = '';
  /** The adapter name (`statuspage`, …); detected from the URL when absent. */
  adapter?: string;
  /** Seconds between polls (default 60, at least 10). */
  interval = 60;
  /** `sse` to follow the feed's event stream instead of polling. */
  transport?: 'poll' | 'sse';
  /** Language of the text (e.g. `zh-CN`); defaults to the page's `lang`, then the browser's. */
  locale?: string;
  /** Status page link overriding the feed's own. */
  href?: string;
  /** Subscribe page link overriding the feed's own (or giving one where the feed has none). */
  subscribeHref?: string;
  /** IANA time zone for dates and times (e.g. `Asia/Shanghai`); the viewer's by default. */
  timeZone?: string;
  /** Only these components: comma-separated ids or names. */
  components?: string;
  /**
   * The colour scheme: by default the page's own `color-scheme` (a page that never
   * opted into dark mode gets light widgets); `auto` follows the visitor's OS;
   * `light` or `dark` pins it.
   */
  theme?: 'auto' | 'light' | 'dark';
  /**
   * Shows developer diagnostics (URL, HTTP status, what to set) inline while building
   * a page; `<html data-status-widgets-debug>` turns it on for every element.
   */
  debug = false;
  /** The load state, reflected for site CSS: `loading|ready|stale|error`. */
  state: FeedState = 'loading';

  protected readonly feed = new FeedController(this, () => ({
    src: this.src,
    adapter: this.adapter,
    interval: this.interval,
    transport: this.transport,
    history: this.showsHistory,
  }));

  /**
   * True for an element that shows the resolved history: only then does the store
   * read it (Statuspage's incidents.json), so other pages make one request.
   */
  protected get showsHistory(): boolean {
    return false;
  }

  private readonly _language = new LocaleController(this);

  /** The locale of the current render. */
  protected get lang_(): string {
    return this._language.locale;
  }

  // The feed state is read here, after the controller's hostUpdate has synced it in
  // this same update (a new src, a kept snapshot handed over on subscribe).
  protected override update(changed: PropertyValues): void {
    this.state = this.feed.state;
    this.syncFeed();
    super.update(changed);
  }

  /** Derives what else follows from the feed state, before rendering (e.g. the badge's indicator). */
  protected syncFeed(): void {}

  /** `updateComplete` also waits for a language table that is still loading. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    const load = this._language.loaded;
    if (!load) return done;
    await load;
    return super.getUpdateComplete();
  }

  protected override render(): Rendered {
    // Until the language is ready, draw the neutral placeholder, never English first.
    if (this.state === 'loading' || !this._language.ready) return this.renderLoading();
    const snapshot = this.feed.snapshot;
    return html`${snapshot ? this.renderSnapshot(snapshot) : this.renderError()}${this.renderDiagnostics()}`;
  }

  /** How the element draws its data (ready, stale or empty). */
  protected abstract renderSnapshot(snapshot: StatusSnapshot): Rendered;

  /** A neutral skeleton of `lines` bars, with the loading message for screen readers. */
  protected renderLoading(lines = 2): Rendered {
    return html`<div part="base skeleton" class="box" aria-busy="true">
      <span class="vh">${this.t('state.loading')}</span>${Array.from(
        { length: lines },
        // Widths come from the stylesheet: a style attribute breaks a strict CSP.
        () => html`<span class="bar"></span>`,
      )}
    </div>`;
  }

  /**
   * A first load that failed, as a customer sees it: one short sentence, the status
   * page link and a retry button; never the developer's diagnosis (see `debug`).
   */
  protected renderError(): Rendered {
    const page = this.pageUrl();
    return html`<div part="base error" class="box">
      <p>${this.t('state.errorDetail')}</p>
      ${page ? html`<a part="link" href=${page}>${this.t('link.statusPage')}</a>` : nothing}
      <button part="retry" type="button" @click=${this._handleRetry}>
        ${this.t('action.retry')}
      </button>
    </div>`;
  }

  /** "And 12 more on the status page", past a list's limit. */
  protected renderMore(count: number, page?: string): Rendered {
    if (!count) return nothing;
    const words = this.t('list.more', { count });
    return html`<p part="more">${page ? html`<a href=${page}>${words}</a>` : words}</p>`;
  }

  /** With `debug`: what failed and what to set, for the page's developer. */
  protected renderDiagnostics(): Rendered {
    const error = this.feed.error;
    // `debug` on the element, or on the whole page: `<html data-status-widgets-debug>`.
    if (!error || this.state === 'ready') return nothing;
    if (!this.debug && !document.documentElement.hasAttribute('data-status-widgets-debug'))
      return nothing;
    if (diagnose) {
      const root = this.renderRoot as ShadowRoot;
      if (debugSheet && !root.adoptedStyleSheets.includes(debugSheet))
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, debugSheet];
      return html`<pre part="debug">${diagnose(error)}</pre>`;
    }
    import('./diagnostics.js').then(
      (loaded) => {
        diagnose = loaded.diagnose;
        debugSheet = loaded.debugStyles.styleSheet;
        this.requestUpdate();
      },
      // Without its code, the error's own message still says what failed.
      () => {
        diagnose = (failure) => failure.message;
        this.requestUpdate();
      },
    );
    return nothing;
  }

  /** "Status as of 14:05; the latest status can’t be loaded" while the last good data is shown. */
  protected renderStale(): Rendered {
    const words = this.staleWords();
    return words ? html`<p part="stale">${words}</p>` : nothing;
  }

  /**
   * How old the data shown is, when it is old: the whole feed's (it stopped
   * answering), else a relayed source's that stopped answering (the relay's
   * `sources` list says so) — "Part of this status is as of 14:05; …".
   */
  protected staleWords(): string | undefined {
    const stale = this.staleSince();
    return stale && this.t(stale.key, { time: this.time(stale.at) });
  }

  /** Since when the data shown is old, and the sentence that says so (see staleWords). */
  protected staleSince(): { key: MessageKey; at: number } | undefined {
    const at = this.feed.fetchedAt;
    if (this.state === 'stale' && at !== undefined) return { key: 'state.stale', at };
    const since = (this.feed.snapshot?.sources ?? [])
      .filter((source) => source.state === 'stale' && source.lastAnsweredAt)
      .map((source) => Date.parse(source.lastAnsweredAt!))
      .sort((a, b) => a - b)[0];
    return since ? { key: 'state.sourceStale', at: since } : undefined;
  }

  protected t(key: MessageKey, vars?: Record<string, string | number>): string {
    return msg(this.lang_, key, vars);
  }

  protected time(at: string | number): string {
    return formatTime(this.lang_, at, this.timeZone);
  }

  /** The ids the `components` attribute names, or undefined for all. */
  protected filterIds(snapshot: StatusSnapshot): Set<string> | undefined {
    return componentFilter(this.components, snapshot.components);
  }

  /** The status page: `href`, else the feed's own page. */
  protected pageUrl(snapshot?: StatusSnapshot): string | undefined {
    return this.href || snapshot?.page.url;
  }

  /** The subscribe page: `subscribe-href`, else the feed's own. */
  protected subscribeUrl(snapshot: StatusSnapshot): string | undefined {
    return this.subscribeHref || snapshot.page.subscribeUrl;
  }

  private readonly _handleRetry = (): void => this.feed.retry();
}
