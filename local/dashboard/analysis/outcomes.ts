/**
 * What happened to each state of an execution: succeeded, retried (and then succeeded),
 * caught (its error went to a Catch), failed, still running, cancelled (its branch was
 * stopped) or not reached.
 */
import type { MonitoredStatus } from '../source';
import { depthOf, type StateVisit } from './visits';

/** What happened to a state. */
export type StateOutcome = 'succeeded' | 'retried' | 'caught' | 'failed' | 'running' | 'cancelled' | 'notReached';

/** Worst first: when a state was visited more than once, the worst outcome names it. */
const SEVERITY: readonly StateOutcome[] = ['failed', 'caught', 'retried', 'running', 'cancelled', 'succeeded', 'notReached'];

/** Task retries a visit made: every attempt after the first. */
export const retriesOf = (visit: StateVisit): number => Math.max(0, visit.attempts.length - 1);

/** True when the visit's last error was not followed by another attempt. */
const endedInError = (visit: StateVisit): boolean => {
  const last = visit.failures[visit.failures.length - 1];
  if (last === undefined) return false;
  const lastAttempt = visit.attempts[visit.attempts.length - 1];
  return lastAttempt === undefined || lastAttempt.scheduledEventId < last.eventId;
};

/** What happened in one visit, given the execution's status. */
export function visitOutcome(visit: StateVisit, status: MonitoredStatus): StateOutcome {
  if (visit.exitedEventId === undefined) {
    if (visit.type === 'Fail' || visit.executionFailure !== undefined || endedInError(visit)) return 'failed';
    return status === 'RUNNING' ? 'running' : 'cancelled';
  }
  if (visit.failures.length === 0) return 'succeeded';
  return endedInError(visit) ? 'caught' : 'retried';
}

/** The worse of two outcomes. */
export const worseOutcome = (a: StateOutcome, b: StateOutcome): StateOutcome =>
  SEVERITY.indexOf(a) <= SEVERITY.indexOf(b) ? a : b;

/** One state of an execution, over all its visits. */
export interface StateReport {
  readonly name: string;
  readonly outcome: StateOutcome;
  readonly visits: number;
  readonly retries: number;
  /** Time spent in the state, summed over its finished visits. */
  readonly durationMs: number;
  /** The last error it met, if any. */
  readonly error?: string;
  readonly cause?: string;
}

/** One row of an execution's timeline. */
export interface TimelineEntry {
  readonly name: string;
  readonly type: string;
  readonly enteredAt: string;
  /** When it exited, or its last event. */
  readonly endedAt: string;
  readonly durationMs: number;
  readonly outcome: StateOutcome;
  readonly retries: number;
  /** Nesting in Parallel branches and Map iterations. */
  readonly depth: number;
  readonly error?: string;
}

const durationOf = (visit: StateVisit): number => Date.parse(visit.exitedAt ?? visit.lastEventAt) - Date.parse(visit.enteredAt);

/** Every state of the definition, in its order, with what happened to it. */
export function stateReports(stateNames: readonly string[], visits: readonly StateVisit[], status: MonitoredStatus): StateReport[] {
  const byName = new Map<string, StateVisit[]>();
  for (const v of visits) {
    const seen = byName.get(v.name);
    if (seen === undefined) byName.set(v.name, [v]);
    else seen.push(v);
  }
  // States found only in the history (a definition changed since) are reported too.
  const names = [...stateNames, ...[...byName.keys()].filter((n) => !stateNames.includes(n))];
  return names.map((name): StateReport => {
    const seen = byName.get(name) ?? [];
    if (seen.length === 0) return { name, outcome: 'notReached', visits: 0, retries: 0, durationMs: 0 };
    const lastFailure = seen.flatMap((v) => [...v.failures, ...(v.executionFailure ? [v.executionFailure] : [])]).pop();
    return {
      name,
      outcome: seen.map((v) => visitOutcome(v, status)).reduce(worseOutcome),
      visits: seen.length,
      retries: seen.reduce((n, v) => n + retriesOf(v), 0),
      durationMs: seen.filter((v) => v.exitedAt !== undefined).reduce((n, v) => n + durationOf(v), 0),
      ...(lastFailure?.error !== undefined ? { error: lastFailure.error } : {}),
      ...(lastFailure?.cause !== undefined ? { cause: lastFailure.cause } : {}),
    };
  });
}

/** The visits as a timeline, in the order the states were entered. */
export function timeline(visits: readonly StateVisit[], status: MonitoredStatus): TimelineEntry[] {
  return visits.map((v) => {
    const error = v.failures[v.failures.length - 1]?.error ?? v.executionFailure?.error;
    return {
      name: v.name,
      type: v.type,
      enteredAt: v.enteredAt,
      endedAt: v.exitedAt ?? v.lastEventAt,
      durationMs: durationOf(v),
      outcome: visitOutcome(v, status),
      retries: retriesOf(v),
      depth: depthOf(v),
      ...(error !== undefined ? { error } : {}),
    };
  });
}
