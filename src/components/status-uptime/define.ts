import { defineElement } from '../../internal/define.js';
import { StatusUptime } from './status-uptime.js';

defineElement('status-uptime', StatusUptime);

export { StatusUptime };
