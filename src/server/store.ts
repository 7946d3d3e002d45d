// The data file as the single source of state. Changes run one at a time; each is
// written to disk atomically before it becomes visible or is acknowledged, so a
// crash at any moment leaves either the old state or the new one, never a torn file.
// One server at a time holds the file (a lock file beside it).
import { randomBytes } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { link, open, readdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { emptyData, parseDataFile, type ServerData } from './data.js';
import { DataFileError } from './errors.js';

export type ChangeListener = (data: ServerData, revision: number) => void;

/** Writes `text` to `file` so that readers see the old or the new content, never a mix. */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const temp = join(
    dirname(file),
    `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    const handle = await open(temp, 'wx', 0o644);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  // The rename itself lives in the directory: sync it so it survives a power cut too.
  const directory = await open(dirname(file), 'r');
  try {
    await directory.sync();
  } finally {
    await directory.close();
  }
}

/** Temp files left by a write that a crash interrupted; they never hold the only copy. */
async function removeStaleTempFiles(file: string): Promise<void> {
  const prefix = `.${basename(file)}.`;
  const entries = await readdir(dirname(file)).catch(() => [] as string[]);
  await Promise.all(
    entries
      .filter((name) => name.startsWith(prefix) && name.endsWith('.tmp'))
      .map((name) => unlink(join(dirname(file), name)).catch(() => undefined)),
  );
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Claims the data file for this process, or says which server holds it. Two servers
 * on one file would each write their own state over the other's, and each start-up
 * removes the temp files of a write under way. A lock left by a server that was
 * killed (its process is gone) is taken over. Returns the release function.
 */
async function claim(file: string): Promise<() => void> {
  const lockFile = join(dirname(file), `.${basename(file)}.lock`);
  for (let attempt = 0; ; attempt++) {
    // Written whole under another name, then linked into place: a lock file is never
    // seen empty, and the link fails if one exists.
    const temp = `${lockFile}.${process.pid}.${randomBytes(4).toString('hex')}`;
    try {
      await writeFile(temp, `${process.pid}\n`, { encoding: 'utf8', mode: 0o644 });
      await link(temp, lockFile);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') {
        throw new DataFileError(
          `Cannot create the lock file ${lockFile} (${code ?? (error as Error).message}). Check that the data file's folder exists and is writable.`,
        );
      }
      const holder = Number.parseInt(await readFile(lockFile, 'utf8').catch(() => ''), 10);
      if (attempt > 0 || (holder > 0 && isRunning(holder))) {
        throw new DataFileError(
          `The data file ${file} is in use by another status-widgets-server (process ${holder}). Stop that server, or give this one its own --data file. If no server is running, delete ${lockFile}.`,
        );
      }
      await unlink(lockFile).catch(() => undefined);
      continue;
    } finally {
      await unlink(temp).catch(() => undefined);
    }
    heldLocks.add(lockFile);
    if (heldLocks.size === 1) process.once('exit', releaseAll);
    return () => release(lockFile);
  }
}

/** The lock files this process holds. */
const heldLocks = new Set<string>();

function release(lockFile: string): void {
  if (!heldLocks.delete(lockFile)) return;
  if (heldLocks.size === 0) process.off('exit', releaseAll);
  try {
    unlinkSync(lockFile);
  } catch {
    // Already gone: nothing to release.
  }
}

// However the process ends short of a kill, the next start finds the file free.
function releaseAll(): void {
  for (const lockFile of [...heldLocks]) release(lockFile);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export class DataStore {
  private state: ServerData;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<ChangeListener>();
  revision = 1;

  private constructor(
    state: ServerData,
    /** Undefined: kept in memory only (the demo scenario without --data). */
    readonly file: string | undefined,
    private readonly now: () => Date,
    private readonly release: () => void = () => undefined,
  ) {
    this.state = deepFreeze(state);
  }

  /**
   * Opens the data file, creating it when it does not exist. A file that exists but
   * cannot be read or parsed is a DataFileError, and the file is left untouched.
   */
  static async open(file: string | undefined, now: () => Date = () => new Date()) {
    if (file === undefined) return new DataStore(emptyData(now()), undefined, now);
    const path = resolve(file);
    const release = await claim(path);
    try {
      return new DataStore(await load(path, now), path, now, release);
    } catch (error) {
      release();
      throw error;
    }
  }

  /** The current state; frozen, so nothing can change it behind the store's back. */
  get data(): ServerData {
    return this.state;
  }

  /**
   * Runs `mutate` on a copy of the state, after every change queued before it. When
   * it returns, the new state is on disk and visible; when it throws, nothing changed.
   */
  change<T>(mutate: (draft: ServerData, now: Date) => T): Promise<T> {
    const run = async () => {
      const now = this.now();
      const draft = structuredClone(this.state) as ServerData;
      const result = mutate(draft, now);
      draft.updatedAt = now.toISOString();
      if (this.file) await writeFileAtomic(this.file, serialize(draft));
      this.state = deepFreeze(draft);
      this.revision += 1;
      for (const listener of this.listeners) listener(this.state, this.revision);
      return result;
    };
    const result = this.queue.then(run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Waits for every queued change to finish (used when shutting down). */
  async idle(): Promise<void> {
    await this.queue;
  }

  /** Finishes the queued changes and lets go of the data file. */
  async close(): Promise<void> {
    await this.idle();
    this.release();
  }

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** The data file's text, or undefined when there is none. */
async function readText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new DataFileError(
      `The data file ${path} cannot be read (${code ?? (error as Error).message}). Check its permissions.`,
    );
  }
}

/**
 * The state in a data file, read without claiming it: a server may be using it (its
 * writes are atomic, so what is read is whole). For `export`.
 */
export async function readDataFile(file: string): Promise<ServerData> {
  const path = resolve(file);
  const text = await readText(path);
  if (text === undefined)
    throw new DataFileError(`The data file ${path} does not exist; check --data.`);
  return parseDataFile(text, path);
}

/** The state in the data file, which is created when it does not exist. */
async function load(path: string, now: () => Date): Promise<ServerData> {
  const text = await readText(path);
  // Ours alone now (claimed): temp files here are from a write a crash cut short.
  await removeStaleTempFiles(path);
  if (text !== undefined) return parseDataFile(text, path);
  const data = emptyData(now());
  try {
    await writeFileAtomic(path, serialize(data));
  } catch (error) {
    throw new DataFileError(
      `Cannot create the data file ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Check that its folder exists and is writable.`,
    );
  }
  return data;
}

function serialize(data: ServerData): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}
