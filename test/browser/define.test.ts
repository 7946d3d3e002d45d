// Registration as a site meets it: each test runs in a new document of its own
// (an iframe: its own custom element registry and module map), so that what a
// define module does on load is seen, not what an earlier import already did.
import { expect } from '@open-wc/testing';

const TAGS = ['status-badge', 'status-banner', 'status-incidents', 'status-components'];
const CLASSES = ['StatusBadge', 'StatusBanner', 'StatusIncidents', 'StatusComponents'];

type Module = Record<string, unknown>;
type Page = Window & {
  console: Console;
  customElements: CustomElementRegistry;
  __warnings: string[];
  __settle?: Record<string, [(value: unknown) => void, (error: unknown) => void]>;
};

let frames: HTMLIFrameElement[] = [];
let runs = 0;

/** A blank document of this origin, recording the registration warnings it prints. */
function newPage(): Page {
  const frame = document.createElement('iframe');
  document.body.append(frame);
  frames.push(frame);
  const page = frame.contentWindow as Page;
  page.__warnings = [];
  const warn = page.console.warn.bind(page.console);
  page.console.warn = (...args: unknown[]) => {
    // Lit's own dev-mode notice is not about registration.
    if (String(args[0]).includes('already defined')) page.__warnings.push(String(args[0]));
    else warn(...args);
  };
  return page;
}

/** Runs `code` as a module script of the page (its realm, its registry); resolves to its result. */
function run(page: Page, code: string): Promise<unknown> {
  const id = `run${(runs += 1)}`;
  return new Promise((resolve, reject) => {
    page.__settle = { ...page.__settle, [id]: [resolve, reject] };
    const script = page.document.createElement('script');
    script.type = 'module';
    script.textContent = `const [resolve, reject] = window.__settle.${id};
      (async () => { ${code} })().then(resolve, reject);`;
    page.document.head.append(script);
  });
}

/** The tags the page has registered (to the classes `module` exports, when given). */
function registered(page: Page, module?: Module): string[] {
  return TAGS.filter((tag, index) => {
    const element = page.customElements.get(tag);
    return element !== undefined && (!module || element === module[CLASSES[index]!]);
  });
}

/** Imports a module into the page, as a site's script tag would load it. */
function load(page: Page, path: string): Promise<Module> {
  const url = new URL(path, import.meta.url).href;
  return run(page, `return import(${JSON.stringify(url)});`) as Promise<Module>;
}

describe('defineElement', () => {
  afterEach(() => {
    frames.forEach((frame) => frame.remove());
    frames = [];
  });

  it('registers all four elements from the define module, and nothing on importing the classes', async () => {
    const page = newPage();
    await load(page, '../../src/index.ts');
    expect(registered(page)).to.deep.equal([]);

    const module = await load(page, '../../src/define.ts');
    expect(registered(page, module)).to.deep.equal(TAGS);
    expect(page.__warnings).to.deep.equal([]);
  });

  // The CDN files, since each holds its own copy of the classes (the source modules
  // would be one copy, shared): the registrations a site's second script tag makes.
  it("registers only its own tag from one element's file, and the full bundle after it quietly", async () => {
    const page = newPage();
    const incidents = await load(page, '../../dist/cdn/status-incidents.js');
    expect(registered(page, incidents)).to.deep.equal(['status-incidents']);

    const all = await load(page, '../../dist/cdn/status-widgets.js');
    expect(all['StatusIncidents'] !== incidents['StatusIncidents'], 'a copy of its own').to.be.true;
    expect(registered(page, incidents)).to.deep.equal(['status-incidents']);
    expect(registered(page, all)).to.deep.equal(TAGS.filter((tag) => tag !== 'status-incidents'));
    expect(page.__warnings).to.deep.equal([]);
  });

  it('does not throw or warn when the same version is loaded twice (two copies of the CDN bundle)', async () => {
    const page = newPage();
    const first = await load(page, '../../dist/cdn/status-widgets.js');
    // Another copy of every class, as when a site includes the script twice.
    const second = await load(page, '../../dist/cdn/status-widgets.js?twice');
    await load(page, '../../dist/cdn/status-badge.js');
    expect(second['StatusBadge'] !== first['StatusBadge'], 'a copy of its own').to.be.true;
    expect(registered(page, first)).to.deep.equal(TAGS);
    expect(page.__warnings).to.deep.equal([]);
  });

  it('warns once, naming both versions, when another version holds the tag', async () => {
    const page = newPage();
    await run(
      page,
      `customElements.define('status-badge', class extends HTMLElement { static version = '0.0.1'; });`,
    );
    const module = await load(page, '../../src/define.ts');
    expect(page.__warnings).to.have.length(1);
    expect(page.__warnings[0]).to.contain('<status-badge>').and.to.contain('0.0.1');
    expect(page.__warnings[0]).to.contain(String(module['VERSION']));
    // The other tags are registered all the same.
    expect(registered(page, module)).to.deep.equal(TAGS.slice(1));

    const defineElement = module['defineElement'] as (tag: string, element: unknown) => void;
    defineElement('status-badge', module['StatusBadge']);
    expect(page.__warnings).to.have.length(1);
  });
});
