import { Cancellation } from './cancellation';
import { Clock, SleepAbortedError } from './clock';
import { ExecutionContext } from './context';
import { StateMachineDefinition } from './definition';
import { StatesError, StatesErrorName } from './errors';
import { HistoryEvent, HistoryRecorder, Lane } from './history';
import { asStatesError, runScope } from './interpreter';
import { Json } from './json';
import { ExecutionRuntime, Frame, Memo, TopLevelCheckpoint, payloadDetails } from './runtime';
import { FailStateError } from './states/fail';
import { ExecutionRecord, ExecutionStatus, ExecutionStore } from './store/types';
import { InvokeTask } from './tasks';

/** The lane of the ExecutionStarted event, recorded when the execution is created. */
export const STARTED_LANE = 'start';

/** How an execution ended. */
export interface ExecutionOutcome {
  status: Exclude<ExecutionStatus, 'RUNNING' | 'PENDING_REDRIVE'>;
  output?: Json;
  error?: string;
  cause?: string;
}

/** Why an execution was stopped from outside. */
export class ExecutionStopped extends Error {
  public constructor(
    public readonly error?: string,
    public readonly stopCause?: string,
  ) {
    super('execution stopped');
    this.name = 'ExecutionStopped';
  }
}

/** What running one execution needs. */
export interface ExecutionRunDeps {
  store: ExecutionStore;
  clock: Clock;
  invokeTask: InvokeTask;
  payloadLimitBytes: number;
  random: () => number;
  /** Skip per-step checkpoints (Express executions keep only their outcome). */
  durable: boolean;
  /** Resolves once the store has written what was committed before the call (shared by all executions). */
  flushBarrier: () => Promise<void>;
}

/** Where a run starts: fresh (with its ExecutionStarted event), resumed after a crash, or redriven. */
export type RunStart =
  | { kind: 'start'; started: HistoryEvent[] }
  | { kind: 'resume' }
  | { kind: 'redrive' };

/**
 * Runs one execution to its end, recording history, task outcomes and checkpoints in the store.
 * `record` must already be in the store (with its ExecutionStarted event for a fresh start).
 */
