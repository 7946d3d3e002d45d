// Push for the feed store: the feed's Server-Sent Events stream, opened by the tab
// that polls. Every event means the feed changed; when the stream breaks, the store
// polls for the rest of its run.
export interface StreamHandlers {
  /** The stream is open: it tells of changes, so polling can stop. */
  onOpen(): void;
  /** The feed changed; `document` is the feed itself when the event carries it. */
  onChange(document?: string): void;
  /** The stream broke and is closed. */
  onBreak(): void;
}

export class FeedStream {
  /** True once the stream broke (until `reset()`): the store polls instead. */
  broken = false;
  private _source?: EventSource;

  constructor(private readonly _handlers: StreamHandlers) {}

  get open(): boolean {
    return this._source !== undefined;
  }

  /** Opens the stream at `url`, unless it is open, broke, or the browser has no EventSource. */
  connect(url: URL): void {
    if (this._source || this.broken || typeof EventSource !== 'function') return;
    const source = new EventSource(url.href);
    this._source = source;
    const handlers = this._handlers;
    source.onopen = () => handlers.onOpen();
    // An event that carries the feed document (our reference server's do) is read
    // as is; otherwise the store loads the feed (a cheap revalidation at worst).
    source.onmessage = (event: MessageEvent<unknown>) =>
      handlers.onChange(typeof event.data === 'string' && event.data ? event.data : undefined);
    source.onerror = () => {
      source.close();
      if (this._source !== source) return;
      this._source = undefined;
      this.broken = true;
      handlers.onBreak();
    };
  }

  close(): void {
    this._source?.close();
    this._source = undefined;
  }
}
