// Registers every element. Importing this module has side effects by design.
import './components/status-badge/define.js';

export * from './index.js';
