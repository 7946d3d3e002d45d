// `npm run api`: the public surface of the package's entry points (`.`, `./adapters`,
// `./server`), read from dist/*.d.ts by API Extractor and compared with the reports
// kept in api/*.api.md. A change that was not announced fails `npm test`; announce it
// with `npm run api -- --update` (which rewrites the reports to commit) and a
// changeset (`npx changeset`) saying what changed for users.
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';

const update = process.argv.includes('--update');
const ENTRIES = ['index', 'adapters', 'server'];
const QUIET = new Set([
  'console-preamble',
  'console-api-report-not-copied',
  'console-api-report-copied',
]);
const changed = [];
for (const entry of ENTRIES) {
  const config = ExtractorConfig.loadFileAndPrepare(`api/${entry}.api-extractor.json`);
  const result = Extractor.invoke(config, {
    localBuild: update,
    // The project's own compiler, not the one API Extractor bundles.
    typescriptCompilerFolder: 'node_modules/typescript',
    showVerboseMessages: false,
    // Only what breaks the report is worth a line here.
    messageCallback: (message) => {
      if (QUIET.has(message.messageId)) {
        message.handled = true;
      }
    },
  });
  if (!result.succeeded || result.apiReportChanged) changed.push(`api/${entry}.api.md`);
}
if (changed.length && !update) {
  console.error(
    `The public API changed: dist/*.d.ts differ from ${changed.join(', ')}.\n` +
      'If the change is meant, run `npm run api -- --update`, commit the reports, and add a ' +
      'changeset (`npx changeset`) that tells users what changed.',
  );
  process.exit(1);
}
console.log(
  update
    ? `API reports written: ${ENTRIES.map((e) => `api/${e}.api.md`).join(', ')}`
    : 'The public API matches api/*.api.md.',
);
