/**
 * A response that is not the adapter's format at all (an HTML error page, JSON of
 * another shape, an empty body). The message names the adapter, the URL and what
 * was wrong, so a web developer can act on it.
 */
export class FeedFormatError extends Error {
  override readonly name = 'FeedFormatError';

  constructor(
    readonly adapter: string,
    readonly url: string,
    readonly problem: string,
  ) {
    super(`The ${adapter} adapter could not read ${url}: ${problem}`);
  }
}

/** The feed answered with an HTTP status other than 2xx (or not at all). */
export class FeedRequestError extends Error {
  override readonly name = 'FeedRequestError';

  constructor(
    readonly url: string,
    /** The HTTP status; 0 when no response arrived. */
    readonly status: number,
    message: string,
    /** The response, for the store to read Retry-After and friends. */
    readonly response?: Response,
  ) {
    super(message);
  }
}
