// Renders every story the way Storybook does (its decorators, args, beforeEach and
// render function) with window.fetch answered by the same msw handlers the stories
// use in Storybook, so a broken story fails `npm test` without a Storybook server.
import { expect, fixture, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { getResponse } from 'msw';
import sinon from 'sinon';
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { feedHandlers } from '../../stories/handlers.js';
import {
  isInternal,
  publicManifest,
  type Declaration,
  type Manifest,
} from '../../stories/manifest.js';
import { initialGlobals, withGlobals, type WidgetArgs } from '../../stories/support.js';
import * as badgeStories from '../../stories/status-badge.stories.js';
import * as bannerStories from '../../stories/status-banner.stories.js';
import * as incidentsStories from '../../stories/status-incidents.stories.js';
import * as componentsStories from '../../stories/status-components.stories.js';
import * as uptimeStories from '../../stories/status-uptime.stories.js';
import * as playgroundStories from '../../stories/playground.stories.js';

type Story = StoryObj<WidgetArgs>;
type StoryModule = { default: Meta<WidgetArgs> } & Record<string, unknown>;

const MODULES = [
  badgeStories,
  bannerStories,
  incidentsStories,
  componentsStories,
  uptimeStories,
  playgroundStories,
];
const WIDGETS = 'status-badge, status-banner, status-incidents, status-components, status-uptime';

/** The named exports of a CSF module that are stories. */
function storiesOf(module: StoryModule): Array<[string, Story]> {
  return Object.entries(module).filter(
    (entry): entry is [string, Story] =>
      entry[0] !== 'default' && typeof entry[1] === 'object' && entry[1] !== null,
  );
}

/** window.fetch answered by the stories' msw handlers; anything else is a failed request. */
function serveStoryFeeds(): void {
  sinon.stub(window, 'fetch').callsFake(async (input, init) => {
    const request = new Request(input, init);
    const aborted = new Promise<never>((_, reject) =>
      request.signal.addEventListener('abort', () => reject(request.signal.reason)),
    );
    const response = await Promise.race([getResponse(feedHandlers, request), aborted]);
    if (!response) throw new TypeError(`No story handler answers ${request.url}`);
    return response;
  });
}

type Hook = (context: StoryContext) => unknown;

/** Renders one story as Storybook would and returns the frame it rendered into. */
async function renderStory(
  meta: Meta<WidgetArgs>,
  story: Story,
  globals: Record<string, string>,
): Promise<HTMLElement> {
  const args = { ...meta.args, ...story.args } as WidgetArgs;
  const context = {
    args,
    globals,
    parameters: { ...meta.parameters, ...story.parameters },
  } as unknown as StoryContext;
  for (const hook of [meta.beforeEach, story.beforeEach].flat()) {
    if (hook) await (hook as unknown as Hook)(context);
  }
  const render = (story.render ?? meta.render)!;
  const template = withGlobals(
    () => render(args, context as never) as TemplateResult,
    context as never,
  ) as TemplateResult;
  return fixture<HTMLElement>(template);
}

const PASSES: Array<[string, Record<string, string>]> = [
  ['default globals', initialGlobals],
  ['zh-CN, dark, right to left', { locale: 'zh-CN', theme: 'dark', dir: 'rtl' }],
];

describe('stories', () => {
  let warn: sinon.SinonStub;
  let error: sinon.SinonStub;
  const rejections: unknown[] = [];
  const onRejection = (event: PromiseRejectionEvent) => rejections.push(event.reason);

  beforeEach(() => {
    serveStoryFeeds();
    // Lit's dev-mode warnings and any console error count as a broken story.
    warn = sinon.stub(console, 'warn');
    error = sinon.stub(console, 'error');
    rejections.length = 0;
    window.addEventListener('unhandledrejection', onRejection);
  });

  afterEach(() => {
    window.removeEventListener('unhandledrejection', onRejection);
    sinon.restore();
  });

  for (const module of MODULES as StoryModule[]) {
    const meta = module.default;
    describe(meta.title!, () => {
      for (const [exportName, story] of storiesOf(module)) {
        for (const [pass, globals] of PASSES) {
          it(`${exportName} renders (${pass})`, async () => {
            const frame = await renderStory(meta, story, globals);
            const widgets = [...frame.querySelectorAll<HTMLElement>(WIDGETS)];
            const notes = [...frame.querySelectorAll('.story-unavailable')];
            expect(widgets.length + notes.length, 'the story rendered no element').to.be.above(0);
            expect(frame.getAttribute('lang')).to.equal(globals['locale']);
            expect(frame.getAttribute('dir')).to.equal(globals['dir']);

            // A note stands only for an element this build does not define.
            for (const note of notes) {
              const tag = note.querySelector('code')!.textContent!.replace(/[<>]/g, '');
              expect(customElements.get(tag), `<${tag}> is defined`).to.be.undefined;
            }

            const expected = story.parameters?.['feedState'] as string;
            for (const widget of widgets) {
              expect(widget.getAttribute('theme')).to.equal(globals['theme']);
              await waitUntil(
                () => widget.getAttribute('state') === expected,
                `<${widget.localName}> did not reach the state "${expected}" (it is "${widget.getAttribute('state')}")`,
              );
              await (widget as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
            }

            // A feed that fails is reported to developers on the console ("[status-widgets]",
            // naming its URL); any other warning (Lit's dev-mode ones included) is a broken story.
            const diagnostic = (args: unknown[]) =>
              String(args[0]).startsWith('[status-widgets]') &&
              widgets.some((widget) => args.join(' ').includes(widget.getAttribute('src')!));
            expect(
              warn.args.filter((args) => !diagnostic(args)),
              'console.warn was called',
            ).to.deep.equal([]);
            expect(error.args, 'console.error was called').to.deep.equal([]);
            expect(rejections, 'an unhandled rejection').to.deep.equal([]);
          });
        }
      }
    });
  }

  describe('the feed scenarios', () => {
    // Each scenario is a recording edited into one state: the badge must show that state.
    const cases: Array<[keyof typeof badgeStories, string]> = [
      ['Operational', 'operational'],
      ['Minor', 'minor'],
      ['Major', 'major'],
      ['Critical', 'critical'],
      ['EmptyHistory', 'operational'],
      ['Maintenance', 'maintenance'],
    ];
    for (const [name, indicator] of cases) {
      it(`${name} reaches the badge as "${indicator}"`, async () => {
        const story = badgeStories[name] as Story;
        const frame = await renderStory(badgeStories.default, story, initialGlobals);
        const badge = frame.querySelector('status-badge')!;
        await waitUntil(() => badge.getAttribute('state') === 'ready', 'the badge did not load');
        expect(badge.getAttribute('indicator')).to.equal(indicator);
      });
    }

    it('a URL no scenario knows is answered 404 with what to use instead', async () => {
      const response = await fetch('https://feeds.status.example/nope/x/feed.json');
      expect(response.status).to.equal(404);
      expect((await response.json()).error).to.contain('operational, minor');
    });
  });

  describe('Controls', () => {
    // The argTypes Storybook builds from the manifest the preview sets: as its
    // web-components renderer does (extractArgTypesFromElements), one per member that
    // is not a method, attribute, event (as onEvent), slot, custom property and part.
    const argTypeNames = (declaration: Declaration): string[] => {
      const names = (key: string) =>
        ((declaration[key] as { name: string; kind?: string }[] | undefined) ?? [])
          .filter((item) => item.kind !== 'method')
          .map((item) =>
            key === 'events'
              ? `on${item.name.replace(/(^|-)(\w)/g, (_whole, _dash, chr: string) => chr.toUpperCase())}`
              : item.name,
          );
      return ['members', 'attributes', 'events', 'slots', 'cssProperties', 'cssParts'].flatMap(
        names,
      );
    };
    const declarationOf = (manifest: Manifest, tag: string) =>
      manifest.modules
        .flatMap((item) => item.declarations ?? [])
        .find((item) => item.tagName === tag)!;

    let raw: Manifest;
    before(async () => {
      raw = await (await window.fetch('/custom-elements.json')).json();
    });

    for (const module of MODULES as StoryModule[]) {
      const meta = module.default;
      const tag = meta.component as string | undefined;
      if (!tag) continue;
      it(`${meta.title} lists no internal member in any story's argTypes`, () => {
        const internal = (declarationOf(raw, tag).members ?? [])
          .filter(isInternal)
          .map((member) => member.name);
        expect(internal, 'the manifest has internal members to hide').to.include.members([
          'version',
          'feed',
          'lang_',
        ]);
        expect(argTypeNames(declarationOf(raw, tag)), 'unfiltered, they would show').to.include(
          'lang_',
        );
        const extracted = argTypeNames(declarationOf(publicManifest(raw), tag));
        expect(extracted, 'the public attributes are listed').to.include.members(['src', 'locale']);
        for (const [name, story] of storiesOf(module)) {
          const names = [...extracted, ...Object.keys({ ...meta.argTypes, ...story.argTypes })];
          expect(
            names.filter((key) => internal.includes(key)),
            name,
          ).to.deep.equal([]);
        }
      });
    }
  });
});
