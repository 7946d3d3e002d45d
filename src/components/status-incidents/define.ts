// First: a server may import this module (see server-stand-ins.ts).
import '../../internal/server-stand-ins.js';
import { defineElement } from '../../internal/define.js';
import { StatusIncidents } from './status-incidents.js';

defineElement('status-incidents', StatusIncidents);

export { StatusIncidents };
