// What every story shares: the toolbar globals, the frame they set, a guard for an
// element that is not registered, one template per element, and the story factory
// that points an element at a feed scenario.
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Decorator, Preview, StoryContext, StoryObj } from '@storybook/web-components-vite';
import {
  StatusBadge,
  StatusBanner,
  StatusComponents,
  StatusIncidents,
  StatusUptime,
  defineElement,
} from '../src/index.js';
import { getFeed, type FeedState } from '../src/feed/store.js';
import { feedUrl, type Scenario } from './handlers.js';

// Registered here rather than by importing src/define.ts for its side effects: a
// bundler that honours package.json "sideEffects" (Storybook's Vite build) drops
// side-effect-only imports of the source define modules.
defineElement('status-badge', StatusBadge);
defineElement('status-banner', StatusBanner);
defineElement('status-incidents', StatusIncidents);
defineElement('status-components', StatusComponents);
defineElement('status-uptime', StatusUptime);

export type Tag =
  'status-badge' | 'status-banner' | 'status-incidents' | 'status-components' | 'status-uptime';

/** Every attribute of the four elements, by attribute name. */
export interface WidgetArgs {
  src: string;
  adapter?: string;
  interval?: number;
  locale?: string;
  components?: string;
  href?: string;
  theme?: 'light' | 'dark';
  /** Developer diagnostics inline, for building a page. */
  debug?: boolean;
  // <status-badge>
  component?: string;
  compact?: boolean;
  target?: string;
  // <status-banner>
  'show-operational'?: boolean;
  'maintenance-notice'?: number;
  dismissible?: 'true' | 'false';
  position?: 'top' | 'bottom';
  'resolved-for'?: number;
  // <status-incidents> (days and time-zone: <status-uptime> too)
  limit?: number;
  days?: number;
  'show-maintenance'?: boolean;
  'time-zone'?: string;
}

export type WidgetStory = StoryObj<WidgetArgs>;
type Context = Pick<StoryContext, 'globals'>;

/** The locales the widgets ship, for the toolbar. */
export const LOCALES = [
  { value: 'en', title: 'English' },
  { value: 'zh-CN', title: '简体中文' },
  { value: 'es', title: 'Español' },
  { value: 'fr', title: 'Français' },
  { value: 'de', title: 'Deutsch' },
  { value: 'ja', title: '日本語' },
];

export const globalTypes: Preview['globalTypes'] = {
  locale: {
    description: 'Language of the widgets (the lang of the frame around them)',
    toolbar: { title: 'Locale', icon: 'globe', items: LOCALES, dynamicTitle: true },
  },
  theme: {
    description: 'Colour scheme (the theme attribute of every element)',
    toolbar: {
      title: 'Theme',
      icon: 'mirror',
      items: [
        { value: 'light', title: 'Light' },
        { value: 'dark', title: 'Dark' },
      ],
      dynamicTitle: true,
    },
  },
  dir: {
    description: 'Text direction of the page',
    toolbar: {
      title: 'Direction',
      icon: 'transfer',
      items: [
        { value: 'ltr', title: 'Left to right' },
        { value: 'rtl', title: 'Right to left' },
      ],
      dynamicTitle: true,
    },
  },
};

export const initialGlobals = { locale: 'en', theme: 'light', dir: 'ltr' };

/** Puts every story in a frame with the toolbar's language, direction and page colours. */
export const withGlobals: Decorator = (story, context) => {
  const { locale, dir, theme } = { ...initialGlobals, ...context.globals };
  const page =
    theme === 'dark' ? 'background:#010409;color:#e6edf3' : 'background:#fff;color:#1f2328';
  return html`<div
    class="story-frame"
    lang=${locale}
    dir=${dir}
    style="color-scheme:${theme};${page};padding:1rem;font-family:system-ui,sans-serif"
  >
    ${story()}
  </div>`;
};

const themeOf = (args: WidgetArgs, context: Context) =>
  args.theme ?? (context.globals['theme'] as WidgetArgs['theme']);

/**
 * The element's template, or a short note while the tag is not registered (an element
 * this build does not have yet), so one missing element never breaks other stories.
 */
export function whenDefined(tag: Tag, template: () => TemplateResult): TemplateResult {
  if (customElements.get(tag)) return template();
  return html`<p
    class="story-unavailable"
    role="note"
    style="margin:0;padding:0.75rem 1rem;border:1px dashed currentColor;border-radius:6px;opacity:0.8"
  >
    <code>&lt;${tag}&gt;</code> is not available in this build.
  </p>`;
}

