import { html, nothing, type PropertyDeclarations } from 'lit';
import { formatTime } from '../../i18n/index.js';
import { findComponent, touches } from '../../model/filter.js';
import { severity } from '../../internal/icons.js';
import { flag } from '../../internal/options.js';
import { StatusElement, type Rendered } from '../../internal/status-element.js';
import { hostStyles } from '../../internal/styles.js';
import { componentStatusToIndicator, deriveIndicator } from '../../model/indicator.js';
import type { Indicator, StatusSnapshot } from '../../model/types.js';
import { styles } from './status-badge.styles.js';
import { isolate } from '../../internal/bidi.js';

/**
 * A dot and a word for the overall state of a status feed (or of one component),
 * linking to the status page.
 *
 * @tag status-badge
 * @summary The overall status of a service, for a site header or footer.
 *
 * @slot - Fallback shown when scripts do not run (e.g. a plain link to the status page).
 *
 * @csspart base - The badge box (a link when the status page is known).
 * @csspart link - The badge box when it is a link.
 * @csspart indicator - The coloured severity icon.
 * @csspart label - The state in words (visually hidden when `compact`).
 * @csspart timestamp - A short "as of 14:05" while the data is stale (the full sentence is its tooltip and accessible text).
 * @csspart debug - Developer diagnostics, with `debug` only.
 *
 * @fires status-change - A new snapshot arrived (`event.detail` is the snapshot).
 * @fires status-error - Loading the feed failed (`event.detail` is the error); the last good data stays.
 */
export class StatusBadge extends StatusElement {
  static override styles = [hostStyles, styles];

  static override properties: PropertyDeclarations = {
    ...StatusElement.properties,
    component: {},
    compact: { attribute: 'compact', converter: flag, reflect: true },
    target: {},
    indicator: { reflect: true },
  };

  /** One component's state instead of the page's: its id or its name (see also `components`). */
  component?: string;
  /** Only the dot; the state stays the link's accessible name. */
  compact = false;
  /** Where the link opens (`_blank` for a new tab); the same tab by default. */
  target?: string;
  /** The shown state, reflected for site CSS: `operational|minor|major|critical|maintenance|unknown`. */
  indicator: Indicator = 'unknown';

  protected override syncFeed(): void {
    // Without data the state is unknown, never a guessed "operational".
    this.indicator = this._indicatorOf(this.feed.snapshot);
  }

  protected override renderLoading(): Rendered {
    return this._renderBadge(this.t('state.loading'));
  }

  // A feed that fails on first load is not an outage: a quiet word and the status
  // page link when one is known. The diagnosis goes to the console and `debug`.
  protected override renderError(): Rendered {
    return this._renderBadge(this.t(this.href ? 'badge.status' : 'state.error'), 'muted');
  }

  protected override renderSnapshot(snapshot: StatusSnapshot): Rendered {
    return this._renderBadge(this._describe(snapshot));
  }

  private _indicatorOf(snapshot: StatusSnapshot | undefined): Indicator {
    if (!snapshot) return 'unknown';
    if (this.component) {
      const component = findComponent(snapshot.components, this.component);
      return component ? componentStatusToIndicator(component.status) : 'unknown';
    }
    const ids = this.filterIds(snapshot);
    if (!ids) return snapshot.indicator;
    // `components`: the worst of those components and of what touches them.
    return deriveIndicator({
      components: snapshot.components.filter((c) => ids.has(c.id)),
      incidents: snapshot.incidents.filter((i) => touches(i, ids)),
      maintenances: snapshot.maintenances.filter((m) => touches(m, ids)),
    });
  }

  private _renderBadge(label: string, tone = ''): Rendered {
    const link = this.pageUrl(this.feed.snapshot);
    const content = html`${severity(this.indicator)}<span
        part="label"
        class=${this.compact ? 'vh' : tone}
        >${label}</span
      >${this.renderStale()}`;
    return link
      ? html`<a
          part="base link"
          href=${link}
          target=${this.target || nothing}
          rel=${this.target === '_blank' ? 'noopener' : nothing}
          title=${this.t('link.statusPage')}
          >${content}</a
        >`
      : html`<span part="base">${content}</span>`;
  }

  // A short "as of 2:05 PM" that keeps a header's badge narrow; the whole sentence is
  // its tooltip and what a screen reader hears.
  protected override renderStale(): Rendered {
    const stale = this.compact ? undefined : this.staleSince();
    if (!stale) return nothing;
    const words = this.staleWords();
    return html`<span part="timestamp" title=${words!}
      ><span aria-hidden="true"
        >·
        ${this.t('badge.stale', {
          time: formatTime(this.lang_, stale.at, this.timeZone, Date.now(), true),
        })}</span
      ><span class="vh">${words}</span></span
    >`;
  }

  private _describe(snapshot: StatusSnapshot): string {
    if (!this.component) return this.t(`indicator.${this.indicator}`);
    const component = findComponent(snapshot.components, this.component);
    if (component) return `${isolate(component.name)}: ${this.t(`component.${component.status}`)}`;
    // A misspelt name is the page developer's to fix: a console warning, not page text.
    const known = snapshot.components.map((item) => item.name);
    const name = this.component;
    import('../../internal/diagnostics.js').then(
      (loaded) => loaded.warnMissingComponent(this, name, this.src, known),
      () => undefined,
    );
    return this.t('indicator.unknown');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'status-badge': StatusBadge;
  }
}
