// Reading a component's daily history from a feed: every day is checked, so a bad
// or hostile list can neither break a page nor claim more than it holds.
import { HISTORY_DAYS } from './days.js';
import { COMPONENT_STATUSES, type ComponentDay, type StatusMinutes } from './types.js';

export { HISTORY_DAYS };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// A day lasts 25 hours when the clocks go back.
const MINUTES_IN_LONGEST_DAY = 25 * 60;

/** True for a real calendar day written `YYYY-MM-DD`. */
export function isCalendarDate(value: unknown): value is string {
  const match = typeof value === 'string' ? DATE.exec(value) : null;
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function readMinutes(value: unknown): StatusMinutes | undefined {
  if (!isObject(value)) return undefined;
  const minutes: StatusMinutes = {};
  for (const status of COMPONENT_STATUSES) {
    const spent = value[status];
    if (status !== 'operational' && typeof spent === 'number' && spent > 0)
      minutes[status] = Math.min(spent, MINUTES_IN_LONGEST_DAY);
  }
  return Object.keys(minutes).length ? minutes : undefined;
}

function readDay(item: unknown): ComponentDay | string {
  if (!isObject(item)) return 'it is not an object';
  if (!isCalendarDate(item['date']))
    return `its date ${JSON.stringify(item['date'])} is not YYYY-MM-DD`;
  const uptime = item['uptime'];
  if (uptime !== undefined && !(typeof uptime === 'number' && uptime >= 0 && uptime <= 100))
    return `its uptime ${JSON.stringify(uptime)} is not a number from 0 to 100`;
  const worst = COMPONENT_STATUSES.find((status) => status === item['worst']);
  const downtime = readMinutes(item['downtime']);
  if (uptime === undefined && !worst && !downtime) return 'it has no uptime, worst or downtime';
  const day: ComponentDay = { date: item['date'] };
  if (uptime !== undefined) day.uptime = uptime;
  if (worst) day.worst = worst;
  if (downtime) day.downtime = downtime;
  return day;
}

/**
 * A component's `history` as a feed sends it: days oldest first, one entry per date
 * (the last one given wins), the newest 365 kept. A day that cannot be read is
 * dropped and reported through `warn`; a day with no entry stays "no data".
 */
export function readComponentHistory(
  value: unknown,
  warn: (message: string) => void = () => {},
): ComponentDay[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const days = new Map<string, ComponentDay>();
  // Only the newest year can be kept; reading more would let a hostile list cost time.
  const from = Math.max(0, value.length - 4 * HISTORY_DAYS);
  value.slice(from).forEach((item, index) => {
    const day = readDay(item);
    if (typeof day === 'string') warn(`Dropped history day #${from + index + 1}: ${day}.`);
    else days.set(day.date, day);
  });
  const sorted = [...days.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
  return sorted.length ? sorted.slice(-HISTORY_DAYS) : undefined;
}
