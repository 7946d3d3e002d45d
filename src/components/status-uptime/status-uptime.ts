import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { addEnglish, formatDay, formatDuration, formatPercent } from '../../i18n/index.js';
import { enUptime } from '../../i18n/messages/en.js';
import { isolate } from '../../internal/bidi.js';
import { boxStyles } from '../../internal/box-styles.js';
import { NAME_MAX, StatusElement, type Rendered } from '../../internal/status-element.js';
import { hostStyles } from '../../internal/styles.js';
import { clip } from '../../model/bounds.js';
import type {
  ComponentDay,
  ComponentStatus,
  Indicator,
  StatusComponent,
  StatusSnapshot,
} from '../../model/types.js';
import {
  dayBars,
  dayIndicator,
  deriveHistory,
  floorUptime,
  incidentsOnDay,
  startOfDay,
  windowDates,
  windowUptime,
  withPresent,
  type DayBar,
} from './uptime-model.js';
import { styles } from './status-uptime.styles.js';

// Its English words join the table wherever the element is part of the bundle.
addEnglish(enUptime);

/** The most incidents listed in a day's details. */
const MAX_DAY_INCIDENTS = 5;
// Worst first, the order the time in each state is listed in.
const NON_OPERATIONAL: readonly ComponentStatus[] = [
  'major_outage',
  'partial_outage',
  'degraded_performance',
  'under_maintenance',
  'unknown',
];
const LEGEND: ReadonlyArray<
  [
    Indicator | undefined,
    (
      | 'component.operational'
      | 'uptime.minor'
      | 'component.major_outage'
      | 'component.under_maintenance'
      | 'uptime.noData'
    ),
  ]
> = [
  ['operational', 'component.operational'],
  ['minor', 'uptime.minor'],
  ['major', 'component.major_outage'],
  ['maintenance', 'component.under_maintenance'],
  [undefined, 'uptime.noData'],
];

interface Strip {
  component: StatusComponent;
  bars: DayBar[];
}

/**
 * Per component, a strip of daily bars (the last `days` days, default 90) with the
 * component's uptime over the days that have data, and a legend. A day without data
 * is drawn as "no data", never as operational. Hovering, focusing or tapping a day
 * shows its date, uptime, time in each non-operational state and its incidents; the
 * arrow keys move across the days of a strip (one tab stop per strip).
 *
 * The history is the feed's own (`history` on each component) where it records one;
 * otherwise it is derived from the incidents the feed lists, and labelled so; with
 * neither, or with no components at all, the element says so and links to the status
 * page. Either way today includes each component's current status since it changed:
 * a component down now is never drawn as a good day.
 *
 * @tag status-uptime
 * @summary The uptime history strip of each component.
 *
 * @slot - Fallback shown when scripts do not run (e.g. a link to the status page).
 *
 * @csspart base - The whole element.
 * @csspart list - The list of components.
 * @csspart component - One component: its summary, strip and day details.
 * @csspart name - A component's name.
 * @csspart figure - The uptime over the window, e.g. "99.95% uptime".
 * @csspart days - Over how many days with data the figure is computed.
 * @csspart strip - The row of day bars (scrolls sideways when the days do not fit).
 * @csspart day - One day's bar (`data-date`, `data-uptime`, `data-indicator`).
 * @csspart tooltip - The details of the day hovered, focused or tapped.
 * @csspart incident - An incident of that day (a link to its page when known).
 * @csspart legend - What each colour means.
 * @csspart swatch - A colour sample in the legend.
 * @csspart source - "Derived from the incidents the status page reported".
 * @csspart empty - "No uptime history is available.", said instead of strips when there are none to draw: no components (Atom/RSS), or neither a recorded history nor resolved incidents.
 * @csspart more - "And 12 more on the status page" past `limit`.
 * @csspart link - The status page link.
 * @csspart skeleton - The loading placeholder.
 * @csspart stale - The data's age while the feed is not answering.
 * @csspart error - What a reader sees when the feed cannot be loaded.
 * @csspart retry - The retry button.
 * @csspart debug - Developer diagnostics, with `debug` only.
 *
 * @fires status-change - A new snapshot arrived (`event.detail` is the snapshot).
 * @fires status-error - Loading the feed failed (`event.detail` is the error); the last good data stays.
 */
export class StatusUptime extends StatusElement {
  static override styles = [hostStyles, boxStyles, styles];

