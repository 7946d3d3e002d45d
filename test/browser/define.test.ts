import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { defineElement } from '../../src/internal/define.js';
import { StatusBadge, StatusBanner, StatusComponents, StatusIncidents } from '../../src/index.js';
import '../../src/define.js';

describe('defineElement', () => {
  afterEach(() => sinon.restore());

  it('registers all four elements from the define module', () => {
    expect(customElements.get('status-badge')).to.equal(StatusBadge);
    expect(customElements.get('status-banner')).to.equal(StatusBanner);
    expect(customElements.get('status-incidents')).to.equal(StatusIncidents);
    expect(customElements.get('status-components')).to.equal(StatusComponents);
  });

  it('does not throw or warn when the same version is loaded twice', async () => {
    const warn = sinon.stub(console, 'warn');
    expect(() => defineElement('status-badge', class extends StatusBadge {})).not.to.throw();
    expect(() => defineElement('status-banner', class extends StatusBanner {})).not.to.throw();
    // The per-element define modules, loaded after the bundle, are quiet too.
    await import('../../src/components/status-incidents/define.js');
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
