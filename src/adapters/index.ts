export type { FeedAdapter, LoadOptions } from './types.js';
export {
  getAdapter,
  registerAdapter,
  detectAdapter,
  resolveAdapter,
  adapterNames,
} from './registry.js';
export { matchesBuiltInBody } from './body-rules.js';
export { createAutoAdapter, probeUrl } from './auto.js';
export { statuspageAdapter, readStatuspageSummary, readStatuspageIncidents } from './statuspage.js';
export { statuspageSummaryUrl } from './statuspage-rules.js';
export { nativeAdapter, readNativeFeed, NATIVE_VERSION } from './native.js';
export { FeedFormatError, FeedRequestError } from '../model/errors.js';
