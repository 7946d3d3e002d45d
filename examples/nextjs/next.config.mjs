/** A static export: the test serves out/ with the feed beside it. */
export default { output: 'export' };
