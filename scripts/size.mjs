// `npm run size`: min, gzip and brotli sizes of the CDN bundle, each element's own
// entry and each lazily loaded chunk, in kB (1,000 bytes, as size-limit counts);
// then size-limit checks the limits in .size-limit.js.
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { elementEntries, lazyChunks, staticClosure, ALL_ELEMENTS } from './bundle-files.mjs';
import { budgetOf } from '../.size-limit.js';

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

const kb = (bytes) => `${(bytes / 1000).toFixed(2)} kB`;

function table(title, rows) {
  const width = Math.max(title.length, ...rows.map(([name]) => name.length));
  console.log(
    `\n${title.padEnd(width)}  ${'min'.padStart(9)}  ${'gzip'.padStart(9)}  ${'brotli'.padStart(9)}`,
  );
  for (const [name, { min, gzip, brotli }] of rows) {
    console.log(
      `${name.padEnd(width)}  ${kb(min).padStart(9)}  ${kb(gzip).padStart(9)}  ${kb(brotli).padStart(9)}`,
    );
  }
}

const entries = [ALL_ELEMENTS, ...elementEntries()];
table(
  'CDN entry (with the chunks it imports statically)',
  entries.map((entry) => [entry, sizes(staticClosure(entry))]),
);
table('Classic script (everything inlined)', [
  ['dist/cdn/status-widgets.global.js', sizes(['dist/cdn/status-widgets.global.js'])],
]);
// A reader for another format, or a language, with what it imports that the entry
// does not hold already.
const eager = new Set(staticClosure(ALL_ELEMENTS));
table(
  `Loaded on demand by ${ALL_ELEMENTS}`,
  lazyChunks(ALL_ELEMENTS).map((chunk) => [
    chunk,
    sizes(staticClosure(chunk).filter((file) => !eager.has(file))),
  ]),
);

const verdict = (gzip, limit) => {
  const over = gzip - limit * 1000;
  return over > 0 ? `over by ${kb(over)}` : `${kb(-over)} to spare`;
};
console.log('\nBudgets (min+gzip, DESIGN.md; size-limit enforces them next):');
for (const entry of entries) {
  const { gzip } = sizes(staticClosure(entry));
  const limit = budgetOf(entry);
  console.log(`  ${entry}: ${kb(gzip)} of ${limit} kB — ${verdict(gzip, limit)}`);
}
console.log('');
