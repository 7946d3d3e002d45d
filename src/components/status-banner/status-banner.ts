import { html, nothing, type PropertyDeclarations } from 'lit';
import { addEnglish, formatDateTime, formatRelative } from '../../i18n/index.js';
import { enItems, enBanner } from '../../i18n/messages/en.js';
import { severity } from '../../internal/icons.js';
import { MinuteController } from '../../controllers/minute-controller.js';
import { flag } from '../../internal/options.js';
import { NAME_MAX, StatusElement, type Rendered } from '../../internal/status-element.js';
import { clip } from '../../model/bounds.js';
import { boxStyles } from '../../internal/box-styles.js';
import { hostStyles } from '../../internal/styles.js';
import {
  componentStatusToIndicator,
  postmortemLink,
  shownIndicator,
} from '../../model/indicator.js';
import { linked } from '../../internal/linked.js';
import { isOverrunning, lastUpdateAt, updateDue } from '../../model/overdue.js';
import type { Incident, StatusSnapshot } from '../../model/types.js';
import {
  bannerContent,
  dismiss,
  firstAnnouncement,
  isDismissed,
  itemsOf,
  nextChange,
  outageSince,
  resolvedAt,
  shorten,
  type Shown,
} from './banner-model.js';
import { styles } from './status-banner.styles.js';

// Its English words join the table wherever the element is part of the bundle.
addEnglish({ ...enItems, ...enBanner });

/** Components named in a banner about components down; the rest are counted. */
const OUTAGE_NAMES = 3;

/**
 * An outage banner: nothing while all is well; otherwise the worst active incident
 * (or how many there are), or a maintenance in progress or about to start, with its
 * latest update, when it was updated, when the next update is due (or that it is
 * overdue), and links to the status page and its subscribe page. A resolved
 * incident stays for `resolved-for` minutes as "Resolved at 14:52", with the
 * postmortem when there is one. A feed that cannot be loaded draws nothing.
 *
 * @tag status-banner
 * @summary The outage banner for a support site or app shell.
 *
 * @slot - Fallback shown when scripts do not run (e.g. a link to the status page).
 *
 * @csspart base - The banner box, a labelled region (empty and without size when there is nothing to say).
 * @csspart message - The announced part: icon, title, impact and status (or when it was resolved), latest update.
 * @csspart indicator - The coloured severity icon.
 * @csspart title - The incident or maintenance title (a link to its page when known).
 * @csspart status - Impact and status in words.
 * @csspart update - The latest update, shortened.
 * @csspart more - The "more" link to the incident page.
 * @csspart timestamp - "Updated 12 minutes ago" and, while the promise is ahead, "Next update by 14:30 UTC".
 * @csspart overdue - The warning that a promised update (or a maintenance's end) is late.
 * @csspart toggle - The "Details" button on narrow screens.
 * @csspart link - The status page link.
 * @csspart subscribe - The subscribe link.
 * @csspart postmortem - The postmortem link of a resolved incident.
 * @csspart dismiss - The close button.
 * @csspart stale - The data's age while the feed is not answering.
 * @csspart debug - Developer diagnostics, with `debug` only.
 *
 * @fires status-change - A new snapshot arrived (`event.detail` is the snapshot).
 * @fires status-error - Loading the feed failed (`event.detail` is the error); the last good data stays.
 */
export class StatusBanner extends StatusElement {
  static override styles = [hostStyles, boxStyles, styles];

  static override properties: PropertyDeclarations = {
    ...StatusElement.properties,
    showOperational: { attribute: 'show-operational', converter: flag },
    maintenanceNotice: { type: Number, attribute: 'maintenance-notice' },
    resolvedFor: { type: Number, attribute: 'resolved-for' },
    dismissible: { attribute: 'dismissible', converter: flag },
    position: { reflect: true },
  };

  /** Also show a calm "All systems operational" bar instead of nothing. */
  showOperational = false;
  /** Hours before a scheduled maintenance that the banner starts announcing it (default 24). */
  maintenanceNotice = 24;
  /** Minutes a resolved incident stays as "Resolved at …" before the banner goes (default 30; 0: at once). */
  resolvedFor = 30;
  /** `false`: no close button; `true`: even critical incidents may be dismissed; default (unset): all but critical. */
  dismissible?: boolean;
  /** `top` or `bottom` pins the banner to that viewport edge; inline by default. */
  position?: 'top' | 'bottom';

  /** Narrow screens: the details behind the toggle are open. */
  private _expanded = false;
  /** The reader just dismissed the banner: say so, and keep focus here (until focus leaves or news comes). */
  private _dismissed = false;
  /** The critical update last decided on, and whether it interrupts (once per session). */
  private _announced?: { key: string; alert: boolean };

