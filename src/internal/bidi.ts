// Feed text may carry bidi controls (U+202E and friends). Wrapped in a first-strong
// isolate, a feed-supplied name can reorder only itself, never the words around it.
export const isolate = (text: string): string => `\u2068${text}\u2069`;
