import { css } from 'lit';

export const styles = css`
  [part~='base'] {
    display: inline-flex;
    align-items: center;
    gap: 0.45em;
    padding: 0.25em 0.6em;
    border: 1px solid var(--_border);
    border-radius: var(--status-badge-radius, 999px);
    background: var(--_surface);
    color: var(--_text);
    font-size: var(--status-badge-font-size, 0.875rem);
    line-height: 1.4;
    text-decoration: none;
    white-space: nowrap;
  }
  a[part~='base']:hover [part~='label'] {
    text-decoration: underline;
  }
  a[part~='base']:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  [part~='indicator'] {
    display: inline-flex;
    flex: none;
    font-size: 1.05em;
    color: var(--_unknown);
  }
  :host([indicator='operational']) [part~='indicator'] {
    color: var(--_operational);
  }
  :host([indicator='minor']) [part~='indicator'] {
    color: var(--_minor);
  }
  :host([indicator='major']) [part~='indicator'] {
    color: var(--_major);
  }
  :host([indicator='critical']) [part~='indicator'] {
    color: var(--_critical);
  }
  :host([indicator='maintenance']) [part~='indicator'] {
    color: var(--_maintenance);
  }
  :host([state='loading']) [part~='indicator'] {
    opacity: 0.5;
  }
  :host([state='loading']) [part~='label'] {
    color: var(--_muted);
  }
  [part~='timestamp'] {
    color: var(--_muted);
    font-size: 0.85em;
  }
`;
