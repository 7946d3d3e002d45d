// First and last: let a server import this module (see server-stand-ins.ts).
import '../../internal/server-stand-ins.js';
import { defineElement } from '../../internal/define.js';
import { StatusComponents } from './status-components.js';
import '../../internal/server-stand-ins-end.js';

defineElement('status-components', StatusComponents);

export { StatusComponents };
