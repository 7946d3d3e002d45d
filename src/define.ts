// Registers every element. Importing this module has side effects by design.
import './components/status-badge/define.js';
import './components/status-banner/define.js';
import './components/status-incidents/define.js';
import './components/status-components/define.js';
import './components/status-uptime/define.js';

export * from './index.js';
