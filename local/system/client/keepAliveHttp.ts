/**
 * A minimal HTTP/1.1 client for `http:` origins on `node:net`, for the load generator: the
 * benchmark runs it on the same cores as the server it measures, and it takes about half the
 * CPU per request that undici takes. Kept-alive connections with one request in flight each
 * (no pipelining), a FIFO queue when all are busy, each request written as one string, and
 * responses parsed by hand (content-length, chunked, or read until close). A request fails
 * after its connection has been silent for the timeout; none is retried (a POST is not
 * idempotent).
 */
import { connect, type Socket } from 'node:net';
import { ResponseParser, type HttpTextResponse } from './httpResponseParser';

export { HttpProtocolError, type HttpTextResponse } from './httpResponseParser';

/** The server sent nothing for the request's whole timeout; the connection it waited on is closed. */
export class HttpTimeoutError extends Error {
  public readonly code = 'ETIMEDOUT';

  public constructor(timeoutMs: number) {
    super(`no response within ${timeoutMs} ms`);
    this.name = 'HttpTimeoutError';
  }
}

/** One request waiting for, or on, a connection. */
class PendingRequest {
  public constructor(
    public readonly wire: string,
    public readonly bodyless: boolean,
    public readonly resolve: (response: HttpTextResponse) => void,
    public readonly reject: (error: Error) => void,
  ) {}
}

// Under node's default keepAliveTimeout (5 s), so an idle socket is not reused as the server closes it.
const IDLE_REUSE_MS = 4_000;

/** One kept-alive socket, the request in flight on it and the parser of its answer. */
class Connection {
  public readonly socket: Socket;
  public current: PendingRequest | undefined;
  public idleSince = 0;
  private closed = false;
  private error: Error | undefined;
  private readonly parser = new ResponseParser();

  public constructor(
    private readonly pool: KeepAliveHttpClient,
    host: string,
    port: number,
    timeoutMs: number,
  ) {
    this.socket = connect({ host, port });
    this.socket.setNoDelay(true);
    // An inactivity timeout (any byte either way restarts it), as undici's headers and body timeouts.
    this.socket.setTimeout(timeoutMs);
    this.socket.on('timeout', () => (this.current === undefined ? this.retire() : this.abort(new HttpTimeoutError(timeoutMs))));
    this.socket.on('data', (chunk: Buffer) => this.onData(chunk));
    this.socket.on('error', (error: Error) => (this.error ??= error));
    this.socket.on('close', () => this.onClose());
  }

  public get usable(): boolean {
    return !this.closed && this.socket.readable && this.socket.writable;
  }

  public send(request: PendingRequest): void {
    this.current = request;
    this.parser.expect(request.bodyless);
    this.socket.write(request.wire, 'latin1');
  }

  /** Rejects the request in flight with `error` and closes the socket. */
  public abort(error: Error): void {
    const request = this.current;
    this.current = undefined;
    this.socket.destroy();
    request?.reject(error);
  }

  private onData(chunk: Buffer): void {
    if (this.current === undefined) {
      // Bytes nobody asked for (no pipelining): the connection can no longer be trusted.
      this.retire();
      return;
    }
    let response: HttpTextResponse | undefined;
    try {
      response = this.parser.feed(chunk);
    } catch (error) {
      this.abort(error as Error);
      return;
    }
    if (response === undefined) return;
    const request = this.current;
    this.current = undefined;
    request.resolve(response);
    // Bytes after a complete response were not asked for (no pipelining): the connection can no longer be trusted.
    if (this.parser.keepAlive && !this.parser.overrun) this.pool.release(this);
    else this.retire();
  }

  /** Closes the socket; its 'close' event removes it from the pool. */
  private retire(): void {
    this.closed = true;
    this.socket.destroy();
  }

  private onClose(): void {
    this.closed = true;
    const request = this.current;
    this.current = undefined;
    if (request !== undefined) {
      // The close may be what delimits the body being read.
      const response = this.error === undefined ? this.parser.closed() : undefined;
      if (response !== undefined) request.resolve(response);
      else request.reject(this.error ?? new Error('the connection closed before the response was complete'));
    }
    this.pool.forget(this);
  }
}

/** Sends requests to one `http:` origin over at most `maxConnections` kept-alive connections. */
export class KeepAliveHttpClient {
  private readonly host: string;
  private readonly port: number;
  private readonly hostHeader: string;
  private readonly connections = new Set<Connection>();
  private readonly idle: Connection[] = [];
  private queue: Array<PendingRequest | undefined> = [];
  private queueHead = 0;
  private closed = false;

  /**
   * @param maxConnections sockets kept open at most
   * @param timeoutMs how long a connection may stay silent before its request fails with
   *   {@link HttpTimeoutError} (an idle one is closed) @default 300000, undici's default
   */
  public constructor(
    origin: URL,
    private readonly maxConnections: number,
    private readonly timeoutMs = 300_000,
  ) {
    if (origin.protocol !== 'http:') throw new TypeError(`KeepAliveHttpClient speaks http: only, not ${origin.protocol}`);
    if (!(maxConnections >= 1)) throw new RangeError(`maxConnections must be at least 1, got ${maxConnections}`);
    if (!(timeoutMs >= 1)) throw new RangeError(`timeoutMs must be at least 1, got ${timeoutMs}`);
    const hostname = origin.hostname;
    this.host = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
    this.port = origin.port === '' ? 80 : Number(origin.port);
    this.hostHeader = origin.host;
  }

