// Imported by every element test: a Lit dev-mode warning (an update scheduled
// after an update, a binding in the wrong place, …) fails the test that caused it.
import sinon from 'sinon';

// Its own sandbox, so a test's sinon.restore() does not take the stub away.
const sandbox = sinon.createSandbox();
let warn: sinon.SinonStub;

beforeEach(() => {
  warn = sandbox.stub(console, 'warn');
});

afterEach(() => {
  const calls = warn.getCalls().map((call) => call.args.join(' '));
  sandbox.restore();
  if (calls.length) throw new Error(`console.warn was called:\n${calls.join('\n')}`);
});
