import type { Meta } from '@storybook/web-components-vite';
import {
  feedStory,
  renderBadge,
  severityComparison,
  sharedArgTypes,
  type WidgetArgs,
} from './support.js';

const tag = 'status-badge';

/**
 * The overall state of a feed as a dot and a word, linking to the status page. Every
 * story reads a sample page's native feed through the real reader and feed store.
 */
const meta: Meta<WidgetArgs> = {
  title: 'Elements/status-badge',
  component: tag,
  tags: ['autodocs'],
  render: renderBadge,
  argTypes: {
    ...sharedArgTypes,
    component: {
      control: 'text',
      description: 'One component (id or name) instead of the whole page',
    },
    compact: { control: 'boolean', description: 'Only the dot, with an accessible name' },
    target: { control: 'select', options: [undefined, '_self', '_blank'] },
  },
};
export default meta;

export const Operational = feedStory(tag, 'operational');
export const Minor = feedStory(tag, 'minor');
export const Major = feedStory(tag, 'major');
export const Critical = feedStory(tag, 'critical');
export const Maintenance = feedStory(tag, 'maintenance-in-progress');
export const SeveritiesSideBySide = severityComparison(tag, renderBadge, 'repeat(4, max-content)');
export const MaintenanceUpcoming = feedStory(tag, 'maintenance-upcoming');
export const SeveralIncidents = feedStory(tag, 'several-incidents');
export const LongTexts = feedStory(tag, 'long-texts');
export const StaleData = feedStory(tag, 'stale');
/** What a visitor sees when the feed fails on first load: a quiet, neutral badge. */
export const FailingFeedCustomerView = feedStory(tag, 'error');
/** The same failure with `debug`: the diagnostics a developer needs, inline. */
export const FailingFeedDebug = feedStory(tag, 'error', { key: 'debug', args: { debug: true } });
export const Loading = feedStory(tag, 'loading');
export const EmptyHistory = feedStory(tag, 'empty-history');
export const Compact = feedStory(tag, 'major', { key: 'compact', args: { compact: true } });
export const OneComponent = feedStory(tag, 'minor', {
  key: 'component',
  args: { component: 'Order emails' },
});
export const OpensInNewTab = feedStory(tag, 'operational', {
  key: 'new-tab',
  args: { target: '_blank', href: 'https://status.cartwheel.example' },
});
