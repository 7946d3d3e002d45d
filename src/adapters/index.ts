export type { FeedAdapter } from './types.js';
export {
  getAdapter,
  registerAdapter,
  detectAdapter,
  resolveAdapter,
  adapterNames,
} from './registry.js';
export { createAutoAdapter, probeUrl, matchesBuiltInBody } from './auto.js';
export {
  statuspageAdapter,
  readStatuspageSummary,
  readStatuspageIncidents,
  statuspageSummaryUrl,
} from './statuspage.js';
export { nativeAdapter, readNativeFeed, NATIVE_VERSION } from './native.js';
export { FeedFormatError, FeedRequestError } from '../model/errors.js';
