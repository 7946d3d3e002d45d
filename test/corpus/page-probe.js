/* global window, document, console, Request, customElements */
// Loaded first by the embedding test pages (test/browser/csp.test.ts), before the
// widget bundle: records what the page's code does that a widget must not —
// CSP and Trusted Types violations, errors, every fetch with its options, every
// custom element defined — on window.__probe for the test to read.
(() => {
  const probe = { violations: [], errors: [], consoleErrors: [], requests: [], defined: [] };
  window.__probe = probe;
  const consoleError = console.error.bind(console);
  console.error = (...args) => {
    probe.consoleErrors.push(args.map(String).join(' '));
    consoleError(...args);
  };
  document.addEventListener('securitypolicyviolation', (event) =>
    probe.violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`),
  );
  window.addEventListener('error', (event) => probe.errors.push(String(event.message)));
  window.addEventListener('unhandledrejection', (event) =>
    probe.errors.push(`unhandled rejection: ${String(event.reason)}`),
  );
  const fetch = window.fetch.bind(window);
  window.fetch = (input, init = {}) => {
    const request = new Request(input, init);
    probe.requests.push({
      url: request.url,
      method: request.method,
      credentials: request.credentials,
      mode: request.mode,
      headers: [...request.headers.keys()],
    });
    return fetch(input, init);
  };
  const define = customElements.define.bind(customElements);
  customElements.define = (name, constructor, options) => {
    probe.defined.push(name);
    return define(name, constructor, options);
  };
})();
