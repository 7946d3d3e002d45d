import { css } from 'lit';

/**
 * The boxed elements (banner, incidents, components): the box, buttons, secondary
 * text, the overdue warning, the loading skeleton and the error box. The badge draws
 * none of these.
 */
export const boxStyles = css`
  p {
    margin: 0;
  }
  button {
    font: inherit;
    color: inherit;
    background: var(--_raised);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.2em 0.7em;
    cursor: pointer;
  }
  [data-indicator='overdue'] {
    color: var(--_overdue);
  }
  .box {
    display: block;
    box-sizing: border-box;
    padding: 0.75em 1em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    line-height: 1.45;
  }
  .muted,
  [part~='stale'] {
    color: var(--_muted);
    font-size: 0.875em;
  }
  /* A promise broken: a promised update, or a maintenance's end, has passed. */
  [part~='overdue'] {
    display: grid;
    grid-template-columns: auto 1fr;
    align-items: start;
    gap: 0.45em;
    margin-top: 0.35em;
    padding: 0.3em 0.5em;
    border-inline-start: 3px solid var(--_overdue);
    background: color-mix(in srgb, var(--_overdue) 10%, var(--_surface));
    font-weight: 600;
  }
  [part~='overdue'] [part~='indicator'] {
    margin-top: 0.2em;
  }
  [part~='more'] {
    margin-top: 0.5em;
  }
  /* A long address in an update breaks rather than running out of the box. */
  [part~='update'] {
    overflow-wrap: anywhere;
  }
  [part~='error'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
  }
  .bar {
    display: block;
    height: 0.9em;
    margin: 0.4em 0;
    border-radius: 4px;
    background: var(--_border);
    animation: pulse 1.2s ease-in-out infinite alternate;
    width: 90%;
  }
  .bar + .bar {
    width: 65%;
  }
  .bar + .bar + .bar {
    width: 40%;
  }
  .bar + .bar + .bar + .bar {
    width: 15%;
  }
  @keyframes pulse {
    to {
      opacity: 0.45;
    }
  }
`;
