// `npm run size`: min, gzip and brotli sizes of the CDN bundle, each element's own
// entry and each lazily loaded chunk; size-limit then checks the budgets.
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { elementEntries, lazyChunks, staticClosure } from './bundle-files.mjs';

function sizes(files) {
  let min = 0;
  let gzip = 0;
  let brotli = 0;
  for (const file of files) {
    const code = readFileSync(file);
    min += code.length;
    gzip += gzipSync(code, { level: 9 }).length;
    brotli += brotliCompressSync(code, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length;
  }
  return { min, gzip, brotli };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;
const entries = ['dist/cdn/status-widgets.js', ...elementEntries()];
const rows = [
  ...entries.map((entry) => [`${entry} (+ static chunks)`, sizes(staticClosure(entry))]),
  [
    'dist/cdn/status-widgets.global.js (classic script)',
    sizes(['dist/cdn/status-widgets.global.js']),
  ],
  ...lazyChunks(entries).map((chunk) => [`${chunk} (lazy)`, sizes([chunk])]),
];

const width = Math.max(...rows.map(([name]) => name.length));
console.log(
  `${'file'.padEnd(width)}  ${'min'.padStart(9)}  ${'gzip'.padStart(9)}  ${'brotli'.padStart(9)}`,
);
for (const [name, { min, gzip, brotli }] of rows) {
  console.log(
    `${name.padEnd(width)}  ${kb(min).padStart(9)}  ${kb(gzip).padStart(9)}  ${kb(brotli).padStart(9)}`,
  );
}
