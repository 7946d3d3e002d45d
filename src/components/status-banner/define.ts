import { defineElement } from '../../internal/define.js';
import { StatusBanner } from './status-banner.js';

defineElement('status-banner', StatusBanner);

export { StatusBanner };
