import { html, type TemplateResult } from 'lit';
import { linkParts } from '../model/links.js';

/** Plain text with its http(s) addresses as links (see model/links.ts); never markup. */
export const linked = (text: string): Array<string | TemplateResult> =>
  linkParts(text).map((part) =>
    part.href ? html`<a href=${part.href} rel="noopener noreferrer">${part.text}</a>` : part.text,
  );
