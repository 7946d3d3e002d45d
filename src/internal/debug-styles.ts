import { css } from 'lit';

// Not public API: the developer's inline diagnosis (`debug`). It loads with the
// diagnosis (./diagnostics.ts), so pages whose feeds answer never download it; the
// element adopts it when it first draws one.
export const debugStyles = css`
  [part~='debug'] {
    display: block;
    margin: 0.35em 0 0;
    padding: 0.5em 0.7em;
    white-space: pre-wrap;
    font:
      0.8em/1.4 ui-monospace,
      SFMono-Regular,
      Menlo,
      monospace;
    text-align: start;
    background: var(--_raised);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
  }
`;
