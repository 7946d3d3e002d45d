// `status-widgets-server export`: the same documents as files, for any static host.
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { DOCUMENT_PATHS, renderDocuments } from './documents.js';
import { readDataFile, writeFileAtomic } from './store.js';

/** Writes every feed document under `outDir`; returns the paths written. */
export async function exportStatic(dataFile: string, outDir: string): Promise<string[]> {
  // Never creates the data file (a typo in --data must not produce an empty page),
  // and reads it even while a server runs on it.
  const data = await readDataFile(dataFile);
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
  return written;
}
