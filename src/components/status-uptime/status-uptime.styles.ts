import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  [part~='component'] + [part~='component'] {
    margin-top: 0.75em;
  }
  .summary {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.1em 0.6em;
  }
  [part~='name'] {
    /* Its own width first: on a phone the figure moves under the name, never the name
       letter by letter beside it. */
    flex: 1 0 auto;
    max-width: 100%;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  [part~='figure'] {
    font-variant-numeric: tabular-nums;
  }
  .track {
    position: relative;
  }
  /* Bars share the width; below 3px each they keep 3px and the strip scrolls. */
  [part~='strip'] {
    display: grid;
    grid-auto-flow: column;
    grid-auto-columns: minmax(3px, 1fr);
    gap: 1px;
    height: 2em;
    margin-top: 0.35em;
    padding: 3px;
    overflow-x: auto;
    scrollbar-width: thin;
  }
  [part~='day'] {
    min-width: 0;
    height: 100%;
    padding: 0;
    border: 0;
    border-radius: 1px;
    background: currentColor;
    cursor: default;
  }
  [data-indicator='unknown'] {
    color: var(--_unknown);
  }
  [part~='day']:focus-visible {
    outline-offset: 1px;
  }
  /* No data: a hollow bar, told apart from every state by its shape, not only its colour. */
  [part~='day']:not([data-indicator]),
  [part~='swatch']:not([data-indicator]) {
    background: transparent;
    box-shadow: inset 0 0 0 1px var(--_muted);
  }
  [part~='day']:hover {
    opacity: 0.75;
  }
  [part~='tooltip'] {
    position: absolute;
    z-index: 1;
    top: 100%;
    inset-inline-start: 0;
    max-width: min(20em, 100%);
    box-sizing: border-box;
    padding: 0.5em 0.7em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    box-shadow: 0 4px 12px rgb(0 0 0 / 15%);
    font-size: 0.875em;
  }
  [part~='tooltip'][data-side='end'] {
    inset-inline: auto 0;
  }
  [part~='tooltip'] .date {
    font-weight: 600;
  }
  [part~='tooltip'] ul {
    margin-top: 0.25em;
  }
  [part~='legend'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1em;
    margin-top: 0.75em;
    color: var(--_muted);
    font-size: 0.875em;
  }
  [part~='legend'] li {
    display: flex;
    align-items: center;
    gap: 0.35em;
  }
  [part~='swatch'] {
    width: 0.6em;
    height: 1em;
    border-radius: 1px;
    background: currentColor;
  }
  [part~='source'],
  .links {
    margin-top: 0.5em;
  }
`;
