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
export const Minor = feedStory(tag, 'minor');
export const Major = feedStory(tag, 'major');
export const Critical = feedStory(tag, 'critical');
export const MaintenanceUpcoming = feedStory(tag, 'maintenance-upcoming');
export const MaintenanceInProgress = feedStory(tag, 'maintenance-in-progress');
export const SeveralIncidents = feedStory(tag, 'several-incidents');
export const LongTexts = feedStory(tag, 'long-texts');
export const StaleData = feedStory(tag, 'stale');
export const FeedError = feedStory(tag, 'error');
export const Loading = feedStory(tag, 'loading');
export const EmptyHistory = feedStory(tag, 'empty-history');
export const Filtered = feedStory(tag, 'major', {
  key: 'filtered',
  // One id, as a site would copy it from the feed (Git Operations).
  args: { components: '8l4ygp009s5s' },
});
