/**
 * HTTP/1.1 over a bare socket, for requests node:http refuses to send (bad header names,
 * conflicting lengths, broken request lines): writes the bytes, reads until the server closes
 * (or a timeout), and splits what came back into responses.
 */
import { connect } from 'node:net';

/** One response read off the wire. */
export interface RawResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** Sends `bytes` to `url`'s host and port; every response the server wrote before closing. */
export function sendRaw(url: string, bytes: Buffer, timeoutMs = 5_000): Promise<RawResponse[]> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) });
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => socket.destroy(), timeoutMs);
    socket.on('connect', () => socket.end(bytes));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    // The server may reset the connection after answering: what was read still counts.
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') reject(error);
    });
    socket.on('close', () => {
      clearTimeout(timer);
      try {
        resolve(parseResponses(Buffer.concat(chunks)));
      } catch (error) {
        reject(error);
      }
    });
  });
}

/** Splits a byte stream into HTTP responses (Content-Length framed, as our server writes them). */
export function parseResponses(stream: Buffer): RawResponse[] {
  const responses: RawResponse[] = [];
  let at = 0;
  while (at < stream.length) {
    const headEnd = stream.indexOf('\r\n\r\n', at);
    if (headEnd === -1) throw new Error(`truncated response head: ${JSON.stringify(stream.subarray(at).toString('latin1').slice(0, 200))}`);
    const [statusLine = '', ...lines] = stream.subarray(at, headEnd).toString('latin1').split('\r\n');
    const match = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine);
    if (match === null) throw new Error(`not an HTTP status line: ${JSON.stringify(statusLine)}`);
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const length = Number(headers['content-length'] ?? 0);
    const bodyStart = headEnd + 4;
    responses.push({ status: Number(match[1]), headers, body: stream.subarray(bodyStart, bodyStart + length).toString('utf8') });
    at = bodyStart + length;
  }
  return responses;
}
