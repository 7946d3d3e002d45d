// First and last: let a server import this module (see server-stand-ins.ts).
import '../../internal/server-stand-ins.js';
import { defineElement } from '../../internal/define.js';
import { StatusUptime } from './status-uptime.js';
import '../../internal/server-stand-ins-end.js';

defineElement('status-uptime', StatusUptime);

export { StatusUptime };
