import { html, nothing, type PropertyDeclarations } from 'lit';
import { addEnglish, formatDateTime, formatRelative } from '../../i18n/index.js';
import { enItems, enBanner } from '../../i18n/messages/en.js';
import { severity } from '../../internal/icons.js';
import { MinuteController } from '../../controllers/minute-controller.js';
import { StatusElement, type Rendered } from '../../internal/status-element.js';
import { boxStyles } from '../../internal/box-styles.js';
import { hostStyles } from '../../internal/styles.js';
import { impactToIndicator, isActiveIncident } from '../../model/indicator.js';
import { isOverdue, lastUpdateAt } from '../../model/overdue.js';
import type { Incident, Maintenance, StatusSnapshot } from '../../model/types.js';
import {
  bannerContent,
  dismiss,
  isDismissed,
  shorten,
  type BannerContent,
} from './banner-model.js';
import { styles } from './status-banner.styles.js';

// Its English words join the table wherever the element is part of the bundle.
addEnglish({ ...enItems, ...enBanner });

/**
 * An outage banner: nothing while all is well; otherwise the worst active incident
 * (or how many there are), or a maintenance in progress or about to start, with its
 * latest update, when it was updated, when the next update is due, and links to the
 * status page and its subscribe page.
 *
 * @tag status-banner
 * @summary The outage banner for a support site or app shell.
 *
 * @slot - Fallback shown when scripts do not run (e.g. a link to the status page).
 *
 * @csspart base - The banner box (empty and without size when there is nothing to say).
 * @csspart message - The announced part: icon, title, impact and status, latest update.
 * @csspart indicator - The coloured severity icon.
 * @csspart title - The incident or maintenance title (a link to its page when known).
 * @csspart status - Impact and status in words.
 * @csspart update - The latest update, shortened.
 * @csspart more - The "more" link to the incident page.
 * @csspart timestamp - "Updated 12 minutes ago" (or that the update is overdue) and "Next update by".
 * @csspart link - The status page link.
 * @csspart subscribe - The subscribe link.
 * @csspart dismiss - The close button.
 * @csspart stale - The data's age while the feed is not answering.
 * @csspart error - The error box.
 * @csspart retry - The retry button.
 *
 * @cssprop --status-color-operational - Colour of the operational state.
 * @cssprop --status-color-minor - Colour of a minor incident.
 * @cssprop --status-color-major - Colour of a major incident.
 * @cssprop --status-color-critical - Colour of a critical incident.
 * @cssprop --status-color-maintenance - Colour of maintenance.
 * @cssprop --status-color-unknown - Colour of an unknown state.
 * @cssprop --status-font - Font family.
 * @cssprop --status-radius - Corner radius.
 * @cssprop --status-surface - Background colour.
 * @cssprop --status-surface-raised - Background of buttons.
 * @cssprop --status-text - Text colour.
 * @cssprop --status-muted - Colour of secondary text.
 * @cssprop --status-border - Border colour.
 * @cssprop --status-link - Link colour.
 * @cssprop --status-focus - Focus ring colour.
 * @cssprop --status-banner-z-index - Stacking order when pinned with `position` (default 10).
 *
 * @fires status-change - A new snapshot arrived (`event.detail` is the snapshot).
 * @fires status-error - Loading the feed failed (`event.detail` is the error); the last good data stays.
 */
export class StatusBanner extends StatusElement {
  static override styles = [hostStyles, boxStyles, styles];

  static override properties: PropertyDeclarations = {
    ...StatusElement.properties,
    showOperational: { type: Boolean, attribute: 'show-operational' },
    maintenanceNotice: { type: Number, attribute: 'maintenance-notice' },
    dismissible: {},
    position: { reflect: true },
  };

  /** Also show a calm "All systems operational" bar instead of nothing. */
  showOperational = false;
  /** Hours before a scheduled maintenance that the banner starts announcing it (default 24). */
  maintenanceNotice = 24;
  /** `false`: no close button; `true`: even critical incidents may be dismissed; default: all but critical. */
  dismissible?: string;
  /** `top` or `bottom` pins the banner to that viewport edge; inline by default. */
  position?: 'top' | 'bottom';

  constructor() {
    super();
    // Its words depend on the time as well as on the feed.
    new MinuteController(this);
  }

  // While loading the banner takes no space: on the usual, operational page a
  // placeholder that then vanished would make the page jump.
  protected override renderLoading(): Rendered {
    return this._renderBanner();
  }

  protected override renderSnapshot(snapshot: StatusSnapshot): Rendered {
    return this._renderBanner(snapshot);
  }

