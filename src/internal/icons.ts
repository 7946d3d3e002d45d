import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import type { Indicator } from '../model/types.js';

// One glyph per severity, so the state is never told by colour alone.
// 16×16, drawn in currentColor inside a filled circle of the indicator colour.
const GLYPHS: Record<Indicator, SVGTemplateResult> = {
  operational: svg`<path d="M4.5 8.2l2.3 2.3 4.7-4.9" />`,
  minor: svg`<path d="M8 4.5v4.2M8 11.2v.3" />`,
  major: svg`<path d="M8 4.5v4.2M8 11.2v.3" />`,
  critical: svg`<path d="M5.5 5.5l5 5M10.5 5.5l-5 5" />`,
  maintenance: svg`<path d="M5 11l4-4M9.5 4.5a2 2 0 102 2" />`,
  unknown: svg`<path d="M6.3 6.2a1.8 1.8 0 113 1.4c-.8.5-1.3.9-1.3 1.7M8 11.3v.2" />`,
};

export function indicatorIcon(indicator: Indicator): SVGTemplateResult {
  return svg`<svg viewBox="0 0 16 16" width="1em" height="1em" aria-hidden="true" focusable="false"><circle cx="8" cy="8" r="8" fill="currentColor" /><g fill="none" stroke="var(--_icon-glyph, #fff)" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round">${GLYPHS[indicator]}</g></svg>`;
}

/**
 * The coloured severity icon (`part="indicator"`, coloured by `data-indicator`).
 * With `label` it is an image with that accessible name (for places with no word
 * beside it); without, it is decoration next to a visible word.
 */
export function severity(indicator: Indicator, label?: string): TemplateResult {
  return label
    ? html`<span part="indicator" data-indicator=${indicator} role="img" aria-label=${label}
        >${indicatorIcon(indicator)}</span
      >`
    : html`<span part="indicator" data-indicator=${indicator}>${indicatorIcon(indicator)}</span>`;
}
