// Internal helpers shared by the elements. Not public API: may change in any release.
export { defineElement } from './define.js';
export { VERSION } from './version.js';
