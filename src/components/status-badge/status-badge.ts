import { LitElement, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { FeedController } from '../../controllers/feed-controller.js';
import { formatTime, msg, resolveLocale } from '../../i18n/index.js';
import { indicatorIcon } from '../../internal/icons.js';
import { hostStyles } from '../../internal/styles.js';
import { VERSION } from '../../internal/version.js';
import type { Indicator } from '../../model/types.js';
import type { FeedState } from '../../feed/store.js';
import { styles } from './status-badge.styles.js';

/**
 * A dot and a word for the overall state of a status feed, linking to the status page.
 *
 * @tag status-badge
 * @summary The overall status of a service, for a site header or footer.
 *
 * @csspart base - The badge box (a link when the status page is known).
 * @csspart indicator - The coloured severity icon.
 * @csspart label - The state in words.
 * @csspart timestamp - "as of" time shown while the data is stale.
 *
 * @cssprop --status-color-operational - Colour of the operational state.
 * @cssprop --status-color-minor - Colour of a minor outage.
 * @cssprop --status-color-major - Colour of a major outage.
 * @cssprop --status-color-critical - Colour of a critical outage.
 * @cssprop --status-color-maintenance - Colour of maintenance.
 * @cssprop --status-color-unknown - Colour while loading or when the state is unknown.
 * @cssprop --status-font - Font family.
 * @cssprop --status-surface - Background colour.
 * @cssprop --status-text - Text colour.
 * @cssprop --status-border - Border colour.
 * @cssprop --status-badge-radius - Corner radius of the badge.
 * @cssprop --status-badge-font-size - Font size of the badge.
 *
 * @fires status-change - A new snapshot arrived (`event.detail` is the snapshot).
 * @fires status-error - Loading the feed failed (`event.detail` is the error); the last good data stays.
 */
export class StatusBadge extends LitElement {
  static readonly version = VERSION;
  static override styles = [hostStyles, styles];

  private readonly feed = new FeedController(this, () => ({
    src: this.src,
    adapter: this.adapter,
    interval: this.interval,
  }));

  /** The feed or status page URL, e.g. `https://www.githubstatus.com`. */
  @property() src = '';

  /** The adapter name (`statuspage`, …); detected from the URL when absent. */
  @property() adapter?: string;

  /** Seconds between polls (default 60, at least 10). */
  @property({ type: Number }) interval = 60;

  /** Language of the text (e.g. `zh-CN`); defaults to the page's `lang`, then the browser's. */
  @property() locale?: string;

  /** Link target overriding the feed's status page URL. */
  @property() href?: string;

  /** Where the link opens (`_blank` for a new tab); the same tab by default. */
  @property() target?: string;

  /** The overall state, reflected for site CSS: `operational|minor|major|critical|maintenance|unknown`. */
  @property({ reflect: true }) indicator: Indicator = 'unknown';

  /** The load state, reflected for site CSS: `loading|ready|stale|error`. */
  @property({ reflect: true }) state: FeedState = 'loading';

  protected override willUpdate(): void {
    this.state = this.feed.state;
    // Without data the state is unknown, never a guessed "operational".
    this.indicator = this.feed.snapshot?.indicator ?? 'unknown';
  }

  protected override render() {
    const locale = resolveLocale(this, this.locale);
    const label =
      this.state === 'loading'
        ? msg(locale, 'state.loading')
        : this.state === 'error'
          ? msg(locale, 'state.error')
          : msg(locale, `indicator.${this.indicator}`);
    const link = this.href || this.feed.snapshot?.page.url;
    const content = html`<span part="indicator">${indicatorIcon(this.indicator)}</span
      ><span part="label">${label}</span>${this.renderStale(locale)}`;
    return link
      ? html`<a
          part="base link"
          href=${link}
          target=${this.target || nothing}
          rel=${this.target === '_blank' ? 'noopener' : nothing}
          title=${msg(locale, 'link.statusPage')}
          >${content}</a
        >`
      : html`<span part="base">${content}</span>`;
  }

  private renderStale(locale: string) {
    if (this.state !== 'stale' || this.feed.fetchedAt === undefined) return nothing;
    const time = formatTime(locale, this.feed.fetchedAt);
    return html`<span part="timestamp">· ${msg(locale, 'state.stale', { time })}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'status-badge': StatusBadge;
  }
}
