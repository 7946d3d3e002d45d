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
  [part~='title'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 0.45em;
  }
  [part~='indicator'] {
    font-size: 1.15em;
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
    gap: 0.25em 1em;
    font-size: 0.9em;
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
