/**
 * Records the API's requests (status and latency) for the dashboard's API widgets, as API
 * Gateway's Count, 4XXError, 5XXError and Latency metrics do on AWS.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiRequest, TimeWindow } from './source';

/** One recorded request; the time stays a number until the dashboard asks (one Date per read, not per request). */
interface Recorded {
  readonly arrivedMs: number;
  readonly statusCode: number;
  readonly latencyMs: number;
}

/**
 * An in-memory, bounded log of API requests: a ring, so that once full each request costs the
 * same as before (an array of 100,000 shifted on every request cost ~17 µs per request).
 */
export class ApiRequestLog {
  private readonly ring: Recorded[] = [];
  /** Where the oldest entry is, once the ring is full. */
  private oldest = 0;

  /** @param capacity how many requests to keep @default 100000 */
  public constructor(
    private readonly capacity = 100_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records one answered request. */
  public record(request: ApiRequest): void {
    this.add({ arrivedMs: Date.parse(request.time), statusCode: request.statusCode, latencyMs: request.latencyMs });
  }

  /**
   * Records an order API access-log entry (`createOrderApi`'s `onRequest`), the requests API
   * Gateway's metrics count on AWS.
   */
  public recordAccess(entry: { readonly status: number; readonly durationMs: number }): void {
    this.add({ arrivedMs: this.now() - entry.durationMs, statusCode: entry.status, latencyMs: entry.durationMs });
  }

  /** Records the request when its response is finished; call it first thing in the server's handler. */
  public observe(_req: IncomingMessage, res: ServerResponse): void {
    const started = this.now();
    res.once('finish', () => {
      this.add({ arrivedMs: started, statusCode: res.statusCode, latencyMs: this.now() - started });
    });
  }

  /** The requests that arrived in the window, oldest first. */
  public between(window: TimeWindow): ApiRequest[] {
    const found: ApiRequest[] = [];
    for (let i = 0; i < this.ring.length; i++) {
      const r = this.ring[(this.oldest + i) % this.ring.length]!;
      if (r.arrivedMs >= window.since && r.arrivedMs < window.until) {
        found.push({ time: new Date(r.arrivedMs).toISOString(), statusCode: r.statusCode, latencyMs: r.latencyMs });
      }
    }
    return found;
  }

  private add(entry: Recorded): void {
    if (this.capacity <= 0) return;
    if (this.ring.length < this.capacity) {
      this.ring.push(entry);
      return;
    }
    this.ring[this.oldest] = entry;
    this.oldest = (this.oldest + 1) % this.capacity;
  }
}
