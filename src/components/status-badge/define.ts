import { defineElement } from '../../internal/define.js';
import { StatusBadge } from './status-badge.js';

defineElement('status-badge', StatusBadge);

export { StatusBadge };
