/**
 * A request the server refuses, with the HTTP status and (for bad input) the field
 * and the rule it broke, so the caller can fix the request without guessing.
 */
export class RequestError extends Error {
  override readonly name = 'RequestError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly rule?: string,
  ) {
    super(message);
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
  return new RequestError(400, 'invalid', `${field} ${rule}.`, field, rule);
}

export function notFound(what: string): RequestError {
  return new RequestError(404, 'not_found', what);
}

/** The data file cannot be used; the server must not start (and must not touch it). */
export class DataFileError extends Error {
  override readonly name = 'DataFileError';
}