  private _renderBanner(snapshot?: StatusSnapshot): Rendered {
    const content = snapshot && this._content(snapshot);
    const shown = content && !this._dismissedNow(content);
    const calm = snapshot && !shown && this.showOperational;
    const critical = shown && this._leadOf(content).impact === 'critical';
    // The live region is always in the page, so what appears in it is announced;
    // an unchanged snapshot renders the same text and announces nothing.
    return html`<div part="base" class=${shown || calm ? 'box' : ''}>
      <div part="message" role=${critical ? 'alert' : 'status'}>
        ${
          shown
            ? this._renderMessage(content)
            : calm
              ? html`<p part="title">
                  ${severity('operational')}<span>${this.t('indicator.operational')}</span>
                </p>`
              : nothing
        }
      </div>
      ${shown ? this._renderMeta(content) : nothing}
      ${
        snapshot && (shown || calm)
          ? html`${this._renderLinks(snapshot)}${this.renderStale()}`
          : nothing
      }
      ${
        shown && this._canDismiss(content)
          ? html`<button
              part="dismiss"
              type="button"
              aria-label=${this.t('action.dismiss')}
              title=${this.t('action.dismiss')}
              @click=${() => this._handleDismiss(content)}
            >
              <svg viewBox="0 0 16 16" width="1em" height="1em" aria-hidden="true">
                <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" stroke-width="1.8" />
              </svg>
            </button>`
          : nothing
      }
    </div>`;
  }

  private _content(snapshot: StatusSnapshot): NonNullable<BannerContent> | undefined {
    return bannerContent(snapshot, Date.now(), this.maintenanceNotice, this.filterIds(snapshot));
  }

  private _items(content: NonNullable<BannerContent>): Array<Incident | Maintenance> {
    return content.kind === 'incidents' ? content.incidents : [content.maintenance];
  }

  private _leadOf(content: NonNullable<BannerContent>): Incident | Maintenance {
    return this._items(content)[0];
  }

  private _dismissedNow(content: NonNullable<BannerContent>): boolean {
    return this._canDismiss(content) && isDismissed(this.src, this._items(content));
  }

  private _canDismiss(content: NonNullable<BannerContent>): boolean {
    if (this.dismissible === 'false') return false;
    return this.dismissible === 'true' || this._leadOf(content).impact !== 'critical';
  }

  private _renderMessage(content: NonNullable<BannerContent>): Rendered {
    const lead = this._leadOf(content);
    const count = this._items(content).length;
    const indicator = lead.impact === 'none' ? 'minor' : impactToIndicator(lead.impact);
    const update = lead.updates[0]?.body ? shorten(lead.updates[0].body) : undefined;
    return html`<p part="title">
        ${severity(indicator)}${
          count > 1 ? html`<strong>${this.t('banner.count', { count })}</strong> · ` : nothing
        }${
          lead.url
            ? html`<a href=${lead.url}><strong>${lead.name}</strong></a>`
            : html`<strong>${lead.name}</strong>`
        }
      </p>
      <p part="status">${this.t(`impact.${lead.impact}`)} · ${this.t(`status.${lead.status}`)}</p>
      ${
        update
          ? html`<p part="update">
              ${update.text}${
                update.cut && lead.url
                  ? html` <a part="more" href=${lead.url}>${this.t('link.more')}</a>`
                  : nothing
              }
            </p>`
          : nothing
      }`;
  }

  private _renderMeta(content: NonNullable<BannerContent>): Rendered {
    const lead = this._leadOf(content);
    const now = Date.now();
    const when = formatRelative(this.lang_, lastUpdateAt(lead), now);
    const lines: string[] = [];
    if (content.kind === 'maintenance') {
      const m = content.maintenance;
      if (m.status === 'scheduled')
        lines.push(
          this.t('banner.starts', {
            time: formatDateTime(this.lang_, m.scheduledFor, this.timeZone),
          }),
        );
      if (m.scheduledUntil)
        lines.push(this.t('banner.until', { time: this.time(m.scheduledUntil) }));
    } else {
      const incident = lead as Incident;
      lines.push(
        isOverdue(incident, now)
          ? this.t('banner.overdue', { time: when })
          : this.t('banner.updated', { time: when }),
      );
      if (incident.nextUpdateAt && isActiveIncident(incident))
        lines.push(this.t('banner.next', { time: this.time(incident.nextUpdateAt) }));
    }
    return html`<p part="timestamp" class="muted">${lines.join(' · ')}</p>`;
  }

  private _renderLinks(snapshot: StatusSnapshot): Rendered {
    const page = this.pageUrl(snapshot);
    const subscribe = snapshot.page.subscribeUrl;
    return page || subscribe
      ? html`<p class="links">
          ${page ? html`<a part="link" href=${page}>${this.t('link.statusPage')}</a>` : nothing}
          ${
            subscribe
              ? html`<a part="subscribe" href=${subscribe}>${this.t('link.subscribe')}</a>`
              : nothing
          }
        </p>`
      : nothing;
  }

  private _handleDismiss(content: NonNullable<BannerContent>): void {
    dismiss(this.src, this._items(content));
    this.requestUpdate();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'status-banner': StatusBanner;
  }
}
