// Static files (the demo page, the CDN bundle) from the same origin as the feeds.
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { sendDocument, strongEtag } from './http.js';

export interface StaticMount {
  /** URL prefix, e.g. "/" or "/dist/". */
  prefix: string;
  /** Folder on disk. */
  dir: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** "DIR" mounts at "/", "/dist=DIR" at "/dist/". */
export function parseMount(value: string): StaticMount {
  const at = value.indexOf('=');
  const prefix = at > 0 && value.startsWith('/') ? value.slice(0, at) : '/';
  const dir = at > 0 && value.startsWith('/') ? value.slice(at + 1) : value;
  return { prefix: prefix.endsWith('/') ? prefix : `${prefix}/`, dir: resolve(dir) };
}

/** Serves the file for this request if a mount has it; false when none does. */
export async function serveStatic(
  mounts: readonly StaticMount[],
  request: IncomingMessage,
  response: ServerResponse,
  pathname: string,
): Promise<boolean> {
  // Longest prefix first, so "/dist/" wins over "/".
  const sorted = [...mounts].sort((a, b) => b.prefix.length - a.prefix.length);
  for (const mount of sorted) {
    if (!pathname.startsWith(mount.prefix)) continue;
    let relative: string;
    try {
      relative = decodeURIComponent(pathname.slice(mount.prefix.length));
    } catch {
      return false;
    }
    let file = resolve(join(mount.dir, relative));
    // Never leave the mounted folder, whatever the path says.
    if (file !== mount.dir && !file.startsWith(mount.dir + sep)) continue;
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      sendDocument(
        request,
        response,
        {
          type: TYPES[extname(file)] ?? 'application/octet-stream',
          body,
          etag: strongEtag(body),
        },
        'no-cache',
      );
      return true;
    } catch {
      // Not in this mount; try the next one.
    }
  }
  return false;
}
