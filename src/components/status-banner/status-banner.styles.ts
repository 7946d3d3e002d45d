import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  /* Pinned with sticky, not fixed: the banner keeps its own place in the page, so it
     never sits on top of content a reader has to reach. Closed, it is never capped,
     so the promise line is never cut; opened, it takes at most half of the viewport:
     its text scrolls inside itself (a shadow at the edge says there is more), while
     the links, the Details toggle and the close button stay in view. */
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
    display: flex;
    flex-direction: column;
    border-radius: 0;
  }
  :host([position]) .expanded {
    max-height: 50vh;
    max-height: 50dvh;
  }
  :host([position]) .expanded .scroll {
    min-height: 0;
    overflow-y: auto;
    /* Scroll shadow: the cover moves with the text, so the shadow at the bottom
       edge shows only while there is more below. */
    background:
      linear-gradient(transparent, var(--_surface) 60%) bottom / 100% 1.5em local,
      linear-gradient(transparent, color-mix(in srgb, var(--_text) 30%, transparent)) bottom / 100%
        0.75em;
    background-repeat: no-repeat;
  }
  :host([position]) .links,
  :host([position]) [part~='stale'] {
    flex: none;
  }
  /* A short viewport (a phone held sideways, 200% zoom): a pinned banner would
     cover the page or cut off its own links, so it stays in its place instead. */
  @media (max-height: 30em) {
    :host([position='top']),
    :host([position='bottom']) {
      position: static;
    }
    :host([position]) .expanded {
      max-height: none;
    }
  }
  [part~='base'] {
    position: relative;
  }
  .box {
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
  /* Only the lines beside the close button make room for it. */
  [part~='title'],
  [part~='status'] {
    padding-inline-end: 2.25em;
  }
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
  /* Narrow screens: the title, the severity, when (the next update, or that it is
     late; a maintenance's start and end) and the status page link stay in view; the
     update text and the subscribe link go behind "Details", so that even a
     critical banner leaves most of a phone's screen to the page. */
  @media (max-width: 30em) {
    .toggle {
      display: inline-block;
    }
    .box:not(.expanded) .detail {
      display: none;
    }
    .box {
      padding-block: 0.6em;
    }
    .toggle {
      padding-block: 0;
    }
    [part~='overdue'] {
      font-size: 0.9em;
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
