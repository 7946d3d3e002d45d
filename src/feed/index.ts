export { FeedStore, getFeed, DEFAULT_INTERVAL, MIN_INTERVAL, REQUEST_TIMEOUT_MS } from './store.js';
export type {
  FeedState,
  FeedOptions,
  FeedListener,
  FeedTransport,
  FeedEnvironment,
} from './store.js';
