// Size budgets (../DESIGN.md): every byte ships to every visitor of every site.
// Each entry counts the file and the chunks it imports statically.
import { elementEntries, staticClosure } from './scripts/bundle-files.mjs';

const budget = (name, entry, limit) => ({ name, path: staticClosure(entry), limit, gzip: true });

export default [
  budget(
    'All elements, Lit inside (dist/cdn/status-widgets.js)',
    'dist/cdn/status-widgets.js',
    '14 kB',
  ),
  budget('Badge alone, Lit inside (dist/cdn/status-badge.js)', 'dist/cdn/status-badge.js', '9 kB'),
  ...elementEntries()
    .filter((file) => !file.endsWith('status-badge.js'))
    .map((file) => budget(`${file.slice('dist/cdn/'.length)} alone`, file, '14 kB')),
];
