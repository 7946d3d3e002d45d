import type { Meta } from '@storybook/web-components-vite';
import { feedStory, renderComponents, sharedArgTypes, type WidgetArgs } from './support.js';

const tag = 'status-components';

/** The feed's components with their status in words and colour, grouped. */
const meta: Meta<WidgetArgs> = {
  title: 'Elements/status-components',
  component: tag,
  tags: ['autodocs'],
  render: renderComponents,
  argTypes: sharedArgTypes,
};
export default meta;

export const Operational = feedStory(tag, 'operational');
export const Maintenance = feedStory(tag, 'maintenance-in-progress');
export const Minor = feedStory(tag, 'minor');
export const Major = feedStory(tag, 'major');
export const Critical = feedStory(tag, 'critical');
export const MaintenanceUpcoming = feedStory(tag, 'maintenance-upcoming');
export const MaintenanceInProgress = feedStory(tag, 'maintenance-in-progress');
export const SeveralIncidents = feedStory(tag, 'several-incidents');
export const LongTexts = feedStory(tag, 'long-texts');
export const StaleData = feedStory(tag, 'stale');
/** What a visitor sees when the feed fails on first load. */
export const FailingFeedCustomerView = feedStory(tag, 'error');
/** The same failure with `debug`: the diagnostics a developer needs, inline. */
export const FailingFeedDebug = feedStory(tag, 'error', { key: 'debug', args: { debug: true } });
export const Loading = feedStory(tag, 'loading');
export const EmptyHistory = feedStory(tag, 'empty-history');
export const Filtered = feedStory(tag, 'major', {
  key: 'filtered',
  // Ids, as a site would copy them from the feed: only the payment services.
  args: { components: 'checkout,cards,wallets' },
});
