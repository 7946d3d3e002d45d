// English: the complete message table every other locale is checked against.
export const en = {
  'indicator.operational': 'All systems operational',
  'indicator.minor': 'Minor outage',
  'indicator.major': 'Major outage',
  'indicator.critical': 'Critical outage',
  'indicator.maintenance': 'Under maintenance',
  'indicator.unknown': 'Status unknown',
  'state.loading': 'Checking status…',
  'state.error': 'Status unavailable',
  'state.stale': 'Status as of {time}; the feed is not answering',
  'link.statusPage': 'View status page',
};

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
