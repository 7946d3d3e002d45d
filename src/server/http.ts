// Small HTTP helpers: validators, CORS, JSON errors and bounded JSON bodies.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { RequestError } from './errors.js';

/** Admin request bodies larger than this are refused with 413. */
export const BODY_LIMIT = 64 * 1024;
// Past this we stop reading and close the connection instead of draining it.
const DRAIN_LIMIT = 1024 * 1024;

/**
 * Reading routes: browsers revalidate every poll (max-age=0) and get a 304 when
 * nothing changed; a CDN may serve a copy for a few seconds and keep serving it
 * while it revalidates, so a traffic spike reaches the server as a trickle.
 */
export const READ_CACHE_CONTROL = 'public, max-age=0, s-maxage=5, stale-while-revalidate=30';

/** What widgets on other sites may send when they read (their preflight). */
export const READ_PREFLIGHT = {
  'access-control-allow-methods': 'GET, HEAD, OPTIONS',
  'access-control-allow-headers': 'Cache-Control, If-None-Match, Last-Event-ID',
  'access-control-max-age': '86400',
};

export const CORS = {
  'access-control-allow-origin': '*',
  // A proxy's 429/503 may carry Retry-After: the widgets on other origins must see it.
  'access-control-expose-headers': 'ETag, Retry-After',
  // Lets sites measure the feed's timing (Resource Timing) from their own origin.
  'timing-allow-origin': '*',
};

export function strongEtag(body: string | Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** True when If-None-Match names the current ETag (or `*`). */
export function notModified(request: IncomingMessage, etag: string): boolean {
  const header = request.headers['if-none-match'];
  if (!header) return false;
  return header
    .split(',')
    .map((tag) => tag.trim())
    .some((tag) => tag === '*' || tag === etag || tag === `W/${etag}`);
}

/** Smaller bodies go as they are: compressing them would save less than it costs. */
const COMPRESS_FROM = 1024;

type SentDocument = { type: string; body: string | Buffer; etag: string };

// A document's gzip form, made once: documents are rendered once per revision and
// then sent to every reader, so each poll costs no compression.
const gzipped = new WeakMap<SentDocument, { body: Buffer; etag: string }>();

function gzipOf(document: SentDocument): { body: Buffer; etag: string } {
  let compressed = gzipped.get(document);
  if (!compressed) {
    // Another representation, so another strong validator.
    compressed = { body: gzipSync(document.body), etag: document.etag.replace(/"$/, '-gzip"') };
    gzipped.set(document, compressed);
  }
  return compressed;
}

/** True when Accept-Encoding allows gzip (by name or `*`, with a q above 0). */
function acceptsGzip(request: IncomingMessage): boolean {
  const header = request.headers['accept-encoding'];
  if (typeof header !== 'string' || header.length > 1024) return false;
  return header.split(',').some((part) => {
    const [name = '', ...parameters] = part.split(';').map((piece) => piece.trim().toLowerCase());
    const quality = parameters.find((parameter) => parameter.startsWith('q='));
    return (name === 'gzip' || name === '*') && (!quality || Number(quality.slice(2)) > 0);
  });
}

/**
 * A cacheable document: 200 with its body (gzip-compressed when the client accepts it
 * and it is not tiny: a year of daily history repeats itself), or 304 when the client
 * already has it.
 */
export function sendDocument(
  request: IncomingMessage,
  response: ServerResponse,
  document: SentDocument,
  cacheControl = READ_CACHE_CONTROL,
): void {
  const compressible = Buffer.byteLength(document.body) >= COMPRESS_FROM;
  const compressed = compressible && acceptsGzip(request) ? gzipOf(document) : undefined;
  const etag = compressed?.etag ?? document.etag;
  const headers: Record<string, string> = {
    ...CORS,
    etag,
    'cache-control': cacheControl,
  };
  if (compressible) headers['vary'] = 'Accept-Encoding';
  if (notModified(request, etag)) {
    response.writeHead(304, headers).end();
    return;
  }
  const body = compressed?.body ?? document.body;
  response.writeHead(200, {
    ...headers,
    'content-type': document.type,
    ...(compressed && { 'content-encoding': 'gzip' }),
    'content-length': String(Buffer.byteLength(body)),
    'x-content-type-options': 'nosniff',
  });
  response.end(request.method === 'HEAD' ? undefined : body);
}

/**
 * A JSON answer. Reading routes send CORS headers so widgets on any site read them;
 * the admin API sends none (`cors: false`), so no browser page on another origin can.
 */
export function sendJson(
  response: ServerResponse,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
  cors = true,
): void {
  const body = `${JSON.stringify(value)}\n`;
  response.writeHead(status, {
    ...(cors ? CORS : {}),
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  response.end(response.req.method === 'HEAD' ? undefined : body);
}

export function sendError(response: ServerResponse, error: RequestError, cors = true): void {
  sendJson(
    response,
    error.status,
    error.toJSON(),
    {
      ...(error.status === 401 ? { 'www-authenticate': 'Bearer' } : {}),
      ...(error.closeConnection ? { connection: 'close' } : {}),
      ...error.headers,
    },
    cors,
  );
}

/** application/json or application/<anything>+json, parameters allowed; read without a pattern. */
function isJsonType(header: string | undefined): boolean {
  if (!header || header.length > 200) return false;
  const type = header.split(';', 1)[0]!.trim().toLowerCase();
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}

/** Reads a JSON request body: 415 when it is not JSON, 413 over 64 KB, 400 when it does not parse. */
export async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  if (!isJsonType(request.headers['content-type'])) {
    request.resume();
    throw new RequestError(
      415,
      'unsupported_media_type',
      'Send the body as JSON with the header Content-Type: application/json.',
      { field: 'Content-Type', rule: 'must be application/json' },
    );
  }
  const tooLarge = (closeConnection = false) =>
    new RequestError(
      413,
      'too_large',
      `The body is larger than ${BODY_LIMIT / 1024} KB; send less text (bodies are at most 5000 characters).`,
      { field: 'body', rule: `must be at most ${BODY_LIMIT} bytes`, closeConnection },
    );
  if (Number(request.headers['content-length'] ?? 0) > DRAIN_LIMIT) {
    request.socket.on('error', () => undefined);
    throw tooLarge(true);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > DRAIN_LIMIT) throw tooLarge(true);
    // Keep reading (and discarding) past the limit so the client gets our answer.
    if (size <= BODY_LIMIT) chunks.push(chunk);
  }
  if (size > BODY_LIMIT) throw tooLarge();
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new RequestError(
      400,
      'invalid_json',
      `The body is not valid JSON: ${(error as Error).message}.`,
      { field: 'body', rule: 'must be valid JSON' },
    );
  }
}
