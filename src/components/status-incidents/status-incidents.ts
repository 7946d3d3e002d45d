import { html, nothing, type PropertyDeclarations } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { addEnglish, formatDateTime, formatDuration, formatRelative } from '../../i18n/index.js';
import { enItems, enIncidents } from '../../i18n/messages/en.js';
import { severity } from '../../internal/icons.js';
import { flag } from '../../internal/options.js';
import { BODY_MAX, NAME_MAX, StatusElement, type Rendered } from '../../internal/status-element.js';
import { clip } from '../../model/bounds.js';
import { boxStyles } from '../../internal/box-styles.js';
import { hostStyles } from '../../internal/styles.js';
import { postmortemLink, shownIndicator } from '../../model/indicator.js';
import { isOverrunning, updateDue } from '../../model/overdue.js';
import type { Incident, IncidentUpdate, Maintenance, StatusSnapshot } from '../../model/types.js';
import { durationOf, listIncidents, listMaintenances } from './incidents-model.js';
import { styles } from './status-incidents.styles.js';
import { isolate } from '../../internal/bidi.js';
import { linked } from '../../internal/linked.js';

// Its English words join the table wherever the element is part of the bundle.
addEnglish({ ...enItems, ...enIncidents });

/**
 * The incident history: active incidents first, then resolved ones newest first,
 * then maintenances, each with its impact, status, affected components, times,
 * duration, the latest update (earlier ones behind a toggle) and the postmortem.
 *
 * @tag status-incidents
 * @summary The incident history for a help or status page.
 *
 * @slot - Fallback shown when scripts do not run (e.g. a link to the status page).
 *
 * @csspart base - The whole list.
 * @csspart list - A list of incidents or of maintenances.
 * @csspart incident - One incident or maintenance.
 * @csspart indicator - The coloured severity icon.
 * @csspart title - An incident's title (a link to its page when known).
 * @csspart status - Impact and status in words.
 * @csspart affected - The affected components.
 * @csspart timestamp - Start, resolve time and duration.
 * @csspart next - "Next update by 14:30 UTC" on an active incident while the promise is ahead.
 * @csspart overdue - The warning that an active incident's next update (or a maintenance's end) is late.
 * @csspart timeline - The updates of an incident.
 * @csspart update - One update.
 * @csspart toggle - The "Earlier updates" toggle.
 * @csspart postmortem - The postmortem link.
 * @csspart heading - The "Maintenance" heading.
 * @csspart empty - "No incidents in the last N days", only when the source's past was read.
 * @csspart history - "Past incidents are on the status page" when the source's past was not read.
 * @csspart more - "And 12 more on the status page" past `limit`.
 * @csspart link - The status page link.
 * @csspart subscribe - The subscribe link.
 * @csspart skeleton - The loading placeholder.
 * @csspart stale - The data's age while the feed is not answering.
 * @csspart error - What a reader sees when the feed cannot be loaded.
 * @csspart retry - The retry button.
 * @csspart debug - Developer diagnostics, with `debug` only.
 *
 * @fires status-change - A new snapshot arrived (`event.detail` is the snapshot).
 * @fires status-error - Loading the feed failed (`event.detail` is the error); the last good data stays.
 */
export class StatusIncidents extends StatusElement {
  static override styles = [hostStyles, boxStyles, styles];

  static override properties: PropertyDeclarations = {
    ...StatusElement.properties,
    limit: { type: Number },
    days: { type: Number },
    showMaintenance: { attribute: 'show-maintenance', converter: flag },
  };

  /** At most this many incidents, and as many maintenances (default 10); the rest are on the status page. */
  limit = 10;
  /** History window in days (default 90). */
  days = 90;
  /** Also list maintenances: in progress, upcoming and recently completed. */
  showMaintenance = false;

  /** Incidents whose earlier updates the reader opened (rendered only then). */
  private readonly _opened = new Set<string>();

  protected override get showsHistory(): boolean {
    return true;
  }

  protected override renderLoading(): Rendered {
    return super.renderLoading(4);
  }

  protected override renderSnapshot(snapshot: StatusSnapshot): Rendered {
    const options = {
      now: Date.now(),
      days: this.days,
      limit: this.limit,
      ids: this.filterIds(snapshot),
    };
    const { items: incidents, more } = listIncidents(snapshot, options);
    const planned = this.showMaintenance ? listMaintenances(snapshot, options) : [];
    const maintenances = planned.slice(0, Math.max(0, this.limit));
    const names = new Map(snapshot.components.map((c) => [c.id, c.name]));
    const page = this.pageUrl(snapshot);
    // Without the past, its line is the status page link (so it is not said twice).
    const pageLink = snapshot.pastIncidentsRead ? page : undefined;
    const subscribe = this.subscribeUrl(snapshot);
    return html`<div part="base">
      ${this.renderStale()}
      ${incidents.length ? this._renderList(incidents, names, this.t('incidents.label')) : nothing}
      ${this._renderPast(incidents.length > 0, page, snapshot)}
      ${
        maintenances.length
          ? html`<h3 part="heading">${this.t('incidents.maintenance')}</h3>
              ${this._renderList(maintenances, names, this.t('incidents.maintenance'))}`
          : nothing
      }
      ${this.renderMore(more + planned.length - maintenances.length, page)}
      ${
        pageLink || subscribe
          ? html`<p class="links">
              ${
                pageLink
                  ? html`<a part="link" href=${pageLink}>${this.t('link.statusPage')}</a>`
                  : nothing
              }
              ${
                subscribe
                  ? html`<a part="subscribe" href=${subscribe}>${this.t('link.subscribe')}</a>`
                  : nothing
              }
            </p>`
          : nothing
      }
    </div>`;
  }

