// First and last: let a server import this module (see server-stand-ins.ts). Then,
// before Lit, the notice for a CSP that refuses Lit's Trusted Types policy.
import '../../internal/server-stand-ins.js';
import '../../internal/trusted-types-notice.js';
import { defineElement } from '../../internal/define.js';
import { StatusUptime } from './status-uptime.js';
import '../../internal/server-stand-ins-end.js';

defineElement('status-uptime', StatusUptime);

export { StatusUptime };
