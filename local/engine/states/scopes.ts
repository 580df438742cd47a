import { Cancellation } from '../cancellation';
import { SleepAbortedError } from '../clock';
import { StateMachineDefinition } from '../definition';
import { Json } from '../json';
import { ExecutionRuntime, Frame, StateContext } from '../runtime';

/** How Parallel and Map run a nested scope (the interpreter's runScope). */
export type ScopeRunner = (runtime: ExecutionRuntime, frame: Frame, start: string, input: Json) => Promise<Json>;

/** A child scope of a Parallel branch or Map iteration, on its own history lane. */
export function childFrame(
  sc: StateContext,
  machine: StateMachineDefinition,
  laneKey: string,
  signal: Cancellation,
  lastEventId: number,
  mapItem?: { index: number; value: Json },
): Frame {
  return {
    machine,
    language: machine.QueryLanguage ?? sc.frame.language,
    variables: sc.frame.variables, // shared: Assign in the child makes its own copy
    lane: { key: laneKey, count: 0, last: lastEventId },
    signal,
    mapItem,
    topLevel: false,
  };
}


/**
 * What a redrive carries over for this state's branches or iterations, by index (the outputs of
 * those that succeeded before: they are not run again; see RedriveCarry): only for the top-level
 * Parallel or Map the redrive starts from, at its first attempt; else undefined.
 */
export function redriveCarried(sc: StateContext): ReadonlyMap<number, Json> | undefined {
  return sc.frame.topLevel ? sc.runtime.takeRedriveCarry(sc.name) : undefined;
}

/** True for the rejection of a scope that was stopped, not one that failed. */
export function isAbort(e: unknown): boolean {
  return e instanceof SleepAbortedError;
}

const scopeFailures = new WeakSet<object>();

/** Marks an error as the failure of a branch or iteration (not of the state's own fields). */
export function markScopeFailure<T>(error: T): T {
  if (typeof error === 'object' && error !== null) scopeFailures.add(error);
  return error;
}

/** True for an error a branch or iteration failed with. */
export function isScopeFailure(error: unknown): boolean {
  return typeof error === 'object' && error !== null && scopeFailures.has(error);
}
