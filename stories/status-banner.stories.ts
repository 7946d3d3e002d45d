import type { Meta } from '@storybook/web-components-vite';
import {
  feedStory,
  renderBanner,
  severityComparison,
  sharedArgTypes,
  type WidgetArgs,
} from './support.js';

const tag = 'status-banner';

/**
 * Nothing while all is well; otherwise the worst active incident or maintenance, its
 * latest update, its age and a link to the status page. As on a real site, a dismissed
 * banner is remembered in this browser's localStorage until the incident changes.
 */
const meta: Meta<WidgetArgs> = {
  title: 'Elements/status-banner',
  component: tag,
  tags: ['autodocs'],
  render: renderBanner,
  argTypes: {
    ...sharedArgTypes,
    'show-operational': { control: 'boolean', description: 'Show a line even when all is well' },
    'maintenance-notice': {
      control: 'number',
      description: 'Hours before a maintenance that the banner announces it',
    },
    dismissible: { control: 'select', options: [undefined, 'true', 'false'] },
    position: { control: 'select', options: [undefined, 'top', 'bottom'] },
    'resolved-for': {
      control: 'number',
      description: 'Minutes a resolved incident stays confirmed (default 30, 0 turns it off)',
    },
  },
};
export default meta;

// The first story opens the Docs page: the banner at work.
export const ActiveIncident = feedStory(tag, 'major', { key: 'active' });
export const Minor = feedStory(tag, 'minor');
export const Major = feedStory(tag, 'major');
export const Critical = feedStory(tag, 'critical');
export const Maintenance = feedStory(tag, 'maintenance-in-progress');
export const SeveritiesSideBySide = severityComparison(tag, renderBanner, '1fr');
export const Overdue = feedStory(tag, 'overdue-update');
export const Resolved = feedStory(tag, 'resolved', { args: { 'resolved-for': 30 } });
export const ResolvedWithPostmortem = feedStory(tag, 'resolved-postmortem', {
  args: { 'resolved-for': 30 },
});
export const MaintenanceUpcoming = feedStory(tag, 'maintenance-upcoming');
export const SeveralIncidents = feedStory(tag, 'several-incidents');
export const LongTexts = feedStory(tag, 'long-texts');
export const Operational = feedStory(tag, 'operational');
export const OperationalShown = feedStory(tag, 'operational', {
  key: 'shown',
  args: { 'show-operational': true },
});
export const StaleData = feedStory(tag, 'stale');
/** What a visitor sees when the feed fails on first load: no alarm the feed cannot back. */
export const FailingFeedCustomerView = feedStory(tag, 'error');
/** The same failure with `debug`: the diagnostics a developer needs, inline. */
export const FailingFeedDebug = feedStory(tag, 'error', { key: 'debug', args: { debug: true } });
export const Loading = feedStory(tag, 'loading');
export const EmptyHistory = feedStory(tag, 'empty-history');
export const NotDismissible = feedStory(tag, 'major', {
  key: 'not-dismissible',
  args: { dismissible: 'false' },
});
export const PinnedToTop = feedStory(tag, 'major', { key: 'top', args: { position: 'top' } });
