import type { Meta } from '@storybook/web-components-vite';
import {
  feedStory,
  renderIncidents,
  severityComparison,
  sharedArgTypes,
  type WidgetArgs,
} from './support.js';

const tag = 'status-incidents';

/** Active incidents first, then history and maintenances, each with its timeline of updates. */
const meta: Meta<WidgetArgs> = {
  title: 'Elements/status-incidents',
  component: tag,
  tags: ['autodocs'],
  render: renderIncidents,
  argTypes: {
    ...sharedArgTypes,
    limit: { control: 'number', description: 'At most this many incidents' },
    days: { control: 'number', description: 'History window in days' },
    'show-maintenance': { control: 'boolean', description: 'List maintenances too' },
    'time-zone': {
      control: 'text',
      description: 'IANA time zone for dates (default: the viewer’s)',
    },
  },
  args: { 'show-maintenance': true },
};
export default meta;

export const Major = feedStory(tag, 'major');
export const Operational = feedStory(tag, 'operational');
export const Minor = feedStory(tag, 'minor');
export const Critical = feedStory(tag, 'critical');
export const Maintenance = feedStory(tag, 'maintenance-in-progress');
export const SeveritiesSideBySide = severityComparison(tag, renderIncidents, 'repeat(2, 1fr)');
export const MaintenanceUpcoming = feedStory(tag, 'maintenance-upcoming');
export const SeveralIncidents = feedStory(tag, 'several-incidents');
export const LongTexts = feedStory(tag, 'long-texts');
export const Overdue = feedStory(tag, 'overdue-update');
export const Resolved = feedStory(tag, 'resolved');
export const ResolvedWithPostmortem = feedStory(tag, 'resolved-postmortem');
export const StaleData = feedStory(tag, 'stale');
/** What a visitor sees when the feed fails on first load: a short sentence and the status page. */
export const FailingFeedCustomerView = feedStory(tag, 'error');
/** The same failure with `debug`: the diagnostics a developer needs, inline. */
export const FailingFeedDebug = feedStory(tag, 'error', { key: 'debug', args: { debug: true } });
export const Loading = feedStory(tag, 'loading');
export const EmptyHistory = feedStory(tag, 'empty-history');
export const LimitOne = feedStory(tag, 'several-incidents', { key: 'limit', args: { limit: 1 } });
export const InTokyoTime = feedStory(tag, 'major', {
  key: 'tokyo',
  args: { 'time-zone': 'Asia/Tokyo' },
});