  static override properties: PropertyDeclarations = {
    ...StatusElement.properties,
    days: { type: Number },
    limit: { type: Number },
  };

  /** How many days each strip shows, ending today (default 90, from 1 to 365). */
  days = 90;
  /** At most this many components (default 25); the rest are on the status page. */
  limit = 25;

  /** The day whose details are shown: component id and index in its strip. */
  private _shown?: { id: string; index: number };
  /** The day of each strip that holds its one tab stop. */
  private readonly _tabStops = new Map<string, number>();
  /** Each day's accessible name, by language: a hover redraws thousands of days. */
  private readonly _names = new WeakMap<ComponentDay, [string, string]>();
  private readonly _noDataNames = new Map<string, string>();
  /** True while the DOM is being updated: removing a focused day fires focusout then. */
  private _updating = false;
  /** Strips already scrolled to their newest day once. */
  private readonly _scrolled = new WeakSet<Element>();
  /** The history last derived, kept while the snapshot and the window stay (hover redraws). */
  private _derived?: {
    snapshot: StatusSnapshot;
    key: string;
    history?: Map<string, ComponentDay[]>;
  };

  // Days are derived from the resolved incidents where a feed records none: the store
  // reads them (Statuspage's incidents.json) only for pages that show them.
  protected override get showsHistory(): boolean {
    return true;
  }

  protected override renderLoading(): Rendered {
    return super.renderLoading(3);
  }

  protected override renderSnapshot(snapshot: StatusSnapshot): Rendered {
    const page = this.pageUrl(snapshot);
    const link = page
      ? html`<p class="links"><a part="link" href=${page}>${this.t('link.statusPage')}</a></p>`
      : nothing;
    const ids = this.filterIds(snapshot);
    const wanted = snapshot.components.filter((component) => !ids || ids.has(component.id));
    // Each strip draws up to 365 bars: a feed with thousands of components must not freeze the page.
    const components = wanted.slice(0, Math.max(1, this.limit));
    const recorded = components.some((component) => component.history);
    const now = Date.now();
    const readAt = this.feed.fetchedAt ?? now;
    const zone = this._zone(snapshot, recorded);
    const dates = windowDates(this._dayCount(), now, zone);
    const derived =
      recorded || !components.length
        ? undefined
        : this._derive(snapshot, dates, now, readAt, zone, components);
    // A feed without components (Atom/RSS) has nothing to draw a strip for.
    if (!components.length || (!recorded && !derived)) {
      return html`<div part="base" class="box">
        ${this.renderStale()}
        <p part="empty">${this.t('uptime.none')}</p>
        ${link}
      </div>`;
    }
    const today = dates.at(-1)!;
    const todayStart = startOfDay(today, zone);
    const strips: Strip[] = components.map((component) => ({
      component,
      bars: dayBars(
        derived
          ? derived.get(component.id)
          : withPresent(component.history, component, today, todayStart, now, readAt),
        dates,
      ),
    }));
    return html`<div part="base" class="box">
      ${this.renderStale()}
      <ul part="list" aria-label=${this.t('uptime.label')}>
        ${strips.map((strip) => this._renderStrip(strip, snapshot, now, zone))}
      </ul>
      ${this.renderMore(wanted.length - components.length, page)}
      <ul part="legend" aria-label=${this.t('uptime.legend')}>
        ${LEGEND.map(
          ([indicator, key]) =>
            html`<li>
              <span part="swatch" data-indicator=${indicator ?? nothing}></span>${this.t(key)}
            </li>`,
        )}
      </ul>
      ${
        derived || snapshot.historySource === 'derived-from-incidents'
          ? html`<p part="source" class="muted">${this.t('uptime.derived')}</p>`
          : nothing
      }
      ${link}
    </div>`;
  }

  protected override update(changed: PropertyValues): void {
    this._updating = true;
    try {
      super.update(changed);
    } finally {
      this._updating = false;
    }
  }

  protected override willUpdate(): void {
    // A day shown before the window shrank is gone with it.
    if (this._shown && this._shown.index >= this._dayCount()) this._shown = undefined;
  }

  protected override updated(): void {
    // A strip wider than the element starts at today's end, where readers look first.
    for (const strip of this.renderRoot.querySelectorAll<HTMLElement>('[part~="strip"]')) {
      if (this._scrolled.has(strip) || strip.scrollWidth <= strip.clientWidth) continue;
      this._scrolled.add(strip);
      strip.scrollLeft = this._isRtl(strip) ? -strip.scrollWidth : strip.scrollWidth;
    }
  }

