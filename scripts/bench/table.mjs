// The one table `npm run bench` prints: every measurement adds its rows here, and
// anything that breaks a budget adds a problem (the run then exits with status 1).
import { availableParallelism, cpus, loadavg } from 'node:os';

const rows = [];
const problems = [];
const sections = [];

/** Adds a row; `cells` fills the columns requests, bytes, time and notes. */
export function row(measurement, name, cells = {}) {
  rows.push({ measurement, case: name, requests: '', bytes: '', time: '', notes: '', ...cells });
}

/** Something a budget or a contract does not allow: printed at the end, and the run fails. */
export function problem(words) {
  problems.push(words);
}

/** Lines printed after the table (a waterfall, say), under a heading of their own. */
export function section(title, lines) {
  sections.push([title, lines]);
}

export const rowCount = () => rows.length;

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
export const ms = (value) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
export const bytes = (value) => `${value.toLocaleString('en-US')} B`;
export const kib = (value) => `${(value / 1024).toFixed(1)} KiB`;
export const mib = (value) => `${(value / 1024 / 1024).toFixed(1)} MiB`;
export const ratio = (ours, theirs) => (theirs ? `${(ours / theirs).toFixed(2)}×` : '—');
export const signed = (value) => `${value >= 0 ? '+' : ''}${bytes(Math.round(value))}`;

/**
 * Prints the header line, the table in Markdown (paste it into docs/performance.md)
 * and the problems; returns true when there were none.
 */
export function printTable({ browserVersion, encodings, runs, stepMs, started }) {
  const columns = ['measurement', 'case', 'requests', 'bytes', 'time', 'notes'];
  const line = (cells) => `| ${cells.join(' | ')} |`;
  console.log(
    `\nstatus-widgets bench: Chromium ${browserVersion} headless, Node ${process.version}, ` +
      `${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ` +
      // Wall times grow with what else the machine runs meanwhile.
      `load average ${loadavg()[1].toFixed(1)} over the last 5 minutes, loopback, ` +
      `content-encoding ${[...encodings].join('/')}; times are medians of ${runs} cold page views ` +
      `measured from navigation start to the frame that paints the data (requestAnimationFrame).` +
      `\nFeed cost: Playwright's fake clock drives page timers and Date in ${stepMs / 1000} s steps ` +
      `(default interval 60 s ±10%), network in real time.\n`,
  );
  console.log(line(columns));
  console.log(line(columns.map(() => '---')));
  for (const cells of rows) {
    console.log(
      line(
        columns.map((key) =>
          // Markdown: tag names as code (else they read as HTML), pipes escaped.
          String(cells[key])
            .replaceAll('|', '\\|')
            .replace(/<[a-z-]+>/g, '`$&`'),
        ),
      ),
    );
  }
  for (const [title, lines] of sections) console.log(`\n${title}\n\n${lines.join('\n')}`);
  console.log(`\n${Math.round((performance.now() - started) / 1000)} s in all.`);
  if (problems.length) console.log(`\nProblems:\n- ${problems.join('\n- ')}`);
  return problems.length === 0;
}