export const renderBadge = (args: WidgetArgs, context: Context) =>
  whenDefined(
    'status-badge',
    () =>
      html`<status-badge
        src=${args.src}
        adapter=${ifDefined(args.adapter || undefined)}
        interval=${ifDefined(args.interval)}
        locale=${ifDefined(args.locale || undefined)}
        href=${ifDefined(args.href || undefined)}
        theme=${ifDefined(themeOf(args, context))}
        ?debug=${args.debug ?? false}
        component=${ifDefined(args.component || undefined)}
        target=${ifDefined(args.target || undefined)}
        ?compact=${args.compact ?? false}
      ></status-badge>`,
  );

export const renderBanner = (args: WidgetArgs, context: Context) =>
  whenDefined(
    'status-banner',
    () =>
      html`<status-banner
        src=${args.src}
        adapter=${ifDefined(args.adapter || undefined)}
        interval=${ifDefined(args.interval)}
        locale=${ifDefined(args.locale || undefined)}
        components=${ifDefined(args.components || undefined)}
        href=${ifDefined(args.href || undefined)}
        theme=${ifDefined(themeOf(args, context))}
        ?debug=${args.debug ?? false}
        maintenance-notice=${ifDefined(args['maintenance-notice'])}
        dismissible=${ifDefined(args.dismissible)}
        position=${ifDefined(args.position)}
        resolved-for=${ifDefined(args['resolved-for'])}
        ?show-operational=${args['show-operational'] ?? false}
      ></status-banner>`,
  );

export const renderIncidents = (args: WidgetArgs, context: Context) =>
  whenDefined(
    'status-incidents',
    () =>
      html`<status-incidents
        src=${args.src}
        adapter=${ifDefined(args.adapter || undefined)}
        interval=${ifDefined(args.interval)}
        locale=${ifDefined(args.locale || undefined)}
        components=${ifDefined(args.components || undefined)}
        href=${ifDefined(args.href || undefined)}
        theme=${ifDefined(themeOf(args, context))}
        ?debug=${args.debug ?? false}
        limit=${ifDefined(args.limit)}
        days=${ifDefined(args.days)}
        time-zone=${ifDefined(args['time-zone'] || undefined)}
        ?show-maintenance=${args['show-maintenance'] ?? false}
      ></status-incidents>`,
  );

export const renderComponents = (args: WidgetArgs, context: Context) =>
  whenDefined(
    'status-components',
    () =>
      html`<status-components
        src=${args.src}
        adapter=${ifDefined(args.adapter || undefined)}
        interval=${ifDefined(args.interval)}
        locale=${ifDefined(args.locale || undefined)}
        components=${ifDefined(args.components || undefined)}
        href=${ifDefined(args.href || undefined)}
        theme=${ifDefined(themeOf(args, context))}
        ?debug=${args.debug ?? false}
      ></status-components>`,
  );

export const renderUptime = (args: WidgetArgs, context: Context) =>
  whenDefined(
    'status-uptime',
    () =>
      html`<status-uptime
        src=${args.src}
        adapter=${ifDefined(args.adapter || undefined)}
        interval=${ifDefined(args.interval)}
        locale=${ifDefined(args.locale || undefined)}
        components=${ifDefined(args.components || undefined)}
        href=${ifDefined(args.href || undefined)}
        theme=${ifDefined(themeOf(args, context))}
        ?debug=${args.debug ?? false}
        days=${ifDefined(args.days)}
        time-zone=${ifDefined(args['time-zone'] || undefined)}
      ></status-uptime>`,
  );

/** The state the elements settle in for each scenario (the smoke test checks it). */
export function settledState(scenario: Scenario): FeedState {
  if (scenario === 'loading' || scenario === 'error' || scenario === 'stale') return scenario;
  return 'ready';
}

