// What every page knows about our reference server's feed before its reader
// (./native.ts) loads: a snapshot with a numeric `version`. Its URL is anything
// (`/feed.json` by default), so only the body tells.
import type { FormatRules } from './types.js';

export const nativeRules: FormatRules = {
  name: 'native',
};
