/**
 * A small JSON-over-HTTP client with kept-alive connections, for the CLI, the load generator
 * and the benchmark: no SDK, so a client command starts fast. `http:` (local mode) goes through
 * our own minimal HTTP/1.1 client, which takes about half the CPU per request that undici takes:
 * the load generator runs on the same cores as the server it measures. `https:` (a deployed API
 * Gateway) goes through undici (Node's own HTTP client), which speaks TLS.
 */
import { Pool } from 'undici';
import { KeepAliveHttpClient, type HttpTextResponse } from './keepAliveHttp';

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

/** How requests reach the server: text in, status, headers and text out. */
interface TextTransport {
  request(method: string, path: string, headers: Record<string, string>, body?: string): Promise<HttpTextResponse>;
  close(): void;
}

/** undici's pool as a transport, for `https:`. */
class UndiciTransport implements TextTransport {
  private readonly pool: Pool;

  public constructor(origin: string, connections: number) {
    this.pool = new Pool(origin, { connections });
  }

  public async request(method: string, path: string, headers: Record<string, string>, body?: string): Promise<HttpTextResponse> {
    const response = await this.pool.request({ method: method as 'GET', path, headers, ...(body !== undefined ? { body } : {}) });
    return { status: response.statusCode, headers: response.headers, text: await response.body.text() };
  }

  public close(): void {
    void this.pool.destroy();
  }
}

/** Sends JSON requests to one base URL over a pool of kept-alive connections. */
export class JsonHttpClient {
  private readonly transport: TextTransport;
  private readonly base: URL;

  /** @param maxSockets connections kept open at most. @default 64 */
  public constructor(baseUrl: string, maxSockets = 64) {
    this.base = new URL(baseUrl);
    this.transport = this.base.protocol === 'http:' ? new KeepAliveHttpClient(this.base, maxSockets) : new UndiciTransport(this.base.origin, maxSockets);
  }

  /** Sends one request; `body` (if any) is sent as JSON text unless it is a string already. */
  public async send(method: string, path: string, headers: Record<string, string> = {}, body?: unknown): Promise<JsonResponse> {
    const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    try {
      const response = await this.transport.request(method, path, headers, payload);
      return { status: response.status, headers: response.headers, body: parse(response.text) };
    } catch (error) {
      throw isRefused(error) ? new ServerUnreachableError(this.base.origin, { cause: error }) : error;
    }
  }

  /** Closes the kept-alive connections. */
  public close(): void {
    this.transport.close();
  }
}

/** True for a connection the server refused or a host that does not resolve. */
function isRefused(error: unknown): boolean {
  for (let e: unknown = error; typeof e === 'object' && e !== null; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (code === 'ECONNREFUSED' || code === 'ENOTFOUND') return true;
  }
  return false;
}

function parse(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
