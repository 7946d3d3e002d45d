// Registration for the define modules, and public API: the package root exports
// defineElement, for a site's own tag names or registry (docs/usage.md).
import { VERSION } from './version.js';

const warned = new Set<string>();

/**
 * Registers `element` as `tag` in `registry` unless the tag is already taken. Sites
 * load scripts twice, so this never throws; it warns once when the tag belongs to
 * another version (or another library). Where there is no registry (a server
 * rendering a page), it does nothing.
 */
export function defineElement(
  tag: string,
  element: CustomElementConstructor,
  registry: CustomElementRegistry | undefined = globalThis.customElements,
): void {
  if (!registry) return;
  const existing = registry.get(tag) as
    (CustomElementConstructor & { version?: string }) | undefined;
  if (!existing) {
    registry.define(tag, element);
    return;
  }
  if (existing.version !== VERSION && !warned.has(tag)) {
    warned.add(tag);
    console.warn(
      `<${tag}> is already defined by status-widgets ${existing.version ?? '(another library)'}; version ${VERSION} was not registered. Load the script once.`,
    );
  }
}
