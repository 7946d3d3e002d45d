import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  ul,
  ol {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  [part~='list'] {
    display: grid;
    gap: 0.75em;
  }
  [part~='title'] {
    display: flex;
    align-items: baseline;
    gap: 0.45em;
    margin: 0 0 0.2em;
    font-size: 1.05em;
  }
  [part~='indicator'] {
    align-self: center;
  }
  [part~='status'] {
    font-weight: 600;
    font-size: 0.9em;
  }
  [part~='timeline'] {
    margin-top: 0.5em;
    padding-inline-start: 0.75em;
    border-inline-start: 2px solid var(--_border);
  }
  [part~='update'] + [part~='update'] {
    margin-top: 0.5em;
  }
  [part~='update'] p {
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  [part~='update'] time {
    margin-inline-start: 0.4em;
  }
  details {
    margin-top: 0.4em;
  }
  [part~='toggle'] {
    cursor: pointer;
    color: var(--_link);
    font-size: 0.9em;
    width: fit-content;
  }
  [part~='postmortem'] {
    display: inline-block;
    margin-top: 0.4em;
  }
  [part~='heading'] {
    margin: 1em 0 0.5em;
    font-size: 1em;
  }
  .links {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1em;
    margin-top: 0.75em;
  }
  [part~='stale'] {
    margin-bottom: 0.5em;
  }
`;
