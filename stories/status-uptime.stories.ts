import type { Meta } from '@storybook/web-components-vite';
import { html } from 'lit';
import { feedStory, renderUptime, sharedArgTypes, type WidgetArgs } from './support.js';

const tag = 'status-uptime';

/**
 * Per component, a strip of daily bars with the uptime over the days that have data.
 * Hover, focus or tap a day for its details; the arrow keys move across a strip.
 */
const meta: Meta<WidgetArgs> = {
  title: 'Elements/status-uptime',
  component: tag,
  tags: ['autodocs'],
  render: renderUptime,
  argTypes: {
    ...sharedArgTypes,
    days: { control: { type: 'number', min: 1, max: 365 }, description: 'Days per strip' },
    'time-zone': { control: 'text', description: 'IANA time zone of the days' },
  },
};
export default meta;

export const FullHistory = feedStory(tag, 'uptime-history');
export const PartialHistory = feedStory(tag, 'uptime-partial');
/** No recorded history: the days are derived from the incidents the feed lists. */
export const DerivedFromIncidents = feedStory(tag, 'several-incidents');
export const NoHistory = feedStory(tag, 'empty-history');
/** The dark scheme, pinned through the toolbar's theme (as a page's own color-scheme would). */
export const Dark = {
  ...feedStory(tag, 'uptime-history', { key: 'dark' }),
  globals: { theme: 'dark' },
};
export const SimplifiedChinese = feedStory(tag, 'uptime-partial', {
  key: 'zh-CN',
  args: { locale: 'zh-CN' },
});
/** In a right-to-left page time runs right to left: today is on the left. */
export const RightToLeft = {
  ...feedStory(tag, 'uptime-history', { key: 'rtl' }),
  render: (args: WidgetArgs, context: Parameters<typeof renderUptime>[1]) =>
    html`<div dir="rtl">${renderUptime(args, context)}</div>`,
};
/** A 375 px phone with a year of days: the strip scrolls, today in view. */
export const NarrowYear = {
  ...feedStory(tag, 'uptime-history', { key: 'narrow', args: { days: 365 } }),
  render: (args: WidgetArgs, context: Parameters<typeof renderUptime>[1]) =>
    html`<div style="width:375px">${renderUptime(args, context)}</div>`,
};
export const Filtered = feedStory(tag, 'uptime-history', {
  key: 'filtered',
  args: { components: 'checkout,cards', days: 30 },
});
export const StaleData = feedStory(tag, 'stale');
export const FailingFeedCustomerView = feedStory(tag, 'error');
export const Loading = feedStory(tag, 'loading');
