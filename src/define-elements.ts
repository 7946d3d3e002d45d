// Registers every element: the side effect of src/define.ts and src/cdn.ts.
import './components/status-badge/define.js';
import './components/status-banner/define.js';
import './components/status-incidents/define.js';
import './components/status-components/define.js';
import './components/status-uptime/define.js';
