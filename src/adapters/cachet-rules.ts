// What every page knows about the Cachet v1 API before its reader (./cachet.ts)
// loads: every list is `{ meta: { pagination }, data: [...] }` under `/api/v1/`.
import type { FormatRules } from './types.js';

export const cachetRules: FormatRules = {
  name: 'cachet',
  matchesUrl: (source) =>
    /\/api\/v1\/(components|incidents|schedules)(\/.*)?$/.test(source.pathname),
};
