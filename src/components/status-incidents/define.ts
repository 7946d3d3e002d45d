// First and last: let a server import this module (see server-stand-ins.ts).
import '../../internal/server-stand-ins.js';
import { defineElement } from '../../internal/define.js';
import { StatusIncidents } from './status-incidents.js';
import '../../internal/server-stand-ins-end.js';

defineElement('status-incidents', StatusIncidents);

export { StatusIncidents };
