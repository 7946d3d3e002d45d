import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { defineElement } from '../../src/internal/define.js';
import { StatusBadge } from '../../src/components/status-badge/status-badge.js';
import '../../src/define.js';

describe('defineElement', () => {
  afterEach(() => sinon.restore());

  it('does not throw or warn when the same version is loaded twice', () => {
    const warn = sinon.stub(console, 'warn');
    expect(() => defineElement('status-badge', class extends StatusBadge {})).not.to.throw();
    expect(customElements.get('status-badge')).to.equal(StatusBadge);
    expect(warn.called).to.be.false;
  });

  it('warns once when another version holds the tag', () => {
    const warn = sinon.stub(console, 'warn');
    class Other extends HTMLElement {
      static version = '0.0.1';
    }
    customElements.define('status-test-other', Other);
    defineElement('status-test-other', class extends HTMLElement {});
    defineElement('status-test-other', class extends HTMLElement {});
    expect(warn.callCount).to.equal(1);
    expect(String(warn.firstCall.args[0])).to.contain('0.0.1');
  });
});
