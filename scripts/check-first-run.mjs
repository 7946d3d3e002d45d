// Keeps a fresh clone's first run quiet. Reads a command's output on stdin, passes it
// through unchanged, and fails if it holds an npm warning (a peer-dependency conflict,
// an install script nobody approved, …) or a TypeScript diagnostic:
//
//   npm ci 2>&1 | node scripts/check-first-run.mjs
//   npm run build 2>&1 | node scripts/check-first-run.mjs
//
// (with `set -o pipefail`, so that the command's own failure counts too).
import { createInterface } from 'node:readline';

const FAULTS = [
  {
    name: 'npm warning',
    pattern: /^npm warn\b/i,
    fix: "`npm ls <package>` shows who asks for a peer; `npm install-scripts ls` lists install scripts that package.json's allowScripts neither approves nor denies",
  },
  {
    name: 'TypeScript diagnostic',
    pattern: /\bTS\d{4,5}:/,
    fix: 'fix the type error at the place it names',
  },
];

// eslint-disable-next-line no-control-regex -- colours are escape sequences.
const COLOURS = /\x1b\[[0-9;]*m/g;

const found = [];
for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  process.stdout.write(`${line}\n`);
  const plain = line.replace(COLOURS, '');
  const fault = FAULTS.find(({ pattern }) => pattern.test(plain));
  if (fault) found.push({ fault, line: plain });
}

if (found.length) {
  console.error('\ncheck-first-run: a fresh clone must install and build without these:');
  for (const fault of FAULTS) {
    const lines = found.filter((item) => item.fault === fault).map((item) => item.line);
    if (!lines.length) continue;
    console.error(`\n${lines.length} ${fault.name} line(s) (${fault.fix}):`);
    for (const line of lines) console.error(`  ${line}`);
  }
  process.exit(1);
}
