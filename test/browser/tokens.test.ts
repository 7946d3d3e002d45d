// Every element's documented custom properties (the manifest's cssProperties, which
// Storybook and editors show) are exactly the tokens its stylesheets read at run time.
import { expect } from '@open-wc/testing';
import type { CSSResult, LitElement } from 'lit';
import '../../src/define.js';
import { debugStyles } from '../../src/internal/debug-styles.js';

interface Manifest {
  modules: { declarations?: { tagName?: string; cssProperties?: { name: string }[] }[] }[];
}

/** The public tokens an element's styles read, found in the CSS the browser applies. */
function tokensRead(tag: string): Set<string> {
  const element = customElements.get(tag) as unknown as typeof LitElement;
  // With the inline diagnosis's, which an element adopts when it draws one.
  const css = [...element.elementStyles, debugStyles]
    .map((style) => (style as CSSResult).cssText ?? '')
    .join('\n');
  // Each private --_x is read from one public --status-y (with its default).
  const publicOf = new Map(
    [...css.matchAll(/(--_[\w-]+)\s*:\s*var\(\s*(--status-[\w-]+)/g)].map((m) => [m[1], m[2]]),
  );
  // What the rules read, leaving out the definitions themselves.
  const rules = css.replace(/--_[\w-]+\s*:\s*var\([^;]*;/g, '');
  const read = new Set<string>();
  for (const [, token] of rules.matchAll(/var\(\s*(--[\w-]+)/g)) {
    const name = token.startsWith('--status-') ? token : publicOf.get(token);
    if (name) read.add(name);
  }
  return read;
}

describe('design tokens', () => {
  it('each element documents exactly the tokens it reads', async () => {
    const manifest = (await (await fetch('/custom-elements.json')).json()) as Manifest;
    const declarations = manifest.modules.flatMap((m) => m.declarations ?? []);
    const tags = declarations.flatMap((d) => d.tagName ?? []);
    expect(tags).to.include.members([
      'status-badge',
      'status-banner',
      'status-incidents',
      'status-components',
    ]);
    for (const declaration of declarations) {
      if (!declaration.tagName) continue;
      const documented = (declaration.cssProperties ?? []).map((p) => p.name).sort();
      expect(documented, declaration.tagName).to.deep.equal(
        [...tokensRead(declaration.tagName)].sort(),
      );
    }
  });

  it('the badge reads no token it never draws (the overdue warning is the boxes’)', () => {
    expect(tokensRead('status-badge').has('--status-color-overdue')).to.be.false;
    expect(tokensRead('status-banner').has('--status-color-overdue')).to.be.true;
  });
});
