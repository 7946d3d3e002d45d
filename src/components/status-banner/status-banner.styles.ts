import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  /* Pinned with sticky, not fixed: the banner keeps its own place in the page, so it
     never sits on top of content a reader has to reach; it is capped at a third
     of the viewport and scrolls inside itself when longer. */
  :host([position='top']),
  :host([position='bottom']) {
    position: sticky;
    /* Stacking order when pinned with position (default 10) */
    z-index: var(--status-banner-z-index, 10);
  }
  :host([position='top']) {
    top: 0;
  }
  :host([position='bottom']) {
    bottom: 0;
  }
  :host([position]) .box {
    max-height: 33vh;
    overflow: auto;
    border-radius: 0;
  }
  /* A short viewport (a phone held sideways, 200% zoom): a pinned banner would
     cover the page or cut off its own links, so it stays in its place instead. */
  @media (max-height: 30em) {
    :host([position='top']),
    :host([position='bottom']) {
      position: static;
    }
    :host([position]) .box {
      max-height: none;
    }
  }
  [part~='base'] {
    position: relative;
  }
  .box {
    padding-inline-end: 3em;
    border-inline-start: 4px solid var(--_unknown);
  }
  .box:has([data-indicator='minor']) {
    border-inline-start-color: var(--_minor);
  }
  .box:has([data-indicator='major']) {
    border-inline-start-color: var(--_major);
  }
  .box:has([data-indicator='critical']) {
    border-inline-start-color: var(--_critical);
  }
  .box:has([data-indicator='maintenance']) {
    border-inline-start-color: var(--_maintenance);
  }
  .box:has([data-indicator='operational']) {
    border-inline-start-color: var(--_operational);
  }
  /* The icon keeps its own column: it never wraps onto a line of its own. */
  [part~='title'] {
    display: grid;
    grid-template-columns: auto 1fr;
    align-items: start;
    gap: 0.45em;
  }
  [part~='indicator'] {
    font-size: 1.15em;
    margin-top: 0.1em;
  }

  [part~='status'] {
    font-weight: 600;
    font-size: 0.9em;
  }
  [part~='update'] {
    margin-top: 0.25em;
  }
  [part~='timestamp'],
  .links,
  [part~='stale'] {
    margin-top: 0.35em;
  }
  .links {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 1em;
    font-size: 0.9em;
  }
  .toggle {
    display: none;
  }
  /* Narrow screens: title, state and links; the rest behind "Details", so that even
     a critical banner leaves most of a phone's screen to the page. */
  @media (max-width: 30em) {
    .toggle {
      display: inline-block;
    }
    .box:not(.expanded) .detail {
      display: none;
    }
  }
  [part~='dismiss'] {
    position: absolute;
    top: 0.5em;
    inset-inline-end: 0.5em;
    display: inline-grid;
    place-items: center;
    width: 2em;
    height: 2em;
    padding: 0;
  }
`;
