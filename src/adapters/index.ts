export type { FeedAdapter } from './types.js';
export {
  getAdapter,
  registerAdapter,
  detectAdapter,
  resolveAdapter,
  adapterNames,
} from './registry.js';
export { statuspageAdapter, readStatuspageSummary, statuspageSummaryUrl } from './statuspage.js';
export { FeedFormatError, FeedRequestError } from '../model/errors.js';