  constructor() {
    super();
    // Its words depend on the time as well as on the feed, to the moment a promise falls due.
    new MinuteController(this, () => {
      const snapshot = this.feed.snapshot;
      return snapshot
        ? nextChange(snapshot, Date.now(), this.maintenanceNotice, this.resolvedFor)
        : Infinity;
    });
  }

  // While loading the banner takes no space: on the usual, operational page a
  // placeholder that then vanished would make the page jump.
  protected override renderLoading(): Rendered {
    return this._renderBanner();
  }

  // A feed that fails on first load is not an outage: draw nothing (the diagnosis
  // goes to the console, `status-error` and `debug`).
  protected override renderError(): Rendered {
    return this._renderBanner();
  }

  protected override renderSnapshot(snapshot: StatusSnapshot): Rendered {
    return this._renderBanner(snapshot);
  }

  private _renderBanner(snapshot?: StatusSnapshot): Rendered {
    const content = snapshot && this._content(snapshot);
    const shown = content && !this._dismissedNow(content) ? content : undefined;
    const calm = snapshot && !shown && this.showOperational;
    if (shown) this._dismissed = false;
    const said = shown || calm || this._dismissed;
    // The live region is always in the page, so what appears in it is announced;
    // an unchanged snapshot renders the same text and announces nothing.
    return html`<div
      part="base"
      class=${shown || calm ? `box${this._expanded ? ' expanded' : ''}` : ''}
      role=${said ? 'region' : nothing}
      aria-label=${said ? this.t('banner.label') : nothing}
    >
      <div class="scroll">
        <div part="message" role=${shown && this._interrupts(shown) ? 'alert' : 'status'}>
          ${
            shown
              ? this._renderMessage(shown)
              : calm
                ? html`<p part="title">
                    ${severity('operational')}<span>${this.t('indicator.operational')}</span>
                  </p>`
                : this._dismissed
                  ? html`<p class="vh" tabindex="-1" @blur=${this._handleNoticeBlur}>
                      ${this.t('banner.dismissed')}
                    </p>`
                  : nothing
          }
        </div>
        ${shown ? this._renderMeta(shown) : nothing}
      </div>
      ${snapshot && (shown || calm) ? this._renderLinks(snapshot, shown) : nothing}
      ${shown || calm ? this.renderStale() : nothing}
      ${
        shown && this._canDismiss(shown)
          ? html`<button
              part="dismiss"
              type="button"
              aria-label=${this.t('action.dismiss')}
              title=${this.t('action.dismiss')}
              @click=${() => this._handleDismiss(shown)}
            >
              <svg viewBox="0 0 16 16" width="1em" height="1em" aria-hidden="true">
                <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" stroke-width="1.8" />
              </svg>
            </button>`
          : nothing
      }
    </div>`;
  }

  private _content(snapshot: StatusSnapshot): Shown | undefined {
    return bannerContent(
      snapshot,
      Date.now(),
      this.maintenanceNotice,
      this.filterIds(snapshot),
      this.resolvedFor,
    );
  }

  private _dismissedNow(content: Shown): boolean {
    return this._canDismiss(content) && isDismissed(this.feed.key, content);
  }

  private _canDismiss(content: Shown): boolean {
    if (this.dismissible === false) return false;
    // Components alone are never critical (model/indicator.ts).
    return (
      this.dismissible === true ||
      content.kind === 'resolved' ||
      itemsOf(content)[0]?.impact !== 'critical'
    );
  }

  /** A critical update interrupts the first time this browser session meets it; later, polite. */
  private _interrupts(content: Shown): boolean {
    if (content.kind !== 'incidents') return false;
    const lead = content.incidents[0];
    if (lead.impact !== 'critical') return false;
    const key = `${lead.id}|${lead.updates[0]?.id ?? lead.updatedAt}`;
    if (this._announced?.key !== key) {
      this._announced = { key, alert: firstAnnouncement(this.feed.key, lead) };
    }
    return this._announced.alert;
  }

