import { randomUUID } from 'node:crypto';

/** Time and identity sources, injectable so tests are deterministic. */
export interface Runtime {
  /** The current instant. */
  now(): Date;
  /** A new unique id. */
  newId(): string;
}

/** The system clock and random UUIDs. */
export const systemRuntime: Runtime = { now: () => new Date(), newId: () => randomUUID() };
