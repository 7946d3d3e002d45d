/** How a refusal is sent, besides its status and JSON body. */
export interface RequestErrorOptions {
  /** The input field that broke a rule, e.g. "impact". */
  field?: string;
  /** The rule it broke, e.g. "must be one of none, minor, major, critical". */
  rule?: string;
  /** Extra response headers, e.g. Allow on a 405 or Retry-After on a 429/503. */
  headers?: Record<string, string>;
  /** Close the connection after answering (a body too large to drain). */
  closeConnection?: boolean;
}

/**
 * A request the server refuses, with the HTTP status and (for bad input) the field
 * and the rule it broke, so the caller can fix the request without guessing.
 */
export class RequestError extends Error {
  override readonly name = 'RequestError';
  readonly field: string | undefined;
  readonly rule: string | undefined;
  readonly headers: Readonly<Record<string, string>>;
  readonly closeConnection: boolean;

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    options: RequestErrorOptions = {},
  ) {
    super(message);
    this.field = options.field;
    this.rule = options.rule;
    this.headers = options.headers ?? {};
    this.closeConnection = options.closeConnection ?? false;
  }

  toJSON(): { error: Record<string, string | number> } {
    const error: Record<string, string | number> = {
      status: this.status,
      code: this.code,
      message: this.message,
    };
    if (this.field !== undefined) error['field'] = this.field;
    if (this.rule !== undefined) error['rule'] = this.rule;
    return { error };
  }
}

/** 400: `field` broke `rule`, e.g. invalid('impact', 'must be one of none, minor, major, critical'). */
export function invalid(field: string, rule: string): RequestError {
  return new RequestError(400, 'invalid', `${field} ${rule}.`, { field, rule });
}

export function notFound(what: string): RequestError {
  return new RequestError(404, 'not_found', what);
}

/** The data file cannot be used; the server must not start (and must not touch it). */
export class DataFileError extends Error {
  override readonly name = 'DataFileError';
}

/** The server cannot start as configured (a flag or option names something unusable). */
export class StartError extends Error {
  override readonly name = 'StartError';
}
