import { defineElement } from '../../internal/define.js';
import { StatusComponents } from './status-components.js';

defineElement('status-components', StatusComponents);

export { StatusComponents };
