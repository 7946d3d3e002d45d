// One server per data file. The lock is a listening local socket named after the
// file's identity (device and inode, so a hard link or a second path to the same
// file meets the same lock): the operating system closes it when its holder ends,
// however it ends (SIGKILL included), so a lock never outlives its server and a
// reused process id (a zombie, pid 1 in a restarted container) never blocks a start.
// A small file beside the data file names the holder's process for the message.
import { createHash, randomBytes } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { readFile, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { createConnection, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { DataFileError } from './errors.js';

/** Where the operating system keeps the lock's socket for `key`. */
function socketName(key: string): string {
  const name = `status-widgets-server-${createHash('sha256').update(key).digest('hex').slice(0, 32)}`;
  // Linux: an abstract socket, which has no file and goes with its process.
  if (process.platform === 'linux') return `\0${name}`;
  // Windows: a named pipe, which also goes with its process.
  if (process.platform === 'win32') return `\\\\?\\pipe\\${name}`;
  // Elsewhere a socket file, which a dead holder leaves behind (see `listenOnce`).
  return join(tmpdir(), `${name}.sock`);
}

function listen(name: string): Promise<Server | undefined> {
  return new Promise((resolve, reject) => {
    // Nobody talks to the lock: any connection (a liveness probe) is closed at once.
    const server = createServer((socket) => socket.destroy());
    server.once('error', (error: NodeJS.ErrnoException) =>
      error.code === 'EADDRINUSE' ? resolve(undefined) : reject(error),
    );
    server.listen({ path: name, exclusive: true }, () => {
      server.unref();
      resolve(server);
    });
  });
}

/** True when a process listens on the socket file (false: its holder died). */
function answers(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ path }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function listenOnce(name: string): Promise<Server | undefined> {
  const server = await listen(name);
  if (server || name.startsWith('\0') || name.startsWith('\\\\')) return server;
  // A socket file nobody answers on is a dead holder's: take its place.
  if (await answers(name)) return undefined;
  await unlink(name).catch(() => undefined);
  return listen(name);
}

/** The folder's identity and the name: the same for every path to the file (symlinks too). */
async function pathKey(file: string): Promise<string> {
  const real = await realpath(file).catch(() => undefined);
  const folder = await stat(await realpath(dirname(real ?? file)), { bigint: true });
  return `path ${folder.dev}:${folder.ino}/${basename(real ?? file)}`;
}

/** The file's own identity (device and inode), which hard links share; undefined before it exists. */
async function fileKey(file: string): Promise<string | undefined> {
  const info = await stat(file, { bigint: true }).catch(() => undefined);
  return info && `file ${info.dev}:${info.ino}`;
}

export interface DataFileLock {
  /**
   * Locks the file's current identity. Every write replaces the file (a new inode),
   * so the store calls this after each one: a hard link made to the file meanwhile
   * meets the lock, and one made before a write names an older copy, not this file.
   */
  follow(): Promise<void>;
  /** Lets go of the file (idempotent). */
  release(): void;
}

/** Lock files this process wrote, removed however the process exits short of a kill. */
const lockFiles = new Set<string>();

function removeLockFiles(): void {
  for (const file of lockFiles) {
    try {
      unlinkSync(file);
    } catch {
      // Already gone.
    }
  }
  lockFiles.clear();
}

/**
 * Claims `file` for this process, or throws a DataFileError naming the server
 * that holds it.
 */
export async function lockDataFile(file: string): Promise<DataFileLock> {
  const lockFile = join(dirname(file), `.${basename(file)}.lock`);
  let pathSocket: Server | undefined;
  let current: { key: string; socket: Server } | undefined;
  let wroteLockFile = false;

  const release = () => {
    pathSocket?.close();
    current?.socket.close();
    pathSocket = current = undefined;
    if (wroteLockFile) {
      wroteLockFile = false;
      lockFiles.delete(lockFile);
      try {
        unlinkSync(lockFile);
      } catch {
        // Already gone.
      }
      if (lockFiles.size === 0) process.off('exit', removeLockFiles);
    }
  };

  /** Listens on the lock for `key`, or throws the refusal naming the holder. */
  const hold = async (key: string): Promise<Server> => {
    let socket: Server | undefined;
    try {
      socket = await listenOnce(socketName(key));
    } catch (error) {
      throw new DataFileError(
        `Cannot lock the data file ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`,
      );
    }
    if (socket) return socket;
    const holder = (await readFile(lockFile, 'utf8').catch(() => '')).trim();
    throw new DataFileError(
      `The data file ${file} is in use by another status-widgets-server (process ${holder || 'unknown'}). Stop that server, or give this one its own --data file. There is no need to delete ${lockFile}: the lock ends with that process by itself, and the file only names it.`,
    );
  };

  const follow = async () => {
    const key = await fileKey(file);
    if (!key || key === current?.key) return;
    const socket = await hold(key);
    current?.socket.close();
    current = { key, socket };
  };

  let key: string;
  try {
    key = await pathKey(file);
  } catch (error) {
    throw new DataFileError(
      `Cannot lock the data file ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Check that its folder exists.`,
    );
  }
  try {
    pathSocket = await hold(key);
    await follow();
  } catch (error) {
    release();
    throw error;
  }
  // Ours now: whatever lock file is there was left by a server that has ended.
  const temp = `${lockFile}.${process.pid}.${randomBytes(4).toString('hex')}`;
  try {
    await writeFile(temp, `${process.pid}\n`, { encoding: 'utf8', mode: 0o644 });
    await rename(temp, lockFile);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    release();
    throw new DataFileError(
      `Cannot write the lock file ${lockFile} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Check that the data file's folder exists and is writable.`,
    );
  }
  if (lockFiles.size === 0) process.once('exit', removeLockFiles);
  lockFiles.add(lockFile);
  wroteLockFile = true;
  return { follow, release };
}
