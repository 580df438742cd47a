import { Catcher, Retrier } from './definition';
import { StatesErrorName } from './errors';

/** Errors `States.ALL` does not match: AWS ends the execution on them, whatever the Catch says. */
const TERMINAL = new Set<string>([StatesErrorName.Runtime, StatesErrorName.DataLimitExceeded]);

/**
 * Whether an ErrorEquals list matches an error: by name, by `States.ALL` (anything but the
 * terminal errors), or by `States.TaskFailed` (any error but States.Timeout and the terminal ones).
 */
export function errorMatches(errorEquals: readonly string[], error: string): boolean {
  if (errorEquals.includes(error)) return true;
  if (TERMINAL.has(error)) return false;
  if (errorEquals.includes(StatesErrorName.ALL)) return true;
  return errorEquals.includes(StatesErrorName.TaskFailed) && error !== StatesErrorName.Timeout;
}

/** The first retrier whose ErrorEquals matches (AWS never looks further), or -1. */
export function findRetrier(retriers: readonly Retrier[], error: string): number {
  if (error === StatesErrorName.Runtime) return -1; // never retried
  return retriers.findIndex((r) => errorMatches(r.ErrorEquals, error));
}

/** The first catcher whose ErrorEquals matches, or undefined. */
export function findCatcher(catchers: readonly Catcher[], error: string): Catcher | undefined {
  if (error === StatesErrorName.Runtime) return undefined;
  return catchers.find((c) => errorMatches(c.ErrorEquals, error));
}

/** How many times a retrier retries. @default 3 */
export function maxAttempts(retrier: Retrier): number {
  return retrier.MaxAttempts ?? 3;
}

/**
 * The wait before retry number `attempt` (0-based) of a retrier, in milliseconds:
 * IntervalSeconds × BackoffRate^attempt, capped by MaxDelaySeconds, then with JitterStrategy
 * FULL a uniformly random share of it.
 */
export function retryDelayMs(retrier: Retrier, attempt: number, random: () => number = Math.random): number {
  const interval = retrier.IntervalSeconds ?? 1;
  const rate = retrier.BackoffRate ?? 2;
  let seconds = interval * Math.pow(rate, attempt);
  if (retrier.MaxDelaySeconds !== undefined) seconds = Math.min(seconds, retrier.MaxDelaySeconds);
  if (retrier.JitterStrategy === 'FULL') seconds = random() * seconds;
  return Math.round(seconds * 1000);
}