  /**
   * Sends one request; `body` is sent as UTF-8 with its `content-length`. `headers` must not
   * include host, content-length or transfer-encoding, which this client writes itself.
   */
  public request(method: string, path: string, headers: Record<string, string>, body?: string): Promise<HttpTextResponse> {
    let wire: string;
    try {
      wire = this.wire(method, path, headers, body);
    } catch (error) {
      return Promise.reject(error as Error);
    }
    if (this.closed) return Promise.reject(new Error('the HTTP client is closed'));
    return new Promise((resolve, reject) => this.dispatch(new PendingRequest(wire, method === 'HEAD', resolve, reject)));
  }

  /** Destroys every connection and rejects every request not yet answered. */
  public close(): void {
    if (this.closed) return;
    this.closed = true;
    const error = new Error('the HTTP client was closed');
    for (let request = this.dequeue(); request !== undefined; request = this.dequeue()) request.reject(error);
    for (const connection of [...this.connections]) connection.abort(error);
    this.connections.clear();
    this.idle.length = 0;
  }

  /** @internal A connection finished its response and may take the next request. */
  public release(connection: Connection): void {
    if (this.closed) {
      connection.socket.destroy();
      return;
    }
    const next = this.dequeue();
    if (next !== undefined) {
      connection.send(next);
      return;
    }
    // Idle sockets do not keep the process alive, as with undici.
    connection.socket.unref();
    connection.idleSince = Date.now();
    this.idle.push(connection);
  }

  /** @internal A connection closed: drop it, and open another for a queued request. */
  public forget(connection: Connection): void {
    if (!this.connections.delete(connection)) return;
    const index = this.idle.indexOf(connection);
    if (index >= 0) this.idle.splice(index, 1);
    if (this.closed || this.connections.size >= this.maxConnections) return;
    const next = this.dequeue();
    if (next !== undefined) this.open().send(next);
  }

  private dispatch(request: PendingRequest): void {
    let connection = this.idle.pop();
    while (connection !== undefined) {
      if (connection.usable && Date.now() - connection.idleSince < IDLE_REUSE_MS) {
        connection.socket.ref();
        connection.send(request);
        return;
      }
      connection.socket.destroy();
      this.connections.delete(connection);
      connection = this.idle.pop();
    }
    if (this.connections.size < this.maxConnections) this.open().send(request);
    else this.queue.push(request);
  }

  private open(): Connection {
    const connection = new Connection(this, this.host, this.port, this.timeoutMs);
    this.connections.add(connection);
    return connection;
  }

  private dequeue(): PendingRequest | undefined {
    if (this.queueHead >= this.queue.length) return undefined;
    const request = this.queue[this.queueHead];
    this.queue[this.queueHead++] = undefined;
    if (this.queueHead === this.queue.length) {
      this.queue = [];
      this.queueHead = 0;
    }
    return request;
  }

  /** The request as it goes on the wire: one latin1 string, the body's UTF-8 bytes as latin1 characters. */
  private wire(method: string, path: string, headers: Record<string, string>, body: string | undefined): string {
    if (!isToken(method)) throw new TypeError(`invalid HTTP method ${JSON.stringify(method)}`);
    if (!isRequestTarget(path)) throw new TypeError(`invalid request path ${JSON.stringify(path)}`);
    let wire = method + ' ' + path + ' HTTP/1.1\r\nhost: ' + this.hostHeader + '\r\n';
    for (const name of Object.keys(headers)) {
      const value = headers[name]!;
      if (!isToken(name) || isFramingHeader(name)) throw new TypeError(`invalid or reserved header name ${JSON.stringify(name)}`);
      if (!isFieldValue(value)) throw new TypeError(`invalid value for header ${name}`);
      wire += name + ': ' + value + '\r\n';
    }
    if (body === undefined) return method === 'POST' || method === 'PUT' || method === 'PATCH' ? wire + 'content-length: 0\r\n\r\n' : wire + '\r\n';
    const length = Buffer.byteLength(body, 'utf8');
    // ASCII text is its own UTF-8; anything else is re-encoded so that latin1 writes its UTF-8 bytes.
    const bytes = length === body.length ? body : Buffer.from(body, 'utf8').toString('latin1');
    return wire + 'content-length: ' + length + '\r\n\r\n' + bytes;
  }
}

function isFramingHeader(name: string): boolean {
  const n = name.length;
  if (n !== 4 && n !== 14 && n !== 17) return false;
  const lower = name.toLowerCase();
  return lower === 'host' || lower === 'content-length' || lower === 'transfer-encoding';
}

/** An RFC 9110 token: visible ASCII but no delimiters. */
function isToken(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 32 || c >= 127 || c === 58 /* : */ || c === 34 || c === 40 || c === 41 || c === 44 || c === 47 || c === 59 || c === 60 || c === 61 || c === 62 || c === 63 || c === 64 || c === 91 || c === 92 || c === 93 || c === 123 || c === 125) return false;
  }
  return true;
}

/** A header value: no control characters (so no CR/LF injection), latin1 only, as node:http allows. */
function isFieldValue(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9) || c === 127 || c > 255) return false;
  }
  return true;
}

/** A request target: no spaces or controls, latin1 only, as node:http allows. */
function isRequestTarget(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 32 || c === 127 || c > 255) return false;
  }
  return true;
}

