// Not public API: lets a server import the define entries. Lit's browser build, which
// a server runtime resolving the `browser` condition loads, needs `HTMLElement` and
// `document` while its modules evaluate. Where they are missing, plain stand-ins cover
// that moment: each define entry imports this module first and server-stand-ins-end.ts
// after its element, which removes them, so server code that checks for a DOM finds
// none. In a browser this does nothing.
const globals = globalThis as { HTMLElement?: unknown; document?: unknown };
const standIns: (keyof typeof globals)[] = [];

if (typeof globals.HTMLElement === 'undefined') {
  globals.HTMLElement = class {};
  standIns.push('HTMLElement');
}
if (typeof globals.document === 'undefined') {
  globals.document = { createTreeWalker: () => ({}) };
  standIns.push('document');
}

/** Removes the stand-ins once the element classes exist. */
export function removeServerStandIns(): void {
  for (const name of standIns.splice(0)) delete globals[name];
}
