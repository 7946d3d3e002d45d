import { css } from 'lit';

/**
 * Shared by every element: the host reset, the design tokens (light and dark
 * through CSS light-dark(): the page's own color-scheme decides by default, so a
 * page that never opted into dark mode gets light widgets; theme="auto" follows
 * the visitor's OS; theme="light|dark" pins),
 * and what every element draws the same way (severity icon, buttons, focus ring,
 * visually hidden text). Each public `--status-*` property is read once into a
 * private `--_*` with its default; element styles use only the private names. The
 * comment above each one is its documentation: every element's `@cssprop` list in
 * the manifest is generated from this table and what the element's styles use (see
 * custom-elements-manifest.config.mjs).
 * Light and dark colours meet WCAG AA (text 4.5:1, the indicator graphic 3:1) on
 * their default surfaces, and neighbouring severities differ in lightness by at
 * least 1.45:1 in both schemes, besides their words and icon shapes.
 */
export const hostStyles = css`
  :host {
    display: inline-block;
    box-sizing: border-box;
    /* Font family */
    --_font: var(--status-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    /* Corner radius of boxes and buttons */
    --_radius: var(--status-radius, 6px);
    /* Background colour */
    --_surface: var(--status-surface, light-dark(#fff, #0d1117));
    /* Background of buttons and the timeline */
    --_raised: var(--status-surface-raised, light-dark(#f6f8fa, #151b23));
    /* Text colour */
    --_text: var(--status-text, light-dark(#1f2328, #e6edf3));
    /* Colour of secondary text */
    --_muted: var(--status-muted, light-dark(#59636e, #9198a1));
    /* Border colour (and the loading bars) */
    --_border: var(--status-border, light-dark(#d1d9e0, #3d444d));
    /* Link colour */
    --_link: var(--status-link, light-dark(#0969da, #4493f8));
    /* Focus ring colour */
    --_focus: var(--status-focus, light-dark(#0969da, #4493f8));
    /* Colour of the operational (and resolved) state */
    --_operational: var(--status-color-operational, light-dark(#1a7f37, #3fb950));
    /* Colour of a minor incident, degraded performance or a partial outage */
    --_minor: var(--status-color-minor, light-dark(#b58900, #f2cc60));
    /* Colour of a major incident or outage */
    --_major: var(--status-color-major, light-dark(#c2410c, #f0883e));
    /* Colour of a critical incident */
    --_critical: var(--status-color-critical, light-dark(#a40e26, #e5534b));
    /* Colour of maintenance */
    --_maintenance: var(--status-color-maintenance, light-dark(#0969da, #4493f8));
    /* Colour while loading, or when the state is unknown */
    --_unknown: var(--status-color-unknown, light-dark(#6e7781, #9198a1));
    /* Colour of the warning that a promised update is late */
    --_overdue: var(--status-color-overdue, light-dark(#8250df, #ab7df8));
    --_icon-glyph: light-dark(#fff, #0d1117);
    font-family: var(--_font);
    color: var(--_text);
  }
  :host([hidden]) {
    display: none;
  }
  /* The page's color-scheme is inherited; theme= overrides it. */
  :host([theme='auto']) {
    color-scheme: light dark;
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  @media (prefers-reduced-motion: reduce) {
    :host *,
    :host *::before {
      animation: none !important;
      transition: none !important;
    }
  }
  [part~='indicator'] {
    display: inline-flex;
    flex: none;
    color: var(--_unknown);
  }
  [data-indicator='operational'] {
    color: var(--_operational);
  }
  [data-indicator='minor'] {
    color: var(--_minor);
  }
  [data-indicator='major'] {
    color: var(--_major);
  }
  [data-indicator='critical'] {
    color: var(--_critical);
  }
  [data-indicator='maintenance'] {
    color: var(--_maintenance);
  }
  a {
    color: var(--_link);
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .vh {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
