// Classes and types only: importing this module registers nothing.
export { StatusBadge } from './components/status-badge/status-badge.js';
export { StatusBanner } from './components/status-banner/status-banner.js';
export { StatusIncidents } from './components/status-incidents/status-incidents.js';
export { StatusComponents } from './components/status-components/status-components.js';
export { StatusUptime } from './components/status-uptime/status-uptime.js';
export * from './model/index.js';
export { getAdapter, registerAdapter, detectAdapter, adapterNames } from './adapters/registry.js';
export type { FeedAdapter, LoadOptions } from './adapters/types.js';
export { getFeed, FeedStore } from './feed/store.js';
export type { FeedState, FeedOptions, FeedListener } from './feed/store.js';
export { FeedController } from './controllers/feed-controller.js';
export { setMessages, msg, matchLocale, loadLocale, supportedLocales } from './i18n/index.js';
export type { Messages, MessageKey } from './i18n/index.js';
export { StatusChangeEvent, StatusErrorEvent } from './internal/events.js';
export { defineElement } from './internal/define.js';
export { VERSION } from './internal/version.js';