  private _renderStrip(
    { component, bars }: Strip,
    snapshot: StatusSnapshot,
    now: number,
    zone: string | undefined,
  ): Rendered {
    const { id } = component;
    const { uptime, days } = windowUptime(bars);
    const stop = Math.min(this._tabStops.get(id) ?? bars.length - 1, bars.length - 1);
    const shown = this._shown?.id === id ? this._shown.index : undefined;
    const name = isolate(clip(component.name, NAME_MAX));
    return html`<li
      part="component"
      @pointerleave=${this._handleLeave}
      @focusout=${this._handleFocusOut}
    >
      <p class="summary">
        <span part="name">${clip(component.name, NAME_MAX)}</span>
        <span part="figure"
          >${
            uptime === undefined
              ? this.t('uptime.noDataWindow')
              : this.t('uptime.figure', { percent: this._percent(uptime) })
          }</span
        >
        ${
          days
            ? html`<span part="days" class="muted">${this.t('uptime.days', { count: days })}</span>`
            : nothing
        }
      </p>
      <div class="track">
        <div
          part="strip"
          role="toolbar"
          aria-label=${this.t('uptime.strip', { name, count: bars.length })}
          data-component=${id}
          @keydown=${this._handleKey}
        >
          ${bars.map(
            (bar, index) =>
              html`<button
                part="day"
                type="button"
                tabindex=${index === stop ? 0 : -1}
                data-date=${bar.date}
                data-uptime=${bar.day?.uptime === undefined ? nothing : floorUptime(bar.day.uptime)}
                data-indicator=${dayIndicator(bar.day) ?? nothing}
                data-index=${index}
                aria-label=${this._dayName(bar)}
                @pointerenter=${this._handleEnter}
                @focus=${this._handleEnter}
                @click=${this._handleTap}
              ></button>`,
          )}
        </div>
        ${
          shown === undefined
            ? nothing
            : this._renderDetails(bars[shown], id, snapshot, now, zone, shown < bars.length / 2)
        }
      </div>
    </li>`;
  }

  /** The date, the uptime, the time in each non-operational state and the incidents. */
  private _renderDetails(
    bar: DayBar,
    id: string,
    snapshot: StatusSnapshot,
    now: number,
    zone: string | undefined,
    startSide: boolean,
  ): Rendered {
    const incidents = bar.day ? incidentsOnDay(snapshot.incidents, id, bar.date, now, zone) : [];
    return html`<div part="tooltip" data-side=${startSide ? 'start' : 'end'}>
      <p class="date">${this._date(bar.date)}</p>
      <p>${this._uptimeWords(bar.day)}</p>
      ${
        bar.day
          ? html`<ul>
              ${this._timeInStates(bar.day).map((line) => html`<li>${line}</li>`)}
              ${incidents
                .slice(0, MAX_DAY_INCIDENTS)
                .map(
                  (incident) =>
                    html`<li>
                      ${
                        incident.url
                          ? html`<a part="incident" href=${incident.url}
                              >${clip(incident.name, NAME_MAX)}</a
                            >`
                          : html`<span part="incident">${clip(incident.name, NAME_MAX)}</span>`
                      }
                    </li>`,
                )}
              ${incidents.length ? nothing : html`<li class="muted">${this.t('uptime.noIncidents')}</li>`}
            </ul>`
          : nothing
      }
    </div>`;
  }

  /** The history derived from incidents, computed again only when its inputs change. */
  private _derive(
    snapshot: StatusSnapshot,
    dates: string[],
    now: number,
    readAt: number,
    zone: string | undefined,
    components: StatusComponent[],
  ): Map<string, ComponentDay[]> | undefined {
    // Today's figure runs up to now: it is worked out again each minute.
    const key = [
      dates[0],
      dates.length,
      zone,
      Math.floor(now / 60_000),
      readAt,
      ...components.map((c) => c.id),
    ].join();
    if (this._derived?.snapshot !== snapshot || this._derived.key !== key)
      this._derived = {
        snapshot,
        key,
        history: deriveHistory(snapshot, dates, now, zone, components, readAt),
      };
    return this._derived.history;
  }

  /** The strip's time zone: `time-zone`; else a recorded history's own zone; else the viewer's. */
  private _zone(snapshot: StatusSnapshot, recorded: boolean): string | undefined {
    // Recorded days are calendar days of the page's zone and cannot be cut anew.
    return this.timeZone || (recorded ? snapshot.page.timeZone || 'UTC' : undefined);
  }

