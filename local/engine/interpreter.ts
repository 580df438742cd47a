import { SleepAbortedError } from './clock';
import { Catcher, StateDefinition } from './definition';
import { evaluateAssign, jsonataOutput, inStateSync } from './dataflow';
import { StatesError, StatesErrorName } from './errors';
import { reportEvaluationFailure } from './evaluationEvents';
import * as jsonModule from './json';
import { Json } from './json';
import * as jp from './query/jsonPath';
import { isScopeFailure } from './states/scopes';
import { findCatcher, findRetrier, maxAttempts, retryDelayMs } from './retry';
import * as runtimeModule from './runtime';
import { Frame, ExecutionRuntime, StateContext, StateResult } from './runtime';
import { runChoice, runChoiceJsonPath } from './states/choice';
import { runFail } from './states/fail';
import { runMap } from './states/map';
import { runParallel } from './states/parallel';
import { runPass, runPassJsonPath } from './states/pass';
import { runSucceed, runSucceedJsonPath } from './states/succeed';
import { runTask } from './states/task';
import { runWait } from './states/wait';

// Bound once at load: under tsx (esbuild) every use of a named import is a call to a getter.
const { exceedsByteSize } = jsonModule;
const StateContextClass = runtimeModule.StateContext;

type Runner = (sc: StateContext, raw: Json) => Promise<StateResult>;

const NOT_TRUNCATED = Object.freeze({ truncated: false });

