// /events: Server-Sent Events. Every change goes to every listener as the new
// /feed.json, serialized once into one buffer that all streams share. Streams are
// capped (in all and per client address) so that they can never take the
// descriptors that reads and admin writes need, and a reader that stops reading is
// dropped instead of growing the server's memory.
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { clientKey } from './client.js';
import { RequestError } from './errors.js';
import { CORS } from './http.js';

export interface EventHubOptions {
  /** Streams open at once, in all. */
  maxStreams: number;
  /** Streams open at once from one client address (0: no per-client cap). */
  maxStreamsPerClient: number;
  /** Milliseconds between heartbeat comments. */
  heartbeatMs: number;
}

/** The state a new stream starts with: the revision and the /feed.json body. */
export type CurrentFeed = () => { revision: number; body: string };

interface Stream {
  response: ServerResponse;
  client: string;
  /** The newest revision this stream has been sent (events never go backwards). */
  revision: number;
  /** Set when a write found the buffer full; cleared when it drains. */
  behindSince: number | undefined;
}

const HEARTBEAT = Buffer.from(': heartbeat\n\n');
/**
 * A feed larger than this (a year of daily history for many components) is announced,
 * not pushed: every reader then fetches /feed.json, gzip-compressed and revalidated,
 * instead of each stream carrying the whole uncompressed document.
 */
const PUSH_MAX_BYTES = 64 * 1024;
/** The announcement's data: not a feed, so a widget that reads it loads the feed itself. */
const CHANGED_NOTICE = '{"changed":true}';
/** A stream may hold this much unsent (or two events, if they are larger) before it is dropped. */
const MIN_BUFFER_BYTES = 1024 * 1024;
/** Streams written per turn of the event loop: a fan-out never blocks reads for long. */
const BATCH = 256;
/** Seconds a refused client is asked to wait before trying a stream again. */
const RETRY_AFTER_SECONDS = 60;

export class EventHub {
  private readonly streams = new Set<Stream>();
  private readonly perClient = new Map<string, number>();
  private readonly heartbeat: NodeJS.Timeout;
  private sending: Promise<void> = Promise.resolve();
  private bufferLimit = MIN_BUFFER_BYTES;
  /** The newest event, serialized once for every stream that starts with it. */
  private latest: { revision: number; event: Buffer } | undefined;

  constructor(
    private readonly options: EventHubOptions,
    private readonly current: CurrentFeed,
  ) {
    this.heartbeat = setInterval(() => this.beat(), options.heartbeatMs);
    this.heartbeat.unref();
  }

  /** Streams open now. */
  get size(): number {
    return this.streams.size;
  }

  /** Answers GET/HEAD /events, or throws 503/429 (with Retry-After) past a cap. */
  open(request: IncomingMessage, response: ServerResponse): void {
    const client = clientKey(request);
    const retry = { 'retry-after': String(RETRY_AFTER_SECONDS) };
    // A refused client keeps no connection open: it is told to come back later.
    const refusal = { headers: retry, closeConnection: true };
    if (this.streams.size >= this.options.maxStreams) {
      throw new RequestError(
        503,
        'streams_full',
        `The server holds its limit of ${this.options.maxStreams} event streams; poll /feed.json instead, or try again later.`,
        refusal,
      );
    }
    const mine = this.perClient.get(client) ?? 0;
    const perClient = this.options.maxStreamsPerClient;
    if (perClient > 0 && mine >= perClient) {
      throw new RequestError(
        429,
        'too_many_streams',
        `Your address already holds ${perClient} event streams, the most one client may; poll /feed.json instead.`,
        refusal,
      );
    }
    response.writeHead(200, {
      ...CORS,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store, no-transform',
      connection: 'keep-alive',
      // nginx and similar proxies would otherwise hold events back in a buffer.
      'x-accel-buffering': 'no',
    });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    const { revision, body } = this.current();
    const stream: Stream = { response, client, revision, behindSince: undefined };
    this.streams.add(stream);
    this.perClient.set(client, mine + 1);
    response.on('drain', () => (stream.behindSince = undefined));
    response.once('close', () => this.remove(stream));
    response.write('retry: 5000\n\n');
    // The current state first, unless the client reconnects already holding it.
    if (request.headers['last-event-id'] !== String(revision)) {
      this.write(stream, this.eventFor(revision, body));
    }
  }

  /** Sends revision `revision` (its /feed.json `body`) to every stream, in order. */
  publish(revision: number, body: string): void {
    const event = this.eventFor(revision, body);
    this.sending = this.sending.then(() => this.fanOut(revision, event));
  }

  /** Ends every stream and stops the heartbeat. */
  close(): void {
    clearInterval(this.heartbeat);
    for (const stream of this.streams) stream.response.end();
  }

  private eventFor(revision: number, body: string): Buffer {
    if (this.latest?.revision !== revision) {
      // JSON.stringify writes no line breaks, so the body is one data line.
      const data = Buffer.byteLength(body) > PUSH_MAX_BYTES ? CHANGED_NOTICE : body.trimEnd();
      const text = `id: ${revision}\ndata: ${data}\n\n`;
      this.latest = { revision, event: Buffer.from(text) };
      this.bufferLimit = Math.max(MIN_BUFFER_BYTES, 2 * this.latest.event.length);
    }
    return this.latest.event;
  }

  private async fanOut(revision: number, event: Buffer): Promise<void> {
    const targets = [...this.streams];
    for (let start = 0; start < targets.length; start += BATCH) {
      if (start > 0) await new Promise((resolve) => setImmediate(resolve));
      for (const stream of targets.slice(start, start + BATCH)) {
        if (stream.revision >= revision || !this.streams.has(stream)) continue;
        stream.revision = revision;
        this.write(stream, event);
      }
    }
  }

  private beat(): void {
    const now = Date.now();
    for (const stream of this.streams) {
      // Still full a whole heartbeat later: the reader has stopped reading.
      if (
        stream.behindSince !== undefined &&
        now - stream.behindSince >= this.options.heartbeatMs
      ) {
        stream.response.destroy();
        continue;
      }
      this.write(stream, HEARTBEAT);
    }
  }

  private write(stream: Stream, chunk: Buffer): void {
    const { response } = stream;
    if (response.writableLength > this.bufferLimit) {
      // It has not taken what it already has: drop it; EventSource reconnects later.
      response.destroy();
      return;
    }
    if (!response.write(chunk)) stream.behindSince ??= Date.now();
  }

  private remove(stream: Stream): void {
    if (!this.streams.delete(stream)) return;
    const left = (this.perClient.get(stream.client) ?? 1) - 1;
    if (left > 0) this.perClient.set(stream.client, left);
    else this.perClient.delete(stream.client);
  }
}

/**
 * The soft limit on open files (Linux), or undefined where it cannot be read.
 * Event streams are capped below it so reads and writes always find a descriptor.
 */
export async function descriptorLimit(): Promise<number | undefined> {
  try {
    const limits = await readFile('/proc/self/limits', 'utf8');
    const match = /^Max open files\s+(\d+)/m.exec(limits);
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}
