// One server per data file. The lock is a listening local socket named after the
// file's identity (its folder's device and inode and its name, so a second path to the
// same file meets the same lock) and a secret key: the operating system closes it when
// its holder ends, however it ends (SIGKILL included), so a lock never outlives its
// server and a reused process id (a zombie, pid 1 in a restarted container) never
// blocks a start. The key, random and readable by the server's user alone, lives in a
// file beside the data file: another user cannot work out the name and take it first.
// A file with a second name (a hard link) is refused: a server under that name would
// not meet the lock. A small file beside the data file names the holder's process.
import { createHash, randomBytes } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { link, lstat, readFile, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { createConnection, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { DataFileError } from './errors.js';

/** The lock's name for `key` (what `ss -xlp` shows, after an @ on Linux). */
function lockName(key: string): string {
  return `status-widgets-server-${createHash('sha256').update(key).digest('hex').slice(0, 32)}`;
}

/** Where the operating system keeps the lock's socket of that name. */
function socketName(name: string): string {
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

/**
 * The folder's identity and the name: the same for every path to the file (symlinks
 * too); and where its key is, beside the real file, so every path finds the same one.
 */
async function pathKey(file: string): Promise<{ key: string; keyFile: string }> {
  const real = await realpath(file).catch(() => undefined);
  const folder = await realpath(dirname(real ?? file));
  const info = await stat(folder, { bigint: true });
  const name = basename(real ?? file);
  return {
    key: `path ${info.dev}:${info.ino}/${name}`,
    keyFile: join(folder, `.${name}.lock-key`),
  };
}

/** Bytes of the random lock key. */
const KEY_BYTES = 32;

/**
 * The data file's lock key: read from `keyFile`, or made (random, mode 0600) when there
 * is none. A key another user can read, or one that is not the server user's, is refused:
 * whoever reads it could take the lock first and keep the server from starting.
 */
async function lockKey(keyFile: string, file: string): Promise<string> {
  const refuse = (why: string) =>
    new DataFileError(
      `Cannot lock the data file ${file}: the lock key ${keyFile} ${why}. Delete it (the server makes a new one, readable by its user only) or fix its owner and mode (chmod 600).`,
    );
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const info = await lstat(keyFile).catch(() => undefined);
    if (info) {
      if (!info.isFile()) throw refuse('is not a file');
      const uid = process.getuid?.();
      if (uid !== undefined && info.uid !== uid) throw refuse('belongs to another user');
      if (process.platform !== 'win32' && (info.mode & 0o077) !== 0)
        throw refuse('can be read by other users');
      const text = await readFile(keyFile, 'utf8').catch((error: NodeJS.ErrnoException) => {
        throw refuse(`cannot be read (${error.code ?? error.message})`);
      });
      const key = text.trim();
      if (!/^[0-9a-f]{64}$/.test(key)) throw refuse('is not a key this server wrote');
      return key;
    }
    // Written whole under a temporary name, then linked into place: a server starting
    // at the same moment reads the one key that won, never half of one.
    const temp = `${keyFile}.${process.pid}.${randomBytes(4).toString('hex')}`;
    try {
      await writeFile(temp, `${randomBytes(KEY_BYTES).toString('hex')}\n`, {
        mode: 0o600,
        flag: 'wx',
      });
      await link(temp, keyFile).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error;
      });
    } catch (error) {
      throw new DataFileError(
        `Cannot write the lock key ${keyFile} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Check that the data file's folder exists and is writable.`,
      );
    } finally {
      await unlink(temp).catch(() => undefined);
    }
  }
  throw refuse('keeps disappearing');
}

/** Refuses a data file with another name (a hard link): a server given that name would not meet this lock. */
async function refuseHardLinks(file: string): Promise<void> {
  const info = await stat(file).catch(() => undefined);
  if (info && info.nlink > 1) {
    throw new DataFileError(
      `The data file ${file} has ${info.nlink} names (hard links): a server started on another of them would not see this one's lock. Remove the other names, or give each server its own copy (cp, not ln).`,
    );
  }
}

export interface DataFileLock {
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

/** How to see who holds a lock, for the refusal. */
function whoHolds(name: string): string {
  if (process.platform === 'linux')
    return ` To see which process holds the lock: ss -xlp | grep ${name} (with sudo if it may be another user's).`;
  if (process.platform === 'win32') return '';
  return ` To see which process holds the lock: lsof ${socketName(name)}.`;
}

/**
 * Claims `file` for this process, or throws a DataFileError naming the server
 * that holds it.
 */
export async function lockDataFile(file: string): Promise<DataFileLock> {
  const lockFile = join(dirname(file), `.${basename(file)}.lock`);
  let socket: Server | undefined;
  let wroteLockFile = false;

  const release = () => {
    socket?.close();
    socket = undefined;
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

  let name: string;
  try {
    const { key, keyFile } = await pathKey(file);
    name = lockName(`${await lockKey(keyFile, file)} ${key}`);
  } catch (error) {
    if (error instanceof DataFileError) throw error;
    throw new DataFileError(
      `Cannot lock the data file ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Check that its folder exists.`,
    );
  }
  try {
    socket = await listenOnce(socketName(name));
  } catch (error) {
    throw new DataFileError(
      `Cannot lock the data file ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`,
    );
  }
  if (!socket) {
    const holder = (await readFile(lockFile, 'utf8').catch(() => '')).trim();
    throw new DataFileError(
      `The data file ${file} is in use by another status-widgets-server (process ${holder || 'unknown'}). Stop that server, or give this one its own --data file. There is no need to delete ${lockFile}: the lock ends with that process by itself, and the file only names it.${whoHolds(name)}`,
    );
  }
  try {
    await refuseHardLinks(file);
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
  return { release };
}
