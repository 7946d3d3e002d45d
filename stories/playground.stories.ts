import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { FEED_ORIGIN, SCENARIOS, feedUrl } from './handlers.js';
import {
  renderBadge,
  renderBanner,
  renderComponents,
  renderIncidents,
  sharedArgTypes,
  type WidgetArgs,
} from './support.js';

/**
 * All four elements reading one feed. Type any feed URL and adapter: a status page
 * (`https://www.githubstatus.com`, needs the network and the page's CORS), the
 * reference server (`http://127.0.0.1:8787/feed.json` with adapter `native`), or one of
 * the sample page's states at `https://feeds.status.example/<scenario>/<anything>/feed.json`,
 * which the stories' mock service worker answers.
 */
const meta: Meta<WidgetArgs> = {
  title: 'Playground',
  tags: ['autodocs'],
  argTypes: {
    src: sharedArgTypes.src,
    adapter: sharedArgTypes.adapter,
    locale: sharedArgTypes.locale,
    theme: sharedArgTypes.theme,
  },
  parameters: {
    docs: {
      description: {
        component: `Type any feed URL and adapter. The sample page's states live at \`${FEED_ORIGIN}/<scenario>/<anything>/feed.json\`: ${SCENARIOS.map((s) => `\`${s}\``).join(', ')}.`,
      },
    },
  },
};
export default meta;

export const Playground: StoryObj<WidgetArgs> = {
  args: { src: feedUrl('major', 'playground'), adapter: 'native' },
  parameters: { feedState: 'ready' },
  render: (args, context) => html`
    <div style="display:grid;gap:1.5rem">
      <section>
        <h3 style="margin:0 0 0.5rem;font-size:0.9rem">&lt;status-badge&gt;</h3>
        ${renderBadge(args, context)}
      </section>
      <section>
        <h3 style="margin:0 0 0.5rem;font-size:0.9rem">&lt;status-banner&gt;</h3>
        ${renderBanner({ ...args, 'show-operational': true }, context)}
      </section>
      <section>
        <h3 style="margin:0 0 0.5rem;font-size:0.9rem">&lt;status-components&gt;</h3>
        ${renderComponents(args, context)}
      </section>
      <section>
        <h3 style="margin:0 0 0.5rem;font-size:0.9rem">&lt;status-incidents&gt;</h3>
        ${renderIncidents({ ...args, 'show-maintenance': true }, context)}
      </section>
    </div>
  `,
};
