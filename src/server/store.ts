// The data file as the single source of state. Changes run one at a time; each is
// written to disk atomically before it becomes visible or is acknowledged, so a
// crash at any moment leaves either the old state or the new one, never a torn file.
// One server at a time holds the file (see lock.ts). Resolved history past the
// retention moves to an archive file beside it, so the file stays small.
import { randomBytes } from 'node:crypto';
import { open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { endedAt } from '../model/overdue.js';
import type { Incident, Maintenance } from '../model/types.js';
import { emptyData, parseDataFile, type ServerData } from './data.js';
import { DataFileError } from './errors.js';
import { DEFAULT_RETENTION, MIN_RETENTION } from './limits.js';
import { lockDataFile, type DataFileLock } from './lock.js';
import { recordStatuses } from './status-log.js';

export type ChangeListener = (data: ServerData, revision: number) => void;

/** A new copy of a file, written and synced under a temporary name; nothing has replaced the file yet. */
interface StagedFile {
  /** Puts the new copy in place (a rename, then the folder synced). */
  commit(): Promise<void>;
  /** Throws the new copy away; the file is as it was. */
  discard(): Promise<void>;
}

/** Writes `text` beside `file` and syncs it, ready to replace `file` at once. */
async function stageFile(file: string, text: string): Promise<StagedFile> {
  const temp = join(
    dirname(file),
    `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  const discard = () => unlink(temp).catch(() => undefined);
  try {
    const handle = await open(temp, 'wx', 0o644);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    await discard();
    throw error;
  }
  return {
    discard,
    async commit() {
      try {
        await rename(temp, file);
      } catch (error) {
        await discard();
        throw error;
      }
      // The rename itself lives in the directory: sync it so it survives a power cut too.
      const directory = await open(dirname(file), 'r');
      try {
        await directory.sync();
      } finally {
        await directory.close();
      }
    },
  };
}

/** Writes `text` to `file` so that readers see the old or the new content, never a mix. */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  await (await stageFile(file, text)).commit();
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

export interface DataStoreOptions {
  /** Resolved incidents (and completed maintenances) kept in the data file; default 1000. */
  retention?: number;
}

export class DataStore {
  private state: ServerData;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<ChangeListener>();
  private readonly retention: number;
  revision = 1;

  private constructor(
    state: ServerData,
    /** Undefined: kept in memory only (the demo scenario without --data). */
    readonly file: string | undefined,
    private readonly now: () => Date,
    private readonly lock: DataFileLock | undefined = undefined,
    options: DataStoreOptions = {},
  ) {
    this.state = deepFreeze(state);
    this.retention = Math.max(MIN_RETENTION, options.retention ?? DEFAULT_RETENTION);
  }

  /**
   * Opens the data file, creating it when it does not exist. A file that exists but
   * cannot be read or parsed is a DataFileError, and the file is left untouched.
   */
  static async open(
    file: string | undefined,
    now: () => Date = () => new Date(),
    options: DataStoreOptions = {},
  ) {
    if (file === undefined)
      return new DataStore(emptyData(now()), undefined, now, undefined, options);
    const path = resolve(file);
    const lock = await lockDataFile(path);
    try {
      const data = await load(path, now);
      return new DataStore(data, path, now, lock, options);
    } catch (error) {
      lock.release();
      throw error;
    }
  }

  /** Where resolved history past the retention goes: `status-data.archive.jsonl` beside the data file. */
  get archiveFile(): string | undefined {
    return this.file && archivePath(this.file);
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
      // Whatever changed a component's status (the admin API, an incident, a
      // maintenance, the scenario), its log records it in the same atomic write.
      setStatusLog(draft, recordStatuses(draft.statusLog, draft.components, now).log);
      const archived = moveOldHistory(draft, this.retention);
      if (this.file) {
        // The new copy is safely on disk before the archive takes anything, and the
        // archive has it before that copy replaces the old one: a full disk or a crash
        // at any step leaves an item in both files, never in neither.
        const staged = await stageFile(this.file, serialize(draft));
        try {
          if (archived.length > 0) await appendArchive(archivePath(this.file), archived, now);
          await staged.commit();
        } catch (error) {
          await staged.discard();
          throw error;
        }
      }
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
    this.lock?.release();
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

/** An empty log is left out of the file, as it is before any component exists. */
function setStatusLog(data: ServerData, log: ServerData['statusLog']): void {
  if (log && Object.keys(log).length > 0) data.statusLog = log;
  else delete data.statusLog;
}

/**
 * The state in the data file, which is created when it does not exist. A component
 * whose status is not its log's last record (a file from before the log, or edited
 * while the server was down) gets a record now: the server saw the status only now,
 * so the last one recorded holds until then, and days before a first record have no data.
 */
async function load(path: string, now: () => Date): Promise<ServerData> {
  const text = await readText(path);
  // Ours alone now (claimed): temp files here, and a last archive line without its
  // line break, are from a write that a crash or a full disk cut short.
  await removeStaleTempFiles(path);
  await repairArchive(archivePath(path)).catch((error: NodeJS.ErrnoException) => {
    throw new DataFileError(
      `Cannot repair the archive file ${archivePath(path)} (${error.code ?? error.message}). Check that it is writable.`,
    );
  });
  if (text !== undefined) {
    const data = parseDataFile(text, path);
    const { log, changed } = recordStatuses(data.statusLog, data.components, now());
    if (!changed) return data;
    setStatusLog(data, log);
    try {
      await writeFileAtomic(path, serialize(data));
    } catch (error) {
      throw new DataFileError(
        `Cannot write the data file ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Check that it and its folder are writable.`,
      );
    }
    return data;
  }
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

/** `status-data.json` → `status-data.archive.jsonl`, in the same folder. */
function archivePath(file: string): string {
  const name = basename(file).replace(/\.json$/i, '');
  return join(dirname(file), `${name}.archive.jsonl`);
}

type ArchivedItem =
  { kind: 'incident'; item: Incident } | { kind: 'maintenance'; item: Maintenance };

function closedAt(item: Incident | Maintenance): number {
  return Date.parse(endedAt(item));
}

/** Takes the resolved items past the newest `retention` out of `items`. */
function oldestClosed<T extends Incident | Maintenance>(
  items: T[],
  isClosed: (item: T) => boolean,
  retention: number,
): T[] {
  let closed = 0;
  for (const item of items) if (isClosed(item)) closed += 1;
  if (closed <= retention) return [];
  const moving = new Set(
    items
      .filter(isClosed)
      .sort((a, b) => closedAt(b) - closedAt(a))
      .slice(retention),
  );
  const kept = items.filter((item) => !moving.has(item));
  items.splice(0, items.length, ...kept);
  return [...moving];
}

/** Moves resolved history past the retention out of `data`; returns what moved. */
function moveOldHistory(data: ServerData, retention: number): ArchivedItem[] {
  return [
    ...oldestClosed(
      data.incidents,
      (item) => item.status === 'resolved' || item.status === 'postmortem',
      retention,
    ).map((item) => ({ kind: 'incident' as const, item })),
    ...oldestClosed(data.maintenances, (item) => item.status === 'completed', retention).map(
      (item) => ({ kind: 'maintenance' as const, item }),
    ),
  ];
}

/**
 * Appends one JSON line per item, synced before the data file lets go of them. An
 * append that fails part-way (a full disk) is cut back off, so the next one starts
 * on a line of its own; the data file still holds those items.
 */
async function appendArchive(path: string, items: ArchivedItem[], now: Date): Promise<void> {
  const archivedAt = now.toISOString();
  const lines = items.map((entry) => `${JSON.stringify({ ...entry, archivedAt })}\n`).join('');
  const handle = await open(path, 'a', 0o644);
  try {
    const { size } = await handle.stat();
    try {
      await handle.appendFile(lines, 'utf8');
      await handle.sync();
    } catch (error) {
      await handle.truncate(size).catch(() => undefined);
      await handle.sync().catch(() => undefined);
      throw error;
    }
  } finally {
    await handle.close();
  }
}

/** The archive's last line when it has no line break: what an append cut short left. */
async function repairArchive(path: string): Promise<void> {
  const text = await readFile(path, 'utf8').catch(() => undefined);
  if (!text || text.endsWith('\n')) return;
  const end = text.lastIndexOf('\n') + 1;
  const handle = await open(path, 'r+');
  try {
    if (parseArchiveLine(text.slice(end))) {
      // Whole, only its line break missing (an edit by hand): keep it.
      await handle.write('\n', Buffer.byteLength(text));
    } else {
      // A fragment: the append that wrote it failed, so the data file still holds its items.
      await handle.truncate(Buffer.byteLength(text.slice(0, end)));
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** One archive line, or undefined when it is not one (cut short, edited, or another file's). */
function parseArchiveLine(line: string): ArchivedItem | undefined {
  try {
    const entry = JSON.parse(line) as Partial<ArchivedItem> | null;
    const id = (entry?.item as { id?: unknown } | undefined)?.id;
    const kind = entry?.kind;
    return (kind === 'incident' || kind === 'maintenance') && typeof id === 'string'
      ? (entry as ArchivedItem)
      : undefined;
  } catch {
    return undefined;
  }
}

/** What an archive file holds: each item once (its last line wins), and how many lines could not be read. */
export interface ArchiveContents {
  incidents: Incident[];
  maintenances: Maintenance[];
  /** Lines skipped because they are not archive lines (cut short or edited). */
  unreadable: number;
}

/**
 * Reads an archive file (`status-data.archive.jsonl`): unreadable lines are skipped and
 * counted, and an item archived twice (a crash between the archive and the data file,
 * then the same move again) is listed once. A missing file is an empty archive.
 */
export async function readArchive(file: string): Promise<ArchiveContents> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    throw new DataFileError(
      `The archive file ${file} cannot be read (${error.code ?? error.message}). Check its permissions.`,
    );
  });
  const items = new Map<string, ArchivedItem>();
  let unreadable = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const entry = parseArchiveLine(line);
    if (!entry) unreadable += 1;
    else {
      const key = `${entry.kind} ${entry.item.id}`;
      items.delete(key);
      items.set(key, entry);
    }
  }
  const all = [...items.values()];
  return {
    incidents: all.flatMap((entry) => (entry.kind === 'incident' ? [entry.item] : [])),
    maintenances: all.flatMap((entry) => (entry.kind === 'maintenance' ? [entry.item] : [])),
    unreadable,
  };
}
