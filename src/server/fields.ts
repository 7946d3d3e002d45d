// Strict readers for JSON input (request bodies and the data file): each either
// returns a typed value or throws a 400 naming the field and the rule it broke.
// Every length is checked before any pattern runs, and every pattern is linear, so
// no input can hold the server (and every reader waiting on it) for long.
import { invalid } from './errors.js';

/** The longest ISO 8601 date we read: "2026-11-25T14:00:00.123456789+05:30" is 35. */
const MAX_DATE = 40;
/** Browsers and proxies cap URLs near here; longer ones are not links anyone uses. */
const MAX_URL = 2048;
// Anchored, no nested or overlapping repeats: one pass, whatever the input.
const ISO_DATE = /^\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:[.,]\d{1,9})?)?(?:Z|[+-]\d\d:?\d\d)$/i;

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Bodies are plain text: normalized the way readers normalize them, so they round-trip. */
export function normalizeText(text: string): string {
  // Line by line: a /[ \t]+\n/ regex retries from every blank, which costs seconds
  // on a 64 KB run of spaces; this stays linear whatever the text holds.
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map(withoutTrailingBlanks)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function withoutTrailingBlanks(line: string): string {
  let end = line.length;
  while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) end -= 1;
  return line.slice(0, end);
}

export class Fields {
  constructor(
    readonly value: Json,
    /** Path of this object in the input, e.g. "components[2]." */
    readonly prefix = '',
  ) {}

  static of(value: unknown, path: string): Fields {
    if (!isObject(value)) throw invalid(path || 'body', 'must be a JSON object');
    return new Fields(value, path ? `${path}.` : '');
  }

  path(name: string): string {
    return `${this.prefix}${name}`;
  }

  /** The field's own value: a name like `toString` or `constructor` is never read from Object.prototype. */
  get(name: string): unknown {
    return Object.hasOwn(this.value, name) ? this.value[name] : undefined;
  }

  /** Rejects fields the caller did not mean to send (usually a typo). */
  only(names: readonly string[]): this {
    for (const key of Object.keys(this.value)) {
      if (!names.includes(key)) {
        throw invalid(this.path(key), `is not a known field (known: ${names.join(', ')})`);
      }
    }
    return this;
  }

  has(name: string): boolean {
    return this.get(name) !== undefined && this.get(name) !== null;
  }

  text(name: string, max: number): string;
  text(name: string, max: number, optional: true): string | undefined;
  text(name: string, max: number, optional = false): string | undefined {
    const value = this.get(name);
    if (value === undefined || value === null) {
      if (optional) return undefined;
      throw invalid(this.path(name), 'is required');
    }
    if (typeof value !== 'string') throw invalid(this.path(name), 'must be a string');
    // Linear, so measured after normalizing: blanks a reader drops do not count.
    const text = normalizeText(value);
    if (text === '') throw invalid(this.path(name), 'must not be empty');
    if (text.length > max) throw invalid(this.path(name), `must be at most ${max} characters`);
    return text;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[]): T;
  oneOf<T extends string>(name: string, allowed: readonly T[], optional: true): T | undefined;
  oneOf<T extends string>(name: string, allowed: readonly T[], optional = false): T | undefined {
    const value = this.get(name);
    if (value === undefined || value === null) {
      if (optional) return undefined;
      throw invalid(this.path(name), `is required (one of ${allowed.join(', ')})`);
    }
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      throw invalid(this.path(name), `must be one of ${allowed.join(', ')}`);
    }
    return value as T;
  }

  integer(name: string, min: number, max: number): number | undefined {
    const value = this.get(name);
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      throw invalid(this.path(name), `must be a whole number from ${min} to ${max}`);
    }
    return value;
  }

  /** An ISO 8601 date with a time zone, returned normalized to UTC. */
  date(name: string): string;
  date(name: string, optional: true): string | undefined;
  date(name: string, optional = false): string | undefined {
    const value = this.get(name);
    if (value === undefined || value === null) {
      if (optional) return undefined;
      throw invalid(this.path(name), 'is required (an ISO 8601 date, e.g. 2026-11-25T14:00:00Z)');
    }
    const time =
      typeof value === 'string' && value.length <= MAX_DATE && ISO_DATE.test(value)
        ? Date.parse(value)
        : NaN;
    if (Number.isNaN(time)) {
      throw invalid(
        this.path(name),
        `must be an ISO 8601 date with a time zone, at most ${MAX_DATE} characters, e.g. 2026-11-25T14:00:00Z`,
      );
    }
    return new Date(time).toISOString();
  }

  url(name: string): string | undefined {
    const value = this.get(name);
    if (value === undefined || value === null) return undefined;
    let url: URL | undefined;
    try {
      url = typeof value === 'string' && value.length <= MAX_URL ? new URL(value) : undefined;
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      throw invalid(
        this.path(name),
        `must be an absolute http or https URL of at most ${MAX_URL} characters`,
      );
    }
    return url.href;
  }

  array(name: string, max: number): unknown[] | undefined {
    const value = this.get(name);
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value)) throw invalid(this.path(name), 'must be an array');
    if (value.length > max) throw invalid(this.path(name), `must have at most ${max} items`);
    return value;
  }

  object(name: string): Fields | undefined {
    const value = this.get(name);
    if (value === undefined || value === null) return undefined;
    return Fields.of(value, this.path(name));
  }
}

const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** Ids appear in URLs and feeds: letters, digits, `_`, `.`, `-`, at most 64. */
export function checkId(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.length > 64 || !ID.test(value)) {
    throw invalid(
      field,
      'must be an id of letters, digits, "_", "." or "-" (at most 64, starting with a letter or digit)',
    );
  }
  return value;
}
