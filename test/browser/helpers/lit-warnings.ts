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
  await written();
  return warn
    .getCalls()
    .map((call) => call.args.join(' '))
    .filter((text) => text.startsWith(OURS));
}

const OURS = '[status-widgets]';

/** Waits for the diagnoses of failures so far: each failure's `import(…).then(write)`. */
async function written(): Promise<void> {
  await import('../../../src/internal/diagnostics.js');
  // One task later every such `then` has run (a message, which fake timers do not hold).
  await new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = resolve;
    channel.port2.postMessage(null);
  });
}

afterEach(async function () {
  // A diagnosis written after the test's last look still goes to this stub, not the log.
  await written();
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