/** What each scenario shows, for the docs page under every story. */
const SCENARIO_NOTES: Record<Scenario, string> = {
  operational: 'Every component operational, with two incidents of earlier days as history.',
  minor: 'A minor incident: order emails arrive late; the next update is promised.',
  major:
    'A major incident: card payments failing at checkout for some customers, acknowledged 20 minutes ago and identified since.',
  critical: 'A critical incident: storefronts unavailable everywhere, just acknowledged.',
  'maintenance-upcoming': 'A maintenance starting in 3 hours and nothing else going on.',
  'maintenance-in-progress': 'A maintenance that started 25 minutes ago.',
  'several-incidents': 'A major, a minor and a monitored incident at once.',
  'long-texts':
    'A very long page name, incident title, update and component name: how the layout copes.',
  'overdue-update':
    'The last update, 35 minutes ago, promised the next within 20 minutes: that promise ran out 15 minutes ago.',
  resolved: 'The incident was resolved 8 minutes ago.',
  'resolved-postmortem':
    'The incident was resolved 20 minutes ago and its postmortem is published (the feed’s postmortemUrl).',
  stale: 'The feed answered once, then failed: the last good data stays on screen with its age.',
  error:
    'The feed answers HTTP 503 and there is no earlier data: what a visitor sees when the feed fails on first load.',
  loading:
    'The feed never answers. After the store’s 10-second timeout the widgets show the error state, as they would on a real page.',
  'empty-history': 'All operational, no incidents and no maintenances: the empty states.',
  'uptime-history':
    'Every component with a recorded daily history of the last 120 days: a few outages, a maintenance, the rest operational.',
  'uptime-partial':
    'A history recorded only for the last 45 days: the days before are drawn as no data, and the figure counts only the days with data.',
};

/**
 * Loads the story's feed once while it answers, then once more while it fails, so
 * the element starts from a snapshot whose refresh failed: the stale state.
 */
async function primeStale({ args }: { args: WidgetArgs }): Promise<void> {
  const store = getFeed({ src: args.src, adapter: args.adapter || undefined });
  if (!store.snapshot) await store.refresh();
  await store.refresh();
}

/**
 * A story showing `tag` reading the feed of `scenario`. `key` tells stories of the
 * same element and scenario apart, so each one gets a feed URL (and store) of its own.
 */
export function feedStory(
  tag: Tag,
  scenario: Scenario,
  options: { key?: string; args?: Partial<WidgetArgs> } = {},
): WidgetStory {
  const story = options.key ? `${tag}-${options.key}` : tag;
  return {
    args: { src: feedUrl(scenario, story), ...options.args },
    parameters: {
      feedState: settledState(scenario),
      docs: { description: { story: SCENARIO_NOTES[scenario] } },
    },
    beforeEach: scenario === 'stale' ? primeStale : undefined,
  };
}

/** Controls shared by every element's stories. */
export const sharedArgTypes = {
  src: { control: 'text', description: 'Feed or status page URL' },
  adapter: {
    control: 'text',
    description: 'Feed format (statuspage, native, …); detected when empty',
  },
  interval: { control: 'number', description: 'Seconds between polls' },
  locale: {
    control: 'select',
    options: ['', ...LOCALES.map((locale) => locale.value)],
    description: 'Language; empty follows the toolbar',
  },
  components: { control: 'text', description: 'Only these component ids or names' },
  href: { control: 'text', description: 'Status page link override' },
  theme: {
    control: 'select',
    options: [undefined, 'light', 'dark'],
    description: 'Colour scheme; empty follows the toolbar',
  },
  debug: { control: 'boolean', description: 'Show developer diagnostics inline' },
  // Reflected for the site's CSS: read, never set.
  state: { control: false },
} as const;

/** The severities side by side, one feed each: how they differ at a glance. */
export const SEVERITIES: Scenario[] = ['minor', 'major', 'critical', 'maintenance-in-progress'];

/** A story showing `render` once per severity, side by side. */
export function severityComparison(
  tag: Tag,
  render: (args: WidgetArgs, context: Context) => TemplateResult,
  columns: string,
): WidgetStory {
  return {
    args: { src: feedUrl('major', `${tag}-compare`) },
    parameters: {
      feedState: 'ready',
      docs: {
        description: {
          story:
            'Minor, major, critical and a maintenance, each from its own feed: each has its own word, icon shape and colour.',
        },
      },
    },
    render: (args, context) =>
      html`<div style="display:grid;grid-template-columns:${columns};gap:1rem;align-items:start">
        ${SEVERITIES.map((scenario) =>
          render({ ...args, src: feedUrl(scenario, `${tag}-compare`) }, context),
        )}
      </div>`,
  };
}
