// Imported first by every define module, before Lit. A page whose CSP names the
// Trusted Types policies it allows must name Lit's ("lit-html"): without it Lit
// cannot load, so no element is defined, and the browser's own report does not say
// which script needs what. This says it once, in words the site's developer can act on.
// (On a server, the stand-in document has no events: nothing to listen to.)
globalThis.document?.addEventListener?.('securitypolicyviolation', (event) => {
  if (event.violatedDirective === 'trusted-types' && event.sample === 'lit-html') {
    console.error(
      "[status-widgets] The page's CSP refuses lit-html: add it to trusted-types ('allow-duplicates' too if the site uses Lit).",
    );
  }
});
