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

/**
 * A response: status; headers with names lowercased, values decoded as UTF-8, and a repeated
 * header as the array of its values (as undici gives them); the body decoded as UTF-8.
 */
export interface HttpTextResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
}

/** The response broke HTTP/1.1's framing; the connection it came on is closed. */
export class HttpProtocolError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'HttpProtocolError';
  }
}

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

/** What the parser is reading next. */
const enum Read {
  Head,
  Length,
  ChunkSize,
  ChunkData,
  ChunkEnd,
  Trailers,
  UntilClose,
}

const HEAD_END = Buffer.from('\r\n\r\n', 'latin1');
const MAX_HEAD_BYTES = 64 * 1024;
const MAX_LINE_BYTES = 16 * 1024;
// Under node's default keepAliveTimeout (5 s), so an idle socket is not reused as the server closes it.
const IDLE_REUSE_MS = 4_000;

/** One kept-alive socket and the response being parsed on it. */
class Connection {
  public readonly socket: Socket;
  public current: PendingRequest | undefined;
  public idleSince = 0;
  private closed = false;
  private error: Error | undefined;
  private pending: Buffer | undefined;
  private read = Read.Head;
  private status = 0;
  private headers: Record<string, string | string[] | undefined> = {};
  private keepAlive = true;
  private remaining = 0;
  private parts: Buffer[] = [];
  private size = 0;
  private text: string | undefined;
  private response: HttpTextResponse | undefined;

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
    let buffer = chunk;
    if (this.pending !== undefined) {
      buffer = Buffer.concat([this.pending, chunk]);
      this.pending = undefined;
    }
    let at: number;
    try {
      at = this.parse(buffer);
    } catch (error) {
      this.abort(error as Error);
      return;
    }
    const response = this.response;
    if (response === undefined) {
      if (at < buffer.length) this.pending = buffer.subarray(at);
      return;
    }
    const request = this.current!;
    this.current = undefined;
    this.response = undefined;
    request.resolve(response);
    // Bytes after a complete response were not asked for (no pipelining): the connection can no longer be trusted.
    if (this.keepAlive && at === buffer.length) this.pool.release(this);
    else this.retire();
  }

  /** Parses from `buffer`; returns the offset of the first byte not consumed. Completes the request when its response ends. */
  private parse(buffer: Buffer): number {
    let at = 0;
    const end = buffer.length;
    while (at < end) {
      switch (this.read) {
        case Read.Head: {
          const headEnd = buffer.indexOf(HEAD_END, at);
          if (headEnd < 0) {
            if (end - at > MAX_HEAD_BYTES) throw new HttpProtocolError('response head too large');
            return at;
          }
          // Decoded as UTF-8, so header values come out as undici gives them (node:http gives latin1).
          this.parseHead(buffer.toString('utf8', at, headEnd));
          at = headEnd + 4;
          // An informational response (100, 103) precedes the real one: read on.
          if (this.status < 200) break;
          if (this.text !== undefined) return this.complete(at);
          break;
        }
        case Read.Length: {
          const take = Math.min(this.remaining, end - at);
          if (take === this.remaining && this.size === 0) {
            // The whole body is in this buffer: decode it in place.
            this.text = buffer.toString('utf8', at, at + take);
            return this.complete(at + take);
          }
          this.addPart(buffer.subarray(at, at + take));
          at += take;
          this.remaining -= take;
          if (this.remaining === 0) return this.complete(at);
          break;
        }
        case Read.ChunkSize: {
          const lineEnd = buffer.indexOf(13, at);
          if (lineEnd < 0 || lineEnd + 1 >= end) {
            if (end - at > MAX_LINE_BYTES) throw new HttpProtocolError('chunk size line too long');
            return at;
          }
          if (buffer[lineEnd + 1] !== 10) throw new HttpProtocolError('bad chunk size line');
          this.remaining = parseChunkSize(buffer, at, lineEnd);
          at = lineEnd + 2;
          this.read = this.remaining === 0 ? Read.Trailers : Read.ChunkData;
          break;
        }
        case Read.ChunkData: {
          const take = Math.min(this.remaining, end - at);
          this.addPart(buffer.subarray(at, at + take));
          at += take;
          this.remaining -= take;
          if (this.remaining === 0) this.read = Read.ChunkEnd;
          break;
        }
        case Read.ChunkEnd: {
          if (end - at < 2) return at;
          if (buffer[at] !== 13 || buffer[at + 1] !== 10) throw new HttpProtocolError('chunk not followed by CRLF');
          at += 2;
          this.read = Read.ChunkSize;
          break;
        }
        case Read.Trailers: {
          // Trailer fields are skipped up to the empty line that ends the message.
          const lineEnd = buffer.indexOf(13, at);
          if (lineEnd < 0 || lineEnd + 1 >= end) {
            if (end - at > MAX_HEAD_BYTES) throw new HttpProtocolError('trailers too large');
            return at;
          }
          if (buffer[lineEnd + 1] !== 10) throw new HttpProtocolError('bad trailer line');
          const empty = lineEnd === at;
          at = lineEnd + 2;
          if (empty) return this.complete(at);
          break;
        }
        case Read.UntilClose: {
          this.addPart(at === 0 ? buffer : buffer.subarray(at));
          return end;
        }
      }
    }
    return at;
  }

  private parseHead(head: string): void {
    // "HTTP/1.x SSS reason"
    if (!head.startsWith('HTTP/1.') || head.charCodeAt(8) !== 32) throw new HttpProtocolError(`bad status line: ${JSON.stringify(head.slice(0, 40))}`);
    const d0 = head.charCodeAt(9) - 48;
    const d1 = head.charCodeAt(10) - 48;
    const d2 = head.charCodeAt(11) - 48;
    if (!(d0 >= 1 && d0 <= 5 && d1 >= 0 && d1 <= 9 && d2 >= 0 && d2 <= 9)) throw new HttpProtocolError(`bad status line: ${JSON.stringify(head.slice(0, 40))}`);
    this.status = d0 * 100 + d1 * 10 + d2;
    const http11 = head.charCodeAt(7) === 49;
    const headers: Record<string, string | string[] | undefined> = {};
    let connectionClose = false;
    let connectionKeepAlive = false;
    let contentLength = -1;
    let transferEncoding: string | undefined;
    let lineStart = head.indexOf('\r\n');
    while (lineStart >= 0) {
      lineStart += 2;
      let lineEnd = head.indexOf('\r\n', lineStart);
      if (lineEnd < 0) lineEnd = head.length;
      const colon = head.indexOf(':', lineStart);
      if (colon < 0 || colon > lineEnd) throw new HttpProtocolError(`bad header line: ${JSON.stringify(head.slice(lineStart, lineEnd))}`);
      const name = head.slice(lineStart, colon).toLowerCase();
      const value = trimmedValue(head, colon + 1, lineEnd);
      if (name !== '__proto__') {
        const seen = headers[name];
        headers[name] = seen === undefined ? value : typeof seen === 'string' ? [seen, value] : [...seen, value];
      }
      if (name === 'content-length') {
        const length = parseContentLength(value);
        if (contentLength >= 0 && contentLength !== length) throw new HttpProtocolError('conflicting content-length headers');
        contentLength = length;
      } else if (name === 'transfer-encoding') {
        transferEncoding = value.toLowerCase();
      } else if (name === 'connection') {
        const tokens = value.toLowerCase();
        if (tokens === 'keep-alive') connectionKeepAlive = true;
        else if (tokens === 'close') connectionClose = true;
        else
          for (const token of tokens.split(',')) {
            const t = token.trim();
            if (t === 'close') connectionClose = true;
            else if (t === 'keep-alive') connectionKeepAlive = true;
          }
      }
      lineStart = lineEnd < head.length ? lineEnd : -1;
    }
    this.headers = headers;
    // HTTP/1.0 closes after each response unless it says otherwise; HTTP/1.1 keeps alive unless it says close.
    this.keepAlive = http11 ? !connectionClose : connectionKeepAlive && !connectionClose;
    this.text = undefined;
    if (this.status < 200) return;
    if (this.current!.bodyless || this.status === 204 || this.status === 304) {
      this.text = '';
    } else if (transferEncoding !== undefined) {
      // Chunked only when it is the last coding; anything else is delimited by the close.
      if (transferEncoding === 'chunked' || transferEncoding.endsWith(',chunked') || transferEncoding.endsWith(' chunked')) {
        this.read = Read.ChunkSize;
      } else {
        this.read = Read.UntilClose;
        this.keepAlive = false;
      }
    } else if (contentLength === 0) {
      this.text = '';
    } else if (contentLength > 0) {
      this.read = Read.Length;
      this.remaining = contentLength;
    } else {
      this.read = Read.UntilClose;
      this.keepAlive = false;
    }
  }

  private addPart(part: Buffer): void {
    if (part.length === 0) return;
    this.parts.push(part);
    this.size += part.length;
  }

  /** The response ended at `at`: keeps it for the caller to settle, and resets the parser. */
  private complete(at: number): number {
    const text = this.text ?? (this.parts.length === 1 ? this.parts[0]!.toString('utf8') : Buffer.concat(this.parts, this.size).toString('utf8'));
    this.response = { status: this.status, headers: this.headers, text };
    this.read = Read.Head;
    this.text = undefined;
    if (this.size !== 0) {
      this.parts = [];
      this.size = 0;
    }
    return at;
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
      if (this.read === Read.UntilClose && this.error === undefined) {
        // The close is what delimits this body.
        this.complete(0);
        request.resolve(this.response!);
        this.response = undefined;
      } else {
        request.reject(this.error ?? new Error('the connection closed before the response was complete'));
      }
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

/** head[from, to) without the spaces and tabs around it (String.prototype.trim would also take other Unicode spaces). */
function trimmedValue(head: string, from: number, to: number): string {
  let start = from;
  let end = to;
  while (start < end && (head.charCodeAt(start) === 32 || head.charCodeAt(start) === 9)) start++;
  while (end > start && (head.charCodeAt(end - 1) === 32 || head.charCodeAt(end - 1) === 9)) end--;
  return head.slice(start, end);
}

function parseContentLength(value: string): number {
  if (value.length === 0 || value.length > 15) throw new HttpProtocolError(`bad content-length ${JSON.stringify(value)}`);
  let length = 0;
  for (let i = 0; i < value.length; i++) {
    const d = value.charCodeAt(i) - 48;
    if (d < 0 || d > 9) throw new HttpProtocolError(`bad content-length ${JSON.stringify(value)}`);
    length = length * 10 + d;
  }
  return length;
}

/** The hex size at the start of a chunk line (extensions after ';' are ignored). */
function parseChunkSize(buffer: Buffer, from: number, to: number): number {
  let size = 0;
  let digits = 0;
  let i = from;
  for (; i < to; i++) {
    const c = buffer[i]!;
    const d = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1;
    if (d < 0) break;
    if (++digits > 12) throw new HttpProtocolError('chunk size too large');
    size = size * 16 + d;
  }
  if (digits === 0) throw new HttpProtocolError('bad chunk size');
  for (; i < to; i++) {
    const c = buffer[i]!;
    if (c === 59 /* ; */) break;
    if (c !== 32 && c !== 9) throw new HttpProtocolError('bad chunk size');
  }
  return size;
}
