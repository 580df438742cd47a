/**
 * Lambda's concurrency limit: at most `limit` invocations run at once. Over it, Lambda throws
 * TooManyRequestsException (the default here, so the workflow's Retry on
 * Lambda.TooManyRequestsException is exercised as on AWS); `queue` waits for a free slot instead.
 */
export type ThrottleBehaviour = 'throw' | 'queue';

/** Counts running invocations against a limit. */
export class ConcurrencyLimiter {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  public constructor(public readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`concurrency must be a positive integer, got ${limit}`);
  }

  /** Invocations running now. */
  public get inFlight(): number {
    return this.running;
  }

  /** Invocations waiting for a slot (queue mode). */
  public get queued(): number {
    return this.waiting.length;
  }

  /** Takes a slot if one is free. */
  public tryAcquire(): boolean {
    if (this.running >= this.limit) return false;
    this.running += 1;
    return true;
  }

  /** Takes a slot, waiting in FIFO order for one to free up. */
  public acquire(): Promise<void> {
    if (this.tryAcquire()) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Gives a slot back, handing it straight to the longest waiter if any. */
  public release(): void {
    const next = this.waiting.shift();
    if (next !== undefined) next();
    else this.running -= 1;
  }
}
