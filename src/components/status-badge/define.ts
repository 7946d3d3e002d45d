// First: a server may import this module (see server-stand-ins.ts).
import '../../internal/server-stand-ins.js';
import { defineElement } from '../../internal/define.js';
import { StatusBadge } from './status-badge.js';

defineElement('status-badge', StatusBadge);

export { StatusBadge };
