import { defineElement } from '../../internal/define.js';
import { StatusIncidents } from './status-incidents.js';

defineElement('status-incidents', StatusIncidents);

export { StatusIncidents };
