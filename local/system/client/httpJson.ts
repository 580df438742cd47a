/**
 * A small JSON-over-HTTP client on node:http with keep-alive, for the CLI, the load generator
 * and the benchmark (no SDK, so a client command starts fast and costs little per request).
 */
import { Agent, request } from 'node:http';

/** A response: its status, headers and body parsed as JSON (or the text, when not JSON). */
export interface JsonResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: unknown;
}

/** The server could not be reached. */
export class ServerUnreachableError extends Error {
  public constructor(url: string, options?: ErrorOptions) {
    super(`cannot reach ${url}: is local mode running (npm start)?`, options);
    this.name = 'ServerUnreachableError';
  }
}

/** Sends JSON requests to one base URL over a pool of kept-alive connections. */
export class JsonHttpClient {
  private readonly agent: Agent;
  private readonly base: URL;

  /** @param maxSockets connections kept open at most. @default 64 */
  public constructor(baseUrl: string, maxSockets = 64) {
    this.base = new URL(baseUrl);
    this.agent = new Agent({ keepAlive: true, maxSockets });
  }

  /** Sends one request; `body` (if any) is sent as JSON text unless it is a string already. */
  public send(method: string, path: string, headers: Record<string, string> = {}, body?: unknown): Promise<JsonResponse> {
    const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const outgoing = request(
        {
          host: this.base.hostname,
          port: this.base.port,
          method,
          path,
          agent: this.agent,
          headers: { ...headers, ...(payload !== undefined ? { 'content-length': String(Buffer.byteLength(payload)) } : {}) },
        },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('error', reject);
          incoming.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: parse(text) });
          });
        },
      );
      outgoing.on('error', (error: NodeJS.ErrnoException) =>
        reject(error.code === 'ECONNREFUSED' || error.code === 'ENOTFOUND' ? new ServerUnreachableError(this.base.origin, { cause: error }) : error),
      );
      outgoing.end(payload);
    });
  }

  /** Closes the kept-alive connections. */
  public close(): void {
    this.agent.destroy();
  }
}

function parse(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
