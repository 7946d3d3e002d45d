// Not public API: imported by each define entry after its element (see server-stand-ins.ts).
import { removeServerStandIns } from './server-stand-ins.js';

removeServerStandIns();
