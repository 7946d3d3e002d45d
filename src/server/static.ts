// Static files (the demo page, the CDN bundle) from the same origin as the feeds.
// Each mount's folder is resolved once; every file's real path (symlinks followed)
// must lie inside it; dotfiles (.env, .git/) are never served, by the URL's names or
// the real path's; files are streamed,
// up to a size bound, with a validator from their size and modification time.
import { open, realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, relative, resolve, sep } from 'node:path';
import { RequestError, StartError } from './errors.js';
import { CORS, notModified } from './http.js';

export interface StaticMount {
  /** URL prefix, e.g. "/" or "/dist/". */
  prefix: string;
  /** Folder on disk (relative to the working directory, or absolute). */
  dir: string;
}

/** Larger files are refused: the server is not a file host (put a CDN in front). */
export const MAX_STATIC_BYTES = 64 * 1024 * 1024;

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

interface ResolvedMount {
  prefix: string;
  /** The folder's real path, without a trailing separator. */
  root: string;
}

/**
 * True when `path` is `root` or inside it, and no folder or file on the way from the
 * root is a dotfile: a symlink (`env.txt -> .env`, `repo -> .git`) leads to the real
 * path, so the real path's names are checked, not only the URL's.
 */
function inside(root: string, path: string): boolean {
  if (path === root) return true;
  if (!path.startsWith(root.endsWith(sep) ? root : root + sep)) return false;
  return !relative(root, path)
    .split(sep)
    .some((part) => part.startsWith('.'));
}

export class StaticFiles {
  private constructor(private readonly mounts: readonly ResolvedMount[]) {}

  /** Resolves every mount's folder once; a folder that does not exist is an error. */
  static async create(mounts: readonly (string | StaticMount)[]): Promise<StaticFiles> {
    const resolved = await Promise.all(
      mounts.map(async (mount) => {
        const { prefix, dir } = typeof mount === 'string' ? parseMount(mount) : mount;
        let root: string;
        try {
          root = await realpath(resolve(dir));
          if (!(await stat(root)).isDirectory()) throw new Error('not a folder');
        } catch {
          throw new StartError(`The static folder ${dir} does not exist or is not a folder.`);
        }
        const normalized = `/${prefix.replace(/^\/+/, '')}`;
        return { prefix: normalized.endsWith('/') ? normalized : `${normalized}/`, root };
      }),
    );
    // Longest prefix first, so "/dist/" wins over "/".
    return new StaticFiles(resolved.sort((a, b) => b.prefix.length - a.prefix.length));
  }

  /** Serves the file for this request if a mount has it; false when none does. */
  async serve(request: IncomingMessage, response: ServerResponse, pathname: string) {
    for (const mount of this.mounts) {
      if (!pathname.startsWith(mount.prefix)) continue;
      const file = await this.find(mount, pathname.slice(mount.prefix.length));
      if (file) return this.send(request, response, file);
    }
    return false;
  }

  /** The real path of the file a URL path names in `mount`, or undefined. */
  private async find(mount: ResolvedMount, rest: string): Promise<string | undefined> {
    let segments: string[];
    try {
      segments = decodeURIComponent(rest).split('/');
    } catch {
      return undefined;
    }
    // No dotfiles or dot-folders (.env, .git/config), no "..", no tricks with separators.
    if (segments.some((part) => part.startsWith('.') || /[\\\0]/.test(part))) return undefined;
    try {
      let real = await realpath(join(mount.root, ...segments));
      if (!inside(mount.root, real)) return undefined;
      if ((await stat(real)).isDirectory()) {
        real = await realpath(join(real, 'index.html'));
        if (!inside(mount.root, real)) return undefined;
      }
      return real;
    } catch {
      return undefined;
    }
  }

  private async send(request: IncomingMessage, response: ServerResponse, file: string) {
    const handle = await open(file, 'r').catch(() => undefined);
    if (!handle) return false;
    let streaming = false;
    try {
      const info = await handle.stat();
      if (!info.isFile()) return false;
      if (info.size > MAX_STATIC_BYTES) {
        throw new RequestError(
          403,
          'too_large',
          `The file is larger than ${MAX_STATIC_BYTES / 1024 / 1024} MB; serve large files from a web server or CDN.`,
        );
      }
      // Cheap and enough: a file that changes gets a new size or modification time.
      const etag = `W/"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}"`;
      const headers = { ...CORS, etag, 'cache-control': 'no-cache' };
      if (notModified(request, etag)) {
        response.writeHead(304, headers).end();
        return true;
      }
      response.writeHead(200, {
        ...headers,
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-length': info.size,
        'x-content-type-options': 'nosniff',
      });
      if (request.method === 'HEAD') {
        response.end();
        return true;
      }
      // The length sent is the length read, even if the file grows meanwhile.
      const body = handle.createReadStream({ start: 0, end: info.size - 1, autoClose: false });
      streaming = true;
      await new Promise<void>((done) => {
        const finish = () => {
          void handle.close().catch(() => undefined);
          done();
        };
        body.once('error', () => {
          response.destroy();
          finish();
        });
        response.once('close', () => {
          body.destroy();
          finish();
        });
        if (info.size === 0) response.end();
        else body.pipe(response);
      });
      return true;
    } finally {
      if (!streaming) await handle.close().catch(() => undefined);
    }
  }
}
