import { css } from 'lit';

export const styles = css`
  [part~='base'] {
    display: inline-flex;
    align-items: center;
    gap: 0.45em;
    padding: 0.25em 0.6em;
    border: 1px solid var(--_border);
    /* Corner radius of the badge */
    border-radius: var(--status-badge-radius, 999px);
    background: var(--_surface);
    color: var(--_text);
    /* Font size of the badge */
    font-size: var(--status-badge-font-size, 0.875rem);
    line-height: 1.4;
    text-decoration: none;
    white-space: nowrap;
  }
  :host([compact]) [part~='base'] {
    padding: 0.3em;
  }
  a[part~='base']:hover [part~='label'] {
    text-decoration: underline;
  }
  [part~='indicator'] {
    font-size: 1.05em;
  }
  :host([state='loading']) [part~='indicator'],
  :host([state='error']) [part~='indicator'] {
    opacity: 0.5;
  }
  :host([state='loading']) [part~='label'],
  .muted,
  [part~='timestamp'] {
    color: var(--_muted);
  }
  [part~='timestamp'] {
    font-size: 0.85em;
  }
`;