  private _renderMessage(content: Shown): Rendered {
    if (content.kind === 'outage') {
      // Worst first; the rest are counted, and named on the status page.
      const names = content.components.slice(0, OUTAGE_NAMES).map((c) => clip(c.name, NAME_MAX));
      const rest = content.components.length - names.length;
      const listed = names.join(this.t('list.separator'));
      const status = content.components[0].status;
      return html`<p part="title">
          ${severity(componentStatusToIndicator(status))}<strong
            >${rest ? this.t('banner.andMore', { names: listed, count: rest }) : listed}</strong
          >
        </p>
        <p part="status">${this.t(`component.${status}`)}</p>`;
    }
    const items = itemsOf(content);
    const lead = items[0];
    const resolved = content.kind === 'resolved';
    const indicator = shownIndicator(lead, content.kind === 'maintenance');
    const update = lead.updates[0]?.body ? shorten(lead.updates[0].body) : undefined;
    const more = this.href || lead.url;
    return html`<p part="title">
        ${severity(indicator)}<span
          >${
            items.length > 1 && !resolved
              ? html`<strong>${this.t('banner.count', { count: items.length })}</strong> · `
              : nothing
          }${
            lead.url
              ? html`<a href=${lead.url}><strong>${clip(lead.name, NAME_MAX)}</strong></a>`
              : html`<strong>${clip(lead.name, NAME_MAX)}</strong>`
          }</span
        >
      </p>
      <p part="status">
        ${
          resolved
            ? this.t('banner.resolved', { time: this.time(resolvedAt(lead as Incident)) })
            : `${this.t(`impact.${lead.impact}`)} · ${this.t(`status.${lead.status}`)}`
        }
      </p>
      ${
        update
          ? html`<p part="update" class="detail" dir="auto">
              ${linked(update.text)}${
                update.cut && more
                  ? html` <a part="more" href=${more}>${this.t('link.more')}</a>`
                  : nothing
              }
            </p>`
          : nothing
      }`;
  }

  /**
   * When: the promise line (updated when, the next update, a maintenance's start and
   * end, since when components are down) and the warning that a promise is broken;
   * in view on a phone too, never behind Details.
   */
  private _renderMeta(content: Shown): Rendered {
    const now = Date.now();
    const lines: string[] = [];
    let late: string | undefined;
    if (content.kind === 'maintenance') {
      const m = content.maintenance;
      if (m.status === 'scheduled')
        lines.push(
          this.t('banner.starts', {
            time: formatDateTime(this.lang_, m.scheduledFor, this.timeZone),
          }),
        );
      if (isOverrunning(m, now))
        late = this.t('update.overrun', { time: this.time(m.scheduledUntil!) });
      else if (m.scheduledUntil)
        lines.push(this.t('banner.until', { time: this.time(m.scheduledUntil) }));
    } else if (content.kind === 'outage') {
      const since = outageSince(content.components);
      if (since) lines.push(this.t('banner.since', { time: this.time(since) }));
    } else if (content.kind === 'incidents') {
      const lead = content.incidents[0];
      const last = Date.parse(lastUpdateAt(lead));
      lines.push(
        now - last < 60_000
          ? this.t('banner.updatedNow')
          : this.t('banner.updated', { time: formatRelative(this.lang_, last, now) }),
      );
      const due = updateDue(lead, now);
      // A time that has passed is never shown as the next update's.
      if (due?.overdue)
        late = this.t('update.overdue', {
          time: this.time(due.dueAt),
          ago: formatRelative(this.lang_, due.dueAt, now),
        });
      else if (due?.promised) lines.push(this.t('update.next', { time: this.time(due.dueAt) }));
    }
    return html`${
      lines.length ? html`<p part="timestamp" class="muted">${lines.join(' · ')}</p>` : nothing
    }${late ? html`<p part="overdue">${severity('overdue')}<span>${late}</span></p>` : nothing}`;
  }

  private _renderLinks(snapshot: StatusSnapshot, content?: Shown): Rendered {
    const page = this.pageUrl(snapshot);
    const subscribe = this.subscribeUrl(snapshot);
    const postmortem =
      content?.kind === 'resolved' ? postmortemLink(content.incidents[0]) : undefined;
    // The toggle only where something is behind it.
    const details = content && (subscribe || itemsOf(content)[0]?.updates[0]?.body);
    return html`<p class="links">
      ${
        postmortem
          ? html`<a part="postmortem" href=${postmortem}>${this.t('link.postmortem')}</a>`
          : nothing
      }
      ${page ? html`<a part="link" href=${page}>${this.t('link.statusPage')}</a>` : nothing}
      ${
        subscribe
          ? html`<a part="subscribe" class="detail" href=${subscribe}
              >${this.t('link.subscribe')}</a
            >`
          : nothing
      }
      ${
        details
          ? html`<button
              part="toggle"
              class="toggle"
              type="button"
              aria-expanded=${this._expanded ? 'true' : 'false'}
              @click=${this._handleToggle}
            >
              ${this.t('banner.details')}
            </button>`
          : nothing
      }
    </p>`;
  }

  private _handleToggle(): void {
    this._expanded = !this._expanded;
    this.requestUpdate();
  }

  private async _handleDismiss(content: Shown): Promise<void> {
    dismiss(this.feed.key, content);
    // Focus would fall to <body> with the button gone: keep it here, on a short
    // notice the live region also reads out.
    this._dismissed = true;
    this.requestUpdate();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[tabindex="-1"]')?.focus();
  }

  private _handleNoticeBlur(): void {
    // Blur also fires while a render replaces the notice (news came): that render
    // already dropped it.
    if (!this._dismissed) return;
    this._dismissed = false;
    this.requestUpdate();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'status-banner': StatusBanner;
  }
}
