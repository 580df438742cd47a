import { CancelToken } from './cancellation';

/** Where the engine reads the time and how it waits: real time, scaled time or a fake clock. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms` milliseconds of this clock's time; rejects when `signal` aborts. */
  sleep(ms: number, signal?: CancelToken): Promise<void>;
}

/** Raised when a sleep is cut short (execution stopped or a sibling branch failed). */
export class SleepAbortedError extends Error {
  public constructor() {
    super('sleep aborted');
    this.name = 'SleepAbortedError';
  }
}

/**
 * The system clock. `timeScale` multiplies every wait: 0.001 turns a 10 s Wait into 10 ms,
 * 0 skips waits (tests and the conformance adapter).
 * @default timeScale 1
 */
export function systemClock(timeScale = 1): Clock {
  return {
    now: () => Date.now(),
    sleep: (ms, signal) => delay(ms * timeScale, signal),
  };
}

/** Sleeps `ms` of real time; rejects with SleepAbortedError when `signal` is cancelled. */
export function delay(ms: number, signal?: CancelToken): Promise<void> {
  if (signal?.aborted) return Promise.reject(new SleepAbortedError());
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    let unsubscribe = (): void => undefined;
    const timer = setTimeout(() => {
      unsubscribe();
      resolve();
    }, ms);
    if (signal) {
      unsubscribe = signal.subscribe(() => {
        clearTimeout(timer);
        reject(new SleepAbortedError());
      });
    }
  });
}

interface Sleeper {
  until: number;
  resolve: () => void;
}

/**
 * A clock that only moves when told to, for retry timing tests. `sleeps` records every
 * requested wait in milliseconds.
 */
export class FakeClock implements Clock {
  /** Every wait requested so far, in milliseconds, in order. */
  public readonly sleeps: number[] = [];
  private current: number;
  private sleepers: Sleeper[] = [];

  public constructor(start: number | Date = Date.UTC(2024, 0, 1)) {
    this.current = typeof start === 'number' ? start : start.getTime();
  }

  public now(): number {
    return this.current;
  }

  public sleep(ms: number, signal?: CancelToken): Promise<void> {
    this.sleeps.push(ms);
    if (signal?.aborted) return Promise.reject(new SleepAbortedError());
    return new Promise((resolve, reject) => {
      const sleeper: Sleeper = { until: this.current + Math.max(0, ms), resolve };
      this.sleepers.push(sleeper);
      signal?.subscribe(() => {
        if (!this.sleepers.includes(sleeper)) return;
        this.sleepers = this.sleepers.filter((s) => s !== sleeper);
        reject(new SleepAbortedError());
      });
    });
  }

  /** Moves time forward, waking every sleeper whose time has come, and lets them run. */
  public async advance(ms: number): Promise<void> {
    this.current += ms;
    const due = this.sleepers.filter((s) => s.until <= this.current);
    this.sleepers = this.sleepers.filter((s) => s.until > this.current);
    for (const s of due) s.resolve();
    await flushMicrotasks();
  }

  /** How many sleeps are waiting for time to move. */
  public get pending(): number {
    return this.sleepers.length;
  }
}

/** Lets promise chains settle (a few macrotask turns). */
export async function flushMicrotasks(turns = 5): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise<void>((r) => setImmediate(r));
}
