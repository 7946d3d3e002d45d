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
  [part~='component'] {
    display: flex;
    align-items: center;
    gap: 0.5em;
    padding: 0.45em 0;
  }
  [part~='component'] + [part~='component'],
  [part~='list'] > li + li,
  [part~='component'] + li,
  li + [part~='component'] {
    border-top: 1px solid var(--_border);
  }
  [part~='name'] {
    flex: 1;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  [part~='status'] {
    color: var(--_muted);
    font-size: 0.9em;
    text-align: end;
  }
  /* The summary keeps its disclosure marker (display: list-item). */
  [part~='group-name'] {
    padding: 0.45em 0;
    cursor: pointer;
    font-weight: 600;
  }
  [part~='group-name'] > * {
    vertical-align: middle;
    margin-inline-start: 0.35em;
  }
  [part~='group-name'] [part~='status'] {
    font-weight: 400;
  }
  [part~='group'] [part~='list'] {
    padding-inline-start: 1.5em;
  }
  [part~='stale'],
  .links {
    margin: 0.25em 0;
  }
  .links {
    margin-top: 0.5em;
  }
`;