export async function runExecution(
  deps: ExecutionRunDeps,
  record: ExecutionRecord,
  definition: StateMachineDefinition,
  execution: ExecutionContext,
  start: RunStart,
  stop: Cancellation,
): Promise<ExecutionOutcome> {
  const { store, clock } = deps;
  const arn = record.executionArn;
  const history = new HistoryRecorder(clock, start.kind === 'start' ? [] : store.getHistory(arn));
  if (start.kind === 'start') history.events.push(...start.started);
  // A store may have lost the ExecutionStarted step in a crash (it is written with the next step).
  if (start.kind === 'resume' && !history.wasReplayed(`${STARTED_LANE}#0`)) {
    history.add({ key: STARTED_LANE, count: 0, last: 0 }, 'ExecutionStarted', { ...payloadDetails('input', execution.input), roleArn: execution.roleArn });
  }
  const memo = new Memo(start.kind === 'resume' ? store.getMemo(arn) : []);
  const checkpoint = start.kind === 'start' ? undefined : record.checkpoint;
  const lane: Lane = checkpoint
    ? start.kind === 'redrive'
      ? { key: `r${record.redriveCount}`, count: 0, last: history.events.length }
      : { ...checkpoint.lane }
    : { key: 't', count: 0, last: 0 };
  const scopeAbort = stop.child();
  const frame: Frame = {
    machine: definition,
    language: definition.QueryLanguage ?? 'JSONPath',
    variables: checkpoint ? checkpoint.variables : {},
    lane,
    signal: scopeAbort,
    topLevel: true,
  };
  // The latest top-level checkpoint, written with the next step (a task outcome, a wait, the end).
  // Pure states between two steps are replayed on resume; their events dedupe by key.
  let checkpointToWrite: TopLevelCheckpoint | undefined;
  const commit = (cp?: TopLevelCheckpoint): void => {
    if (cp !== undefined) {
      checkpointToWrite = cp;
      return;
    }
    const events = history.takePending();
    const entries = memo.takePending();
    store.commitStep(arn, { events, memo: entries, execution: checkpointToWrite ? { checkpoint: checkpointToWrite } : undefined });
    checkpointToWrite = undefined;
    if (entries.length > 0) unsyncedOutcomes = true;
  };
  // A fresh execution's row may itself wait for the group write: flush before its first task.
  let unsyncedOutcomes = start.kind === 'start';
  const runtime: ExecutionRuntime = {
    execution,
    invokeTask: deps.invokeTask,
    clock,
    history,
    memo,
    commit: (cp) => {
      if (deps.durable) commit(cp);
    },
    sync: () => {
      if (!unsyncedOutcomes || store.flush === undefined) return undefined;
      unsyncedOutcomes = false;
      return deps.flushBarrier();
    },
    payloadLimitBytes: deps.payloadLimitBytes,
    random: deps.random,
  };
  const checkpointAt = (state: string, input: Json): TopLevelCheckpoint => ({
    state,
    input,
    variables: frame.variables, // never mutated: a state's Assign makes a new object
    lane: { key: frame.lane.key, count: frame.lane.count, last: frame.lane.last },
  });
  const startState = checkpoint?.state ?? definition.StartAt;
  const startInput = checkpoint ? checkpoint.input : execution.input;
  if (start.kind === 'start' || start.kind === 'redrive') runtime.commit(checkpointAt(startState, startInput));

  let outcome: ExecutionOutcome;
  const timeout = typeof definition.TimeoutSeconds === 'number' ? definition.TimeoutSeconds : undefined;
  const timer = timeout === undefined ? undefined : new Cancellation();
  try {
    const runs: Array<Promise<Json>> = [runScope(runtime, frame, startState, startInput, (next, input) => runtime.commit(checkpointAt(next, input)))];
    if (timeout !== undefined) {
      const remaining = Date.parse(record.startDate) + timeout * 1000 - clock.now();
      runs.push(
        clock.sleep(Math.max(0, remaining), timer).then(
          () => {
            scopeAbort.cancel();
            throw new StatesError(StatesErrorName.Timeout, `The execution timed out after ${timeout} seconds`);
          },
          () => new Promise<Json>(() => undefined),
        ),
      );
    }
    const output = await Promise.race(runs);
    outcome = { status: 'SUCCEEDED', output };
  } catch (e) {
    if (stop.aborted) {
      const reason = stop.reason instanceof ExecutionStopped ? stop.reason : new ExecutionStopped();
      outcome = { status: 'ABORTED', error: reason.error, cause: reason.stopCause };
    } else if (e instanceof SleepAbortedError) {
      outcome = { status: 'ABORTED' };
    } else if (e instanceof StatesError && e.error === StatesErrorName.Timeout && e.cause?.startsWith('The execution timed out')) {
      outcome = { status: 'TIMED_OUT', error: StatesErrorName.Timeout };
    } else {
      const err = asStatesError(e);
      const error = e instanceof FailStateError ? e.failError : err.error;
      outcome = { status: 'FAILED', error, cause: err.cause };
    }
  } finally {
    timer?.cancel();
    scopeAbort.release();
  }
  const top: Lane = frame.lane;
  const errorDetails = { ...(outcome.error !== undefined ? { error: outcome.error } : {}), ...(outcome.cause !== undefined ? { cause: outcome.cause } : {}) };
  if (outcome.status === 'SUCCEEDED') history.add(top, 'ExecutionSucceeded', payloadDetails('output', outcome.output));
  else if (outcome.status === 'FAILED') history.add(top, 'ExecutionFailed', errorDetails);
  else if (outcome.status === 'TIMED_OUT') history.add(top, 'ExecutionTimedOut', errorDetails);
  else history.add(top, 'ExecutionAborted', errorDetails);
  const finished: Partial<ExecutionRecord> = {
    status: outcome.status,
    stopDate: new Date(clock.now()).toISOString(),
    ...(outcome.status === 'SUCCEEDED' ? { output: JSON.stringify(outcome.output ?? null) } : {}),
    error: outcome.error,
    cause: outcome.cause,
  };
  if (checkpointToWrite !== undefined) finished.checkpoint = checkpointToWrite;
  store.commitStep(arn, { events: history.takePending(), memo: memo.takePending(), execution: finished });
  return outcome;
}
