// Written by scripts/react-wrappers.mjs from src/components (`npm run build`): edit that script.
//
// React components for the elements. React 18 sets every prop as a string attribute
// and drops `on…` handlers on custom elements; these set properties (real booleans
// and numbers) and listen to the events, in React 18 and 19, also after hydration.
// Importing this module registers the elements in the browser (nothing on a server).
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import type { StatusChangeEvent, StatusErrorEvent } from '../internal/events.js';
import { StatusBadge as StatusBadgeElement } from '../components/status-badge/define.js';
import { StatusBanner as StatusBannerElement } from '../components/status-banner/define.js';
import { StatusComponents as StatusComponentsElement } from '../components/status-components/define.js';
import { StatusIncidents as StatusIncidentsElement } from '../components/status-incidents/define.js';
import { StatusUptime as StatusUptimeElement } from '../components/status-uptime/define.js';

const events = {
  /** A new snapshot arrived (`event.detail` is the snapshot). */
  onStatusChange: 'status-change' as EventName<StatusChangeEvent>,
  /** Loading the feed failed (`event.detail` is the error); the last good data stays. */
  onStatusError: 'status-error' as EventName<StatusErrorEvent>,
};

/** `<status-badge>` as a React component. */
export const StatusBadge = createComponent({
  react: React,
  tagName: 'status-badge',
  elementClass: StatusBadgeElement,
  events,
  displayName: 'StatusBadge',
});

/** `<status-banner>` as a React component. */
export const StatusBanner = createComponent({
  react: React,
  tagName: 'status-banner',
  elementClass: StatusBannerElement,
  events,
  displayName: 'StatusBanner',
});

/** `<status-components>` as a React component. */
export const StatusComponents = createComponent({
  react: React,
  tagName: 'status-components',
  elementClass: StatusComponentsElement,
  events,
  displayName: 'StatusComponents',
});

/** `<status-incidents>` as a React component. */
export const StatusIncidents = createComponent({
  react: React,
  tagName: 'status-incidents',
  elementClass: StatusIncidentsElement,
  events,
  displayName: 'StatusIncidents',
});

/** `<status-uptime>` as a React component. */
export const StatusUptime = createComponent({
  react: React,
  tagName: 'status-uptime',
  elementClass: StatusUptimeElement,
  events,
  displayName: 'StatusUptime',
});

export type { StatusChangeEvent, StatusErrorEvent } from '../internal/events.js';
export type { StatusSnapshot } from '../model/types.js';
