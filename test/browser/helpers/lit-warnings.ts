// Imported by every element test: a Lit dev-mode warning (an update scheduled
// after an update, a binding in the wrong place, …) fails the test that caused it.
// The widgets' own diagnostics ("[status-widgets] …", meant for the page's
// developer) are expected where a feed fails; tests read them with diagnostics().
import sinon from 'sinon';

// Its own sandbox, so a test's sinon.restore() does not take the stub away.
const sandbox = sinon.createSandbox();
let warn: sinon.SinonStub;

beforeEach(() => {
  warn = sandbox.stub(console, 'warn');
});

/**
 * The widgets' own console diagnostics written during this test, once written: their
 * code loads on the first failure, so the writing waits for it.
 */
export async function diagnostics(): Promise<string[]> {
  await import('../../../src/internal/diagnostics.js');
  // Every failure's `import(…).then(write)` has run by the next task.
  await new Promise((resolve) => setTimeout(resolve));
  return warn
    .getCalls()
    .map((call) => call.args.join(' '))
    .filter((text) => text.startsWith(OURS));
}

const OURS = '[status-widgets]';

afterEach(function () {
  const calls = warn
    .getCalls()
    .map((call) => call.args.join(' '))
    .filter((text) => !text.startsWith(OURS));
  sandbox.restore();
  if (calls.length) {
    const test = this.currentTest?.fullTitle();
    throw new Error(`console.warn was called in "${test}":\n${calls.join('\n')}`);
  }
});
