// `status-widgets-server export`: the same documents as files, for any static host.
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { badgeFileNames, badgePage, renderBadge } from './badges.js';
import { emptyData, type ServerData } from './data.js';
import { DOCUMENT_PATHS, renderDocuments } from './documents.js';
import { StartError } from './errors.js';
import { Relay } from './relay/relay.js';
import { parseSourceSpec, type SourceSpec } from './relay/spec.js';
import type { UpstreamLimits } from './relay/upstream.js';
import { readDataFile, writeFileAtomic } from './store.js';

export interface ExportOptions {
  /** Sources to read once and publish with the data file's (or alone, without one). */
  sources?: readonly (string | SourceSpec)[];
  sourceLimits?: Partial<UpstreamLimits>;
}

/**
 * Writes every feed document under `outDir`; returns the paths written. `dataFile`
 * may be undefined when `options.sources` gives the page's content.
 */
export async function exportStatic(
  dataFile: string | undefined,
  outDir: string,
  options: ExportOptions = {},
): Promise<string[]> {
  const specs = (options.sources ?? []).map((source) =>
    typeof source === 'string' ? parseSourceSpec(source) : source,
  );
  // Never creates the data file (a typo in --data must not produce an empty page),
  // and reads it even while a server runs on it.
  const own: ServerData = dataFile ? await readDataFile(dataFile) : emptyData(new Date());
  let data = own;
  let relay: Relay | undefined;
  if (specs.length) {
    relay = new Relay(specs, { limits: options.sourceLimits });
    await relay.pollNow();
    relay.stop();
    // An export has no last data to keep: rather than publish a source as unknown
    // over a good earlier export, it writes nothing and says why.
    const failed = relay.sources.filter((source) => source.state !== 'ok');
    if (failed.length) {
      throw new StartError(
        `nothing was written (the files of the last export stay as they were): ${failed
          .map((source) => source.detail ?? source.problem)
          .join(' ')}`,
      );
    }
    data = relay.compose({ data: own, revision: 1 }, dataFile !== undefined).data;
  }
  const written: string[] = [];
  // No server, no event stream: the exported feed.json carries no events link.
  const documents = renderDocuments(data, undefined);
  for (const path of DOCUMENT_PATHS) {
    const document = documents.get(path)!;
    const file = join(resolve(outDir), ...path.split('/'));
    await mkdir(dirname(file), { recursive: true });
    await writeFileAtomic(file, document.body);
    written.push(file);
  }
  // Badges beside the feeds: the page's, each component's and each source's.
  const page = badgePage(data, relay, Date.now());
  const badges: [string, string][] = [['badge', '']];
  const ids = page.snapshot.components.map((component) => component.id);
  badgeFileNames(ids).forEach((name, index) =>
    badges.push([`badges/${name}`, `component=${encodeURIComponent(ids[index]!)}`]),
  );
  const keys = page.sources.map((source) => source.key);
  badgeFileNames(keys).forEach((name, index) =>
    badges.push([`badges/sources/${name}`, `source=${encodeURIComponent(keys[index]!)}`]),
  );
  for (const [name, query] of badges) {
    for (const format of ['svg', 'json'] as const) {
      const file = join(resolve(outDir), ...`${name}.${format}`.split('/'));
      await mkdir(dirname(file), { recursive: true });
      await writeFileAtomic(file, renderBadge(page, query, format).body);
      written.push(file);
    }
  }
  return written;
}
