// Part of `npm test`: CHANGELOG.md has an entry for the version in package.json, and
// every pending changeset (.changeset/*.md) names this package with a release type,
// so `npx changeset version` can turn them into the next entry.
import { readdirSync, readFileSync } from 'node:fs';

const { name, version } = JSON.parse(readFileSync('package.json', 'utf8'));
const problems = [];
const changelog = readFileSync('CHANGELOG.md', 'utf8');
if (!changelog.split('\n').includes(`## ${version}`)) {
  problems.push(`CHANGELOG.md has no "## ${version}" entry for the version in package.json.`);
}
for (const file of readdirSync('.changeset').filter(
  (f) => f.endsWith('.md') && f !== 'README.md',
)) {
  const text = readFileSync(`.changeset/${file}`, 'utf8');
  const front = /^---\n([\s\S]*?)\n---\n+\S/.exec(text);
  const release = front?.[1].match(/^["']?([^"':]+)["']?:\s*(\w+)\s*$/m);
  if (!front || release?.[1] !== name || !['major', 'minor', 'patch'].includes(release[2])) {
    problems.push(
      `.changeset/${file} should start with "---", "${name}": patch|minor|major, "---" and then say what changed.`,
    );
  }
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`CHANGELOG.md has ${version}; the pending changesets are well formed.`);
