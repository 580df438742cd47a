/**
 * Why an execution failed: the state where it went wrong, the error and cause, the input that
 * state received, the attempts it made, and what ran after it (the compensation).
 */
import type { MonitoredExecution } from '../source';
import { visitOutcome, type StateOutcome } from './outcomes';
import type { StateVisit, TaskAttempt } from './visits';

/** How the failure point was found. */
export type FailureKind =
  /** A state's error was not caught: it failed the execution (or its branch). */
  | 'uncaught'
  /** A state's error went to a Catch, whose path led to the failure. */
  | 'caught'
  /** No state raised an error; the Fail state's failure record names the step (`step`). */
  | 'reported'
  /** Only the Fail state is known. */
  | 'failState';

/** The state where the execution went wrong. */
export interface FailurePoint {
  readonly state: string;
  readonly type: string;
  readonly kind: FailureKind;
  readonly error?: string;
  readonly cause?: string;
  /** The input the state received, JSON text. */
  readonly input?: string;
  readonly enteredAt: string;
}

/** A state that ran after the failure point. */
export interface StateAfterFailure {
  readonly state: string;
  readonly type: string;
  readonly enteredAt: string;
  readonly outcome: StateOutcome;
}

/** The error analysis of one execution. */
export interface FailureAnalysis {
  readonly executionArn: string;
  readonly status: MonitoredExecution['status'];
  readonly error?: string;
  readonly cause?: string;
  readonly failurePoint?: FailurePoint;
  /** Every attempt the failed state made; more than one means it retried. */
  readonly attempts: readonly TaskAttempt[];
  readonly retries: number;
  /** The states entered after the failure, in order: the compensation and the failure notice. */
  readonly after: readonly StateAfterFailure[];
}

const hasFinalError = (v: StateVisit): boolean => {
  const last = v.failures[v.failures.length - 1];
  if (last === undefined) return false;
  const attempt = v.attempts[v.attempts.length - 1];
  return attempt === undefined || attempt.scheduledEventId < last.eventId;
};

/** Reads `$.a.b` from JSON text; undefined for anything else. */
const readSimplePath = (json: string | undefined, path: string): unknown => {
  if (json === undefined || !/^\$(\.[A-Za-z_][A-Za-z0-9_]*)+$/.test(path)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  for (const key of path.slice(2).split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    value = Object.prototype.hasOwnProperty.call(value, key) ? (Reflect.get(value, key) as unknown) : undefined;
  }
  return value;
};

/**
 * Analyses an execution's failure.
 * @param errorPathOf the `ErrorPath` of a Fail state, by name (its parent object is read for a `step`)
 */
export function analyseFailure(
  execution: MonitoredExecution,
  visits: readonly StateVisit[],
  errorPathOf: (failState: string) => string | undefined = () => undefined,
): FailureAnalysis {
  const base = {
    executionArn: execution.executionArn,
    status: execution.status,
    ...(execution.error !== undefined ? { error: execution.error } : {}),
    ...(execution.cause !== undefined ? { cause: execution.cause } : {}),
  };
  let point: { visit: StateVisit; kind: FailureKind; afterEventId: number; error?: string; cause?: string } | undefined;

  const erred = visits.find((v) => hasFinalError(v) || (v.executionFailure !== undefined && v.type !== 'Fail'));
  if (erred !== undefined) {
    const last = erred.failures[erred.failures.length - 1];
    const failure = last ?? erred.executionFailure;
    point = {
      visit: erred,
      kind: erred.exitedEventId === undefined ? 'uncaught' : 'caught',
      afterEventId: last?.eventId ?? erred.lastEventId,
      error: failure?.error,
      cause: failure?.cause,
    };
  } else {
    const fail = visits.find((v) => v.type === 'Fail');
    if (fail !== undefined) {
      const errorPath = errorPathOf(fail.name);
      const record = errorPath === undefined ? undefined : readSimplePath(fail.input, errorPath.replace(/\.[^.]+$/, ''));
      const step = typeof record === 'object' && record !== null && 'step' in record ? record.step : undefined;
      const reported = typeof step === 'string' ? [...visits].reverse().find((v) => v.name === step) : undefined;
      point =
        reported !== undefined
          ? { visit: reported, kind: 'reported', afterEventId: reported.exitedEventId ?? reported.lastEventId, error: execution.error, cause: execution.cause }
          : { visit: fail, kind: 'failState', afterEventId: fail.enteredEventId - 1, error: execution.error, cause: execution.cause };
    }
  }
  if (point === undefined) return { ...base, attempts: [], retries: 0, after: [] };
  const { visit } = point;
  return {
    ...base,
    failurePoint: {
      state: visit.name,
      type: visit.type,
      kind: point.kind,
      ...(point.error !== undefined ? { error: point.error } : {}),
      ...(point.cause !== undefined ? { cause: point.cause } : {}),
      ...(visit.input !== undefined ? { input: visit.input } : {}),
      enteredAt: visit.enteredAt,
    },
    attempts: visit.attempts,
    retries: Math.max(0, visit.attempts.length - 1),
    after: visits
      .filter((v) => v.enteredEventId > point.afterEventId)
      .map((v) => ({ state: v.name, type: v.type, enteredAt: v.enteredAt, outcome: visitOutcome(v, execution.status) })),
  };
}
