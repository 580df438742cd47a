/** An error name: a `States.*` name, a Lambda error, or one the task throws. */
export type ErrorName = string;

/** `ErrorEquals` lists at least one error name. */
export type ErrorNames = [ErrorName, ...ErrorName[]];

/** How retry intervals are randomised. */
export type JitterStrategy = 'FULL' | 'NONE';

/** One `Retry` entry. */
export interface Retrier {
  ErrorEquals: ErrorNames;
  /** @default 1 */
  IntervalSeconds?: number;
  /** @default 3 */
  MaxAttempts?: number;
  /** @default 2 */
  BackoffRate?: number;
  MaxDelaySeconds?: number;
  /** @default 'NONE' */
  JitterStrategy?: JitterStrategy;
  Comment?: string;
}

/** One `Catch` entry of a JSONPath state: the error output goes to `ResultPath`. */
export interface JsonPathCatcher {
  ErrorEquals: ErrorNames;
  Next: string;
  ResultPath?: string | null;
  Assign?: import('./json').JsonObject;
  Comment?: string;
  Output?: never;
}

/** One `Catch` entry of a JSONata state: the error output is shaped by `Output`. */
export interface JsonataCatcher {
  ErrorEquals: ErrorNames;
  Next: string;
  Output?: import('./json').JsonValue;
  Assign?: import('./json').JsonObject;
  Comment?: string;
  ResultPath?: never;
}
