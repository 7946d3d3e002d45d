// The data file as the single source of state. Changes run one at a time; each is
// written to disk atomically before it becomes visible or is acknowledged, so a
// crash at any moment leaves either the old state or the new one, never a torn file.
import { randomBytes } from 'node:crypto';
import { open, readdir, readFile, rename, unlink } from 'node:fs/promises';
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
    let text: string | undefined;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') {
        throw new DataFileError(
          `The data file ${path} cannot be read (${code ?? (error as Error).message}). Check its permissions; the server did not start.`,
        );
      }
    }
    await removeStaleTempFiles(path);
    if (text === undefined) {
      const data = emptyData(now());
      try {
        await writeFileAtomic(path, serialize(data));
      } catch (error) {
        throw new DataFileError(
          `Cannot create the data file ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Check that its folder exists and is writable.`,
        );
      }
      return new DataStore(data, path, now);
    }
    return new DataStore(parseDataFile(text, path), path, now);
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

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

function serialize(data: ServerData): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}
