/**
 * Records the API's requests (status and latency) for the dashboard's API widgets, as API
 * Gateway's Count, 4XXError, 5XXError and Latency metrics do on AWS.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiRequest, TimeWindow } from './source';

/** An in-memory, bounded log of API requests. */
export class ApiRequestLog {
  private readonly requests: ApiRequest[] = [];

  /** @param capacity how many requests to keep @default 100000 */
  public constructor(
    private readonly capacity = 100_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records one answered request. */
  public record(request: ApiRequest): void {
    this.requests.push(request);
    if (this.requests.length > this.capacity) this.requests.shift();
  }

  /**
   * Records an order API access-log entry (`createOrderApi`'s `onRequest`), the requests API
   * Gateway's metrics count on AWS.
   */
  public recordAccess(entry: { readonly status: number; readonly durationMs: number }): void {
    this.record({ time: new Date(this.now() - entry.durationMs).toISOString(), statusCode: entry.status, latencyMs: entry.durationMs });
  }

  /** Records the request when its response is finished; call it first thing in the server's handler. */
  public observe(_req: IncomingMessage, res: ServerResponse): void {
    const started = this.now();
    res.once('finish', () => {
      this.record({ time: new Date(started).toISOString(), statusCode: res.statusCode, latencyMs: this.now() - started });
    });
  }

  /** The requests that arrived in the window, oldest first. */
  public between(window: TimeWindow): ApiRequest[] {
    return this.requests.filter((r) => {
      const t = Date.parse(r.time);
      return t >= window.since && t < window.until;
    });
  }
}
