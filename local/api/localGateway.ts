/**
 * Serving the local endpoints: one listener for both (requests carrying `X-Amz-Target` go to
 * the Step Functions API, everything else to the order API; on AWS they are two hosts), and a
 * server with timeouts and header limits that keep slow or oversized clients from holding it.
 */
import { createServer, STATUS_CODES, type RequestListener, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** Routes each request to the Step Functions endpoint or the order API. */
export function routeByAmzTarget(endpoints: { readonly orderApi: RequestListener; readonly stepFunctionsApi: RequestListener }): RequestListener {
  return (request, response) => {
    if (request.headers['x-amz-target'] !== undefined) endpoints.stepFunctionsApi(request, response);
    else endpoints.orderApi(request, response);
  };
}

/** A listening local gateway. */
export interface LocalGateway {
  readonly server: Server;
  /** e.g. `http://127.0.0.1:3000` */
  readonly url: string;
  close(): Promise<void>;
}

/** Where to listen. */
export interface ListenOptions {
  /** @default 0 (any free port) */
  readonly port?: number;
  /** @default '127.0.0.1' */
  readonly host?: string;
}

/**
 * Serves `listener` with hardened limits: 16 KiB of headers (431 beyond), 10 s to send them,
 * 30 s for a whole request, and at most 100 requests per keep-alive connection.
 */
export async function listenLocalGateway(listener: RequestListener, options: ListenOptions = {}): Promise<LocalGateway> {
  const server = createServer({ maxHeaderSize: 16 * 1024, headersTimeout: 10_000, requestTimeout: 30_000, keepAliveTimeout: 5_000 }, listener);
  server.maxRequestsPerSocket = 100;
  server.on('clientError', answerClientError);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeIdleConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/**
 * A request node:http cannot parse (oversized or malformed headers, broken framing) is answered
 * like every other refusal, with a JSON `{ message }`, instead of node's bare status line.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const body = JSON.stringify({ message: STATUS_CODES[status] ?? 'Bad Request' });
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
}
