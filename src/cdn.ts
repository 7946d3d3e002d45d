// The CDN module (dist/cdn/status-widgets.js): registers every element and exports
// what a page that loads it may call: adapters, languages, the shared feed store.
// The model's helpers (plainText, incidentUrl, …) come with the npm package: every
// export here ships to every visitor.
import './define-elements.js';

export { StatusBadge } from './components/status-badge/status-badge.js';
export { StatusBanner } from './components/status-banner/status-banner.js';
export { StatusIncidents } from './components/status-incidents/status-incidents.js';
export { StatusComponents } from './components/status-components/status-components.js';
export { StatusUptime } from './components/status-uptime/status-uptime.js';
export { getAdapter, registerAdapter, adapterNames } from './adapters/registry.js';
export { FeedFormatError, FeedRequestError } from './model/errors.js';
export { getFeed } from './feed/store.js';
export { setMessages, loadLocale } from './i18n/index.js';
export { StatusChangeEvent, StatusErrorEvent } from './internal/events.js';
export { defineElement } from './internal/define.js';
export { VERSION } from './internal/version.js';
