/**
 * The response side of an HTTP/1.1 connection that sends one request at a time (no pipelining),
 * fed the bytes as they arrive: status line and headers, then a body framed by content-length,
 * by chunked encoding, or by the connection's close. Bytes are kept only until a response is
 * complete; a response's body is decoded as UTF-8 once, at its end.
 */

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
/**
 * Parses the responses of one connection, one after the other. Call `expect` before each
 * request goes out, then `feed` every chunk; `closed` when the connection closes.
 */
export class ResponseParser {
  /** Whether the connection may carry another request after the response just returned. */
  public keepAlive = true;
  /** True when bytes followed the response just returned: nobody asked for them. */
  public overrun = false;
  private bodyless = false;
  private pending: Buffer | undefined;
  private read = Read.Head;
  private status = 0;
  private headers: Record<string, string | string[] | undefined> = {};
  private remaining = 0;
  private parts: Buffer[] = [];
  private size = 0;
  private text: string | undefined;
  private response: HttpTextResponse | undefined;

  /** The next response answers a request; a HEAD's answer has no body. */
  public expect(bodyless: boolean): void {
    this.bodyless = bodyless;
  }

  /** Takes the next bytes: the response once it is complete, else undefined. @throws HttpProtocolError */
  public feed(chunk: Buffer): HttpTextResponse | undefined {
    let buffer = chunk;
    if (this.pending !== undefined) {
      buffer = Buffer.concat([this.pending, chunk]);
      this.pending = undefined;
    }
    const at = this.parse(buffer);
    const response = this.response;
    if (response === undefined) {
      if (at < buffer.length) this.pending = buffer.subarray(at);
      return undefined;
    }
    this.response = undefined;
    this.overrun = at < buffer.length;
    return response;
  }

  /** The connection closed: the response whose body the close ends, if one was being read so. */
  public closed(): HttpTextResponse | undefined {
    if (this.read !== Read.UntilClose) return undefined;
    this.complete(0);
    const response = this.response;
    this.response = undefined;
    return response;
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
          if (this.remaining <= end - at && this.size === 0) {
            // The whole body is in this buffer: decode it in place.
            this.text = buffer.toString('utf8', at, at + this.remaining);
            return this.complete(at + this.remaining);
          }
          at = this.takeBody(buffer, at, end);
          if (this.remaining === 0) return this.complete(at);
          break;
        }
        case Read.ChunkSize: {
          const lineEnd = crlfLineEnd(buffer, at, end, MAX_LINE_BYTES, 'chunk size line too long', 'bad chunk size line');
          if (lineEnd < 0) return at;
          this.remaining = parseChunkSize(buffer, at, lineEnd);
          at = lineEnd + 2;
          this.read = this.remaining === 0 ? Read.Trailers : Read.ChunkData;
          break;
        }
        case Read.ChunkData: {
          at = this.takeBody(buffer, at, end);
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
          const lineEnd = crlfLineEnd(buffer, at, end, MAX_HEAD_BYTES, 'trailers too large', 'bad trailer line');
          if (lineEnd < 0) return at;
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
    if (this.bodyless || this.status === 204 || this.status === 304) {
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

  /** Keeps up to `remaining` body bytes from `at` (a content-length body's, or a chunk's); returns the offset after them. */
  private takeBody(buffer: Buffer, at: number, end: number): number {
    const take = Math.min(this.remaining, end - at);
    this.addPart(buffer.subarray(at, at + take));
    this.remaining -= take;
    return at + take;
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

/**
 * Where the line at `at` ends (the index of its CR), or -1 when its CRLF is not here yet. Throws
 * `tooLong` when what is waiting is over `max` bytes, and `bad` when the CR is not followed by LF.
 */
function crlfLineEnd(buffer: Buffer, at: number, end: number, max: number, tooLong: string, bad: string): number {
  const cr = buffer.indexOf(13, at);
  if (cr < 0 || cr + 1 >= end) {
    if (end - at > max) throw new HttpProtocolError(tooLong);
    return -1;
  }
  if (buffer[cr + 1] !== 10) throw new HttpProtocolError(bad);
  return cr;
}
