// <status-components> on this page shows an Uptime Kuma status page served from
// another origin without CORS headers, through the reference server's relay mode.
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { executeServerCommand } from '@web/test-runner-commands';
import './helpers/lit-warnings.js';
import '../../src/components/status-components/define.js';
import type { StatusComponents } from '../../src/components/status-components/status-components.js';
import { parts, place, settled } from './helpers/feeds.js';

interface Urls {
  kuma: string;
  relay: string;
}

describe('relay', () => {
  let urls: Urls;
  before(async () => {
    urls = await executeServerCommand<Urls, undefined>('relay-start');
  });
  after(() => executeServerCommand('relay-stop'));

  it('the Uptime Kuma page cannot be read from here directly', async () => {
    let error: unknown;
    try {
      await fetch(`${urls.kuma}/api/status-page/main`);
    } catch (caught) {
      error = caught;
    }
    expect(error, 'a cross-origin read without CORS headers fails').to.be.instanceOf(TypeError);
  });

  it('<status-components> shows it through the relay', async () => {
    const el = place(
      html`<status-components src="${urls.relay}feed.json" locale="en"></status-components>`,
    ) as StatusComponents;
    await settled(el);
    expect(el.state).to.equal('ready');
    const names = parts(el, 'component').map((row) =>
      row.querySelector('[part~="name"]')!.textContent!.trim(),
    );
    expect(names).to.include.members(['Website', 'Checkout', 'Database', 'Mail relay']);
  });
});