  private _dayCount(): number {
    const days = Math.round(Number(this.days));
    return Number.isFinite(days) ? Math.min(365, Math.max(1, days)) : 90;
  }

  private _percent(uptime: number): string {
    return formatPercent(this.lang_, floorUptime(uptime));
  }

  private _date(date: string): string {
    return formatDay(this.lang_, date);
  }

  private _uptimeWords(day: ComponentDay | undefined): string {
    if (!day) return this.t('uptime.noData');
    if (day.uptime !== undefined)
      return this.t('uptime.figure', { percent: this._percent(day.uptime) });
    return this.t(`component.${day.worst ?? 'unknown'}`);
  }

  private _timeInStates(day: ComponentDay): string[] {
    return NON_OPERATIONAL.filter((status) => day.downtime?.[status]).map((status) =>
      this.t('uptime.timeIn', {
        status: this.t(`component.${status}`),
        duration: formatDuration(this.lang_, day.downtime![status]! * 60_000),
      }),
    );
  }

  /** "Mar 12, 2026: 99.5% uptime; Partial outage: 20 min" — a day's accessible name. */
  private _dayName({ date, day }: DayBar): string {
    const locale = this.lang_;
    const known = day ? this._names.get(day) : this._noDataNames.get(`${locale} ${date}`);
    if (typeof known === 'string') return known;
    if (known?.[0] === locale) return known[1];
    const details = [this._uptimeWords(day), ...(day ? this._timeInStates(day) : [])];
    const name = this.t('uptime.day', {
      date: this._date(date),
      details: details.join(this.t('uptime.separator')),
    });
    if (day) this._names.set(day, [locale, name]);
    else {
      if (this._noDataNames.size > 2000) this._noDataNames.clear();
      this._noDataNames.set(`${locale} ${date}`, name);
    }
    return name;
  }

  private _isRtl(element: Element): boolean {
    return getComputedStyle(element).direction === 'rtl';
  }

  private _show(id: string, index: number): void {
    if (this._shown?.id === id && this._shown.index === index) return;
    this._shown = { id, index };
    this._tabStops.set(id, index);
    this.requestUpdate();
  }

  private _hide(): void {
    if (!this._shown) return;
    this._shown = undefined;
    // A redraw that removed the focused day already drew without its details.
    if (!this._updating) this.requestUpdate();
  }

  private readonly _handleEnter = (event: Event): void => {
    const day = event.currentTarget as HTMLElement;
    const strip = day.parentElement!;
    this._show(strip.dataset.component!, Number(day.dataset.index));
  };

  // Some browsers (Safari) do not focus a tapped button: focused, a tapped day stays
  // shown as the finger lifts, and closes when the focus moves on.
  private readonly _handleTap = (event: Event): void => {
    (event.currentTarget as HTMLElement).focus();
    this._handleEnter(event);
  };

  private readonly _handleKey = (event: KeyboardEvent): void => {
    const strip = event.currentTarget as HTMLElement;
    const days = [...strip.querySelectorAll<HTMLElement>('[part~="day"]')];
    const current = days.indexOf(event.target as HTMLElement);
    if (current < 0) return;
    // Time runs in the reading direction: in a right-to-left page, left is later.
    const later = this._isRtl(strip) ? 'ArrowLeft' : 'ArrowRight';
    const earlier = later === 'ArrowLeft' ? 'ArrowRight' : 'ArrowLeft';
    const next =
      event.key === later
        ? current + 1
        : event.key === earlier
          ? current - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? days.length - 1
              : undefined;
    if (event.key === 'Escape') this._hide();
    if (next === undefined) return;
    event.preventDefault();
    const target = days[Math.max(0, Math.min(days.length - 1, next))];
    this._show(strip.dataset.component!, days.indexOf(target));
    target.focus();
  };

  private readonly _handleLeave = (event: PointerEvent): void => {
    const item = event.currentTarget as HTMLElement;
    if (!item.matches(':focus-within')) this._hide();
  };

  private readonly _handleFocusOut = (event: FocusEvent): void => {
    const item = event.currentTarget as HTMLElement;
    const to = event.relatedTarget as Node | null;
    if (!(to && item.contains(to)) && !item.matches(':hover')) this._hide();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'status-uptime': StatusUptime;
  }
}