  /**
   * "No incidents in the last 90 days" only when the source's past was read; else
   * nothing about the past, only where to find it.
   */
  private _renderPast(
    listed: boolean,
    page: string | undefined,
    snapshot: StatusSnapshot,
  ): Rendered {
    if (!snapshot.pastIncidentsRead)
      return page
        ? html`<p part="history" class=${listed ? 'links' : 'box'}>
            <a part="link" href=${page}>${this.t('incidents.history')}</a>
          </p>`
        : nothing;
    return listed
      ? nothing
      : html`<p part="empty" class="box">${this.t('incidents.empty', { count: this.days })}</p>`;
  }

  private _renderList(
    items: Array<Incident | Maintenance>,
    names: Map<string, string>,
    label: string,
  ): Rendered {
    // Keyed: a poll that changes one incident moves and patches, never rebuilds the list.
    return html`<ul part="list" aria-label=${label}>
      ${repeat(
        items,
        (item) => item.id,
        (item) => this._renderItem(item, names),
      )}
    </ul>`;
  }

  private _renderItem(item: Incident | Maintenance, names: Map<string, string>): Rendered {
    const maintenance = 'scheduledFor' in item;
    const affected = item.components.flatMap((id) => names.get(id) ?? []);
    const duration = durationOf(item);
    const times = [
      maintenance
        ? this.t('incidents.scheduled', { time: this._dateTime(item.scheduledFor) })
        : this.t('incidents.started', { time: this._dateTime(item.createdAt) }),
      item.resolvedAt && !maintenance
        ? this.t('incidents.resolvedAt', { time: this._dateTime(item.resolvedAt) })
        : '',
      duration === undefined
        ? ''
        : // A maintenance not yet completed has a planned length, not a past one.
          this.t(
            maintenance && item.status !== 'completed'
              ? 'incidents.plannedDuration'
              : 'incidents.duration',
            { duration: formatDuration(this.lang_, duration) },
          ),
    ].filter(Boolean);
    const [latest, ...earlier] = item.updates;
    const open = this._opened.has(item.id);
    const postmortem = maintenance ? undefined : postmortemLink(item);
    // A resolved incident carries the resolved mark, not the warning it once had.
    const indicator = shownIndicator(item, maintenance);
    return html`<li part="incident" class="box">
      <h3 part="title">
        ${severity(indicator)}
        <span
          >${item.url ? html`<a href=${item.url}>${clip(item.name, NAME_MAX)}</a>` : clip(item.name, NAME_MAX)}</span
        >
      </h3>
      <p part="status">${this.t(`impact.${item.impact}`)} · ${this.t(`status.${item.status}`)}</p>
      ${
        affected.length
          ? html`<p part="affected" class="muted">
              ${this.t('incidents.affects', {
                names: affected
                  .map((name) => isolate(clip(name, NAME_MAX)))
                  .join(this.t('list.separator')),
              })}
            </p>`
          : nothing
      }
      <p part="timestamp" class="muted">${times.join(' · ')}</p>
      ${this._renderPromise(item)}
      ${
        latest
          ? html`<ol part="timeline">
              ${this._renderUpdate(latest)}
            </ol>`
          : nothing
      }
      ${
        earlier.length
          ? html`<details ?open=${open} @toggle=${(e: Event) => this._handleToggle(e, item.id)}>
              <summary part="toggle">
                ${this.t('incidents.earlier', { count: earlier.length })}
              </summary>
              ${
                open
                  ? html`<ol part="timeline">
                      ${repeat(
                        earlier,
                        (update) => update.id,
                        (update) => this._renderUpdate(update),
                      )}
                    </ol>`
                  : nothing
              }
            </details>`
          : nothing
      }
      ${
        postmortem
          ? html`<a part="postmortem" href=${postmortem}>${this.t('link.postmortem')}</a>`
          : nothing
      }
    </li>`;
  }

  /** When an active incident's next update is due, or that it (or a maintenance's end) is late. */
  private _renderPromise(item: Incident | Maintenance): Rendered {
    const now = Date.now();
    if ('scheduledFor' in item) {
      return isOverrunning(item, now)
        ? this._renderLate(this.t('update.overrun', { time: this._dateTime(item.scheduledUntil!) }))
        : nothing;
    }
    const due = updateDue(item, now);
    if (due?.overdue) {
      return this._renderLate(
        this.t('update.overdue', {
          time: this.time(due.dueAt),
          ago: formatRelative(this.lang_, due.dueAt, now),
        }),
      );
    }
    return due?.promised
      ? html`<p part="next" class="muted">
          ${this.t('update.next', { time: this.time(due.dueAt) })}
        </p>`
      : nothing;
  }

  private _renderLate(words: string): Rendered {
    return html`<p part="overdue">${severity('overdue')}<span>${words}</span></p>`;
  }

  private _renderUpdate(update: IncidentUpdate): Rendered {
    return html`<li part="update">
      <strong>${this.t(`status.${update.status}`)}</strong>
      <time class="muted" datetime=${update.createdAt}>${this._dateTime(update.createdAt)}</time>
      <p dir="auto">${linked(clip(update.body, BODY_MAX))}</p>
    </li>`;
  }

  private _dateTime(iso: string): string {
    return formatDateTime(this.lang_, iso, this.timeZone);
  }

  private _handleToggle(event: Event, id: string): void {
    const open = (event.currentTarget as HTMLDetailsElement).open;
    if (open === this._opened.has(id)) return;
    if (open) this._opened.add(id);
    else this._opened.delete(id);
    this.requestUpdate();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'status-incidents': StatusIncidents;
  }
}