const EVENT_NAMES = Object.fromEntries(
  ['Task', 'Pass', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map'].map((t) => [t, { entered: `${t}StateEntered`, exited: `${t}StateExited` }]),
) as Record<StateDefinition['Type'], { entered: string; exited: string }>;

const RUNNERS: Record<StateDefinition['Type'], Runner> = {
  Pass: runPass,
  Task: runTask,
  Choice: runChoice,
  Wait: runWait,
  Succeed: runSucceed,
  Fail: runFail,
  Parallel: (sc, raw) => runParallel(sc, raw, runScope),
  Map: (sc, raw) => runMap(sc, raw, runScope),
};

type SyncRunner = (sc: StateContext, raw: Json) => StateResult;

/** The states that Retry and Catch apply to. */
const RETRIABLE: Partial<Record<StateDefinition['Type'], true>> = { Task: true, Parallel: true, Map: true };

/** States that need no await in JSONPath: run in a plain loop, without a promise each. */
const JSONPATH_SYNC_RUNNERS: Partial<Record<StateDefinition['Type'], SyncRunner>> = {
  Pass: runPassJsonPath,
  Choice: runChoiceJsonPath,
  Succeed: runSucceedJsonPath,
};

/** Converts anything a state throws into the StatesError AWS would report. */
export function asStatesError(e: unknown): StatesError {
  if (e instanceof StatesError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new StatesError(StatesErrorName.Runtime, message);
}

/**
 * Runs a scope (the execution's top level, a branch or an iteration) from `start` until a state
 * ends it, and resolves with its output. A failure rejects with a StatesError.
 * At the top level, the runtime hears of each next state before it begins (it checkpoints there).
 */
export async function runScope(
  runtime: ExecutionRuntime,
  frame: Frame,
  start: string,
  input: Json,
): Promise<Json> {
  let name = start;
  let current = input;
  // The time an awaiting state exited at: the next state enters at it, in the same run of this loop.
  let exitedAt: number | undefined;
  for (;;) {
    const state = frame.machine.States[name];
    const sync = (state.QueryLanguage ?? frame.language) === 'JSONPath' ? JSONPATH_SYNC_RUNNERS[state.Type] : undefined;
    let result: StateResult;
    if (sync !== undefined) {
      result = runStateSync(runtime, frame, name, current, sync, exitedAt);
      exitedAt = undefined; // a run of such states reads the clock again for the one after
    } else {
      // A state that awaits runs here rather than in an async function of its own: one promise
      // and one suspended frame less for every Task, Parallel and Map.
      const raw = current;
      const sc = enterState(runtime, frame, name, raw, exitedAt);
      try {
        try {
          result = await RUNNERS[state.Type](sc, raw);
        } catch (e) {
          if (!RETRIABLE[state.Type]) throw e;
          result = await retryOrCatch(sc, raw, e);
        }
        exitedAt = runtime.clock.now();
        result = exitState(sc, raw, result, exitedAt);
      } catch (e) {
        throw stateFailure(sc, e);
      }
    }
    if (result.next === undefined) return result.output;
    name = result.next;
    current = result.output;
    if (frame.topLevel) runtime.transition(name, current);
  }
}

/**
 * The attempts of a Task, Parallel or Map state after the first failed, as its Retry and Catch
 * say (see recover): its result, or the error it fails with. A function of its own, so that the
 * frame runScope keeps across every await stays small.
 */
async function retryOrCatch(sc: StateContext, raw: Json, first: unknown): Promise<StateResult> {
  const runner = RUNNERS[sc.state.Type];
  const attempts = (sc.state.Retry ?? []).map(() => 0);
  let e = first;
  for (;;) {
    const recovery = recover(sc, raw, e, attempts);
    if (typeof recovery !== 'number') return recovery;
    await sc.runtime.clock.sleep(recovery, sc.signal);
    try {
      return await runner(sc, raw);
    } catch (next) {
      e = next;
    }
  }
}

/** Records a state's entered event (at `now`, when the caller has just read the clock) and makes its context. */
function enterState(runtime: ExecutionRuntime, frame: Frame, name: string, raw: Json, now?: number): StateContext {
  const state = frame.machine.States[name];
  const enteredAt = now ?? runtime.clock.now();
  const enteredEventId = runtime.history.addPayload(frame.lane, EVENT_NAMES[state.Type].entered, name, raw, enteredAt);
  return new StateContextClass(runtime, frame, name, state, enteredEventId, enteredAt);
}

/**
 * Checks a state's output, applies its Assign and records its exited event at `now` (a state that
 * ran without awaiting exits when it entered).
 */
function exitState(sc: StateContext, raw: Json, result: StateResult, now: number): StateResult {
  const { runtime, frame, name, state } = sc;
  if (result.output !== raw && exceedsByteSize(result.output, runtime.payloadLimitBytes)) {
    throw new StatesError(
      StatesErrorName.DataLimitExceeded,
      `The state/task '${name}' returned a result with a size exceeding the maximum number of bytes service limit.`,
    );
  }
  if (result.assigned === undefined) {
    runtime.history.addPayload(frame.lane, EVENT_NAMES[state.Type].exited, name, result.output, now);
  } else {
    frame.variables = { ...frame.variables, ...result.assigned }; // copy on write: checkpoints and child scopes share the old one
    const exitDetails = { name, output: result.output, outputDetails: NOT_TRUNCATED, assignedVariables: result.assigned, assignedVariablesDetails: { truncated: false } };
    runtime.history.add(frame.lane, EVENT_NAMES[state.Type].exited, exitDetails, now);
  }
  return result;
}

/** Records how a state failed and returns the error its scope fails with. */
function stateFailure(sc: StateContext, e: unknown): Error {
  const { runtime, frame, state } = sc;
  if (e instanceof SleepAbortedError || frame.signal.aborted) {
    runtime.history.add(frame.lane, `${state.Type}StateAborted`);
    return e instanceof SleepAbortedError ? e : new SleepAbortedError();
  }
  reportEvaluationFailure(sc, e);
  // In a branch or iteration, AWS closes a state that failed (other than Fail) as aborted.
  if (!frame.topLevel && state.Type !== 'Fail') runtime.history.add(frame.lane, `${state.Type}StateAborted`);
  return asStatesError(e);
}

function runStateSync(runtime: ExecutionRuntime, frame: Frame, name: string, raw: Json, runner: SyncRunner, now: number | undefined): StateResult {
  const sc = enterState(runtime, frame, name, raw, now);
  try {
    return exitState(sc, raw, runner(sc, raw), sc.enteredAt);
  } catch (e) {
    throw stateFailure(sc, e);
  }
}

/**
 * What a Task, Parallel or Map state does after an attempt failed: the delay before the retry
 * (counted in `attempts`, one count per retrier), or the caught error's result; throws when
 * neither a retrier nor a catcher takes the error.
 */
function recover(sc: StateContext, raw: Json, e: unknown, attempts: number[]): number | Promise<StateResult> {
  if (e instanceof SleepAbortedError || sc.signal.aborted) throw e;
  reportEvaluationFailure(sc, e);
  const error = asStatesError(e);
  const retriers = sc.state.Retry ?? [];
  const r = findRetrier(retriers, error.error);
  if (r >= 0 && attempts[r] < maxAttempts(retriers[r])) {
    const delay = retryDelayMs(retriers[r], attempts[r], sc.runtime.random);
    attempts[r]++;
    sc.retryCount++;
    return delay;
  }
  if ((sc.state.Type === 'Map' || sc.state.Type === 'Parallel') && (error.error !== StatesErrorName.Runtime || isScopeFailure(e))) {
    sc.event(`${sc.state.Type}StateFailed`);
  }
  const catcher = findCatcher(sc.state.Catch ?? [], error.error);
  if (catcher === undefined) throw error;
  return caught(sc, raw, catcher, error);
}

/** The output, next state and Assign of a caught error. */
async function caught(sc: StateContext, raw: Json, catcher: Catcher, error: StatesError): Promise<StateResult> {
  const errorOutput: Record<string, Json> = { Error: error.error };
  if (error.cause !== undefined) errorOutput.Cause = error.cause;
  if (sc.language === 'JSONata') {
    const scope = { input: raw, errorOutput };
    const assigned = await evaluateAssign(sc, catcher.Assign, errorOutput, scope);
    const output = await jsonataOutput(sc, catcher.Output, errorOutput, scope);
    return { output, next: catcher.Next, assigned };
  }
  const output = inStateSync(sc, () => jp.applyResultPath(raw, catcher.ResultPath, errorOutput));
  const assigned = await evaluateAssign(sc, catcher.Assign, errorOutput, { input: raw });
  return { output, next: catcher.Next, assigned };
}
