import { html, nothing, type PropertyDeclarations } from 'lit';
import { severity } from '../../internal/icons.js';
import { addEnglish } from '../../i18n/index.js';
import { enComponents } from '../../i18n/messages/en.js';
import { NAME_MAX, StatusElement, type Rendered } from '../../internal/status-element.js';
import { clip } from '../../model/bounds.js';
import { boxStyles } from '../../internal/box-styles.js';
import { hostStyles } from '../../internal/styles.js';
import { componentStatusToIndicator } from '../../model/indicator.js';
import type { StatusComponent, StatusSnapshot } from '../../model/types.js';
import { groupComponents } from './components-model.js';
import { styles } from './status-components.styles.js';

// Its English words join the table wherever the element is part of the bundle.
addEnglish(enComponents);

/**
 * The components of a service with their status in words and colour, grouped by
 * their groups (each group collapsible and showing its worst status).
 *
 * @tag status-components
 * @summary The list of components and their status.
 *
 * @slot - Fallback shown when scripts do not run (e.g. a link to the status page).
 *
 * @csspart base - The whole list.
 * @csspart list - A list of components.
 * @csspart group - A group (a disclosure with its components).
 * @csspart group-name - The group's summary line: icon, name and worst status.
 * @csspart component - One component.
 * @csspart indicator - The coloured status icon.
 * @csspart name - A component's name.
 * @csspart status - A status in words.
 * @csspart empty - "No components to show".
 * @csspart more - "And 12 more on the status page" past `limit`.
 * @csspart link - The status page link.
 * @csspart skeleton - The loading placeholder.
 * @csspart stale - The data's age while the feed is not answering.
 * @csspart error - The error box.
 * @csspart retry - The retry button.
 *
 * @fires status-change - A new snapshot arrived (`event.detail` is the snapshot).
 * @fires status-error - Loading the feed failed (`event.detail` is the error); the last good data stays.
 */
export class StatusComponents extends StatusElement {
  static override styles = [hostStyles, boxStyles, styles];

  static override properties: PropertyDeclarations = {
    ...StatusElement.properties,
    limit: { type: Number },
  };

  /** At most this many components (default 100); the rest are on the status page. */
  limit = 100;

  protected override renderLoading(): Rendered {
    return super.renderLoading(4);
  }

  protected override renderSnapshot(snapshot: StatusSnapshot): Rendered {
    const ids = this.filterIds(snapshot);
    const { groups, more } = groupComponents(snapshot.components, ids, this.limit);
    const page = this.pageUrl(snapshot);
    return html`<div part="base" class="box">
      ${this.renderStale()}
      ${
        groups.length
          ? html`<ul part="list" aria-label=${this.t('components.label')}>
              ${groups.map((group) =>
                group.name === undefined
                  ? group.components.map((c) => this._renderComponent(c))
                  : html`<li>
                      <details part="group" open>
                        <summary part="group-name">
                          ${severity(group.indicator)}<span part="name"
                            >${clip(group.name, NAME_MAX)}</span
                          >
                          <span part="status">${this.t(`indicator.${group.indicator}`)}</span>
                        </summary>
                        <ul part="list">
                          ${group.components.map((c) => this._renderComponent(c))}
                        </ul>
                      </details>
                    </li>`,
              )}
            </ul>`
          : html`<p part="empty">${this.t('components.empty')}</p>`
      }
      ${this.renderMore(more + (ids ? 0 : (snapshot.componentsLeftOut ?? 0)), page)}
      ${
        page
          ? html`<p class="links"><a part="link" href=${page}>${this.t('link.statusPage')}</a></p>`
          : nothing
      }
    </div>`;
  }

  private _renderComponent(component: StatusComponent): Rendered {
    return html`<li part="component">
      ${severity(componentStatusToIndicator(component.status))}<span part="name"
        >${clip(component.name, NAME_MAX)}</span
      >
      <span part="status">${this.t(`component.${component.status}`)}</span>
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'status-components': StatusComponents;
  }
}
