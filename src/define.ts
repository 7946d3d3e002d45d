// Registers every element. Importing this module has side effects by design.
import './define-elements.js';

export * from './index.js';
