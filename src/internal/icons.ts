import { html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import type { Indicator } from '../model/types.js';

// One shape and one glyph per severity, so the state is never told by colour alone:
// a circle with a tick (operational), a circle with "!" (minor), a triangle with
// "!" (major), an octagon with "×" (critical), a rounded square with a spanner
// (maintenance), a circle with "?" (unknown). 16×16, the shape filled in the
// indicator colour, the glyph drawn over it.
const CIRCLE = svg`<circle cx="8" cy="8" r="8" />`;
const ICONS: Record<Indicator | 'overdue', [SVGTemplateResult, string]> = {
  operational: [CIRCLE, 'M4.5 8.2l2.3 2.3 4.7-4.9'],
  minor: [CIRCLE, 'M8 4.5v4.2M8 11.2v.3'],
  major: [svg`<path d="M8 .6l7.6 14H.4z" />`, 'M8 6v3.6M8 12.2v.2'],
  critical: [
    svg`<path d="M5 .4h6L15.6 5v6L11 15.6H5L.4 11V5z" />`,
    'M5.6 5.6l4.8 4.8M10.4 5.6l-4.8 4.8',
  ],
  maintenance: [svg`<rect width="16" height="16" rx="3.5" />`, 'M5 11l4-4M9.5 4.5a2 2 0 102 2'],
  unknown: [CIRCLE, 'M6.3 6.2a1.8 1.8 0 113 1.4c-.8.5-1.3.9-1.3 1.7M8 11.3v.2'],
  // A clock: the next update is late.
  overdue: [CIRCLE, 'M8 4v4.3l2.8 1.7'],
};

export function indicatorIcon(indicator: Indicator | 'overdue'): SVGTemplateResult {
  const [shape, glyph] = ICONS[indicator];
  return svg`<svg viewBox="0 0 16 16" width="1em" height="1em" aria-hidden="true" focusable="false"><g fill="currentColor">${shape}</g><path d=${glyph} fill="none" stroke="var(--_icon-glyph)" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" /></svg>`;
}

/**
 * The coloured severity icon (`part="indicator"`, coloured by `data-indicator`).
 * With `label` it is an image with that accessible name (for places with no word
 * beside it); without, it is decoration next to a visible word.
 */
export function severity(indicator: Indicator | 'overdue', label?: string): TemplateResult {
  return html`<span
    part="indicator"
    data-indicator=${indicator}
    role=${label ? 'img' : nothing}
    aria-label=${label || nothing}
    >${indicatorIcon(indicator)}</span
  >`;
}
