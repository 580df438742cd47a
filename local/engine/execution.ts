import { Cancellation } from './cancellation';
import { Clock, SleepAbortedError } from './clock';
import { ExecutionContext } from './context';
import { StateMachineDefinition } from './definition';
import { StatesError, StatesErrorName } from './errors';
import { HistoryRecorder, Lane } from './history';
import { asStatesError, runScope } from './interpreter';
import { Json } from './json';
import { ExecutionRuntime, Frame, Memo, TopLevelCheckpoint, payloadDetails } from './runtime';
import { FailStateError } from './states/fail';
import { ExecutionRecord, ExecutionStatus, ExecutionStore } from './store/types';
import { InvokeTask } from './tasks';
import { isoTimestamp } from './timestamps';

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
  | { kind: 'start'; history: HistoryRecorder }
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
  const history = start.kind === 'start' ? start.history : new HistoryRecorder(clock, store.getHistory(arn));
  // A store may have lost the ExecutionStarted step in a crash (it is written with the next step).
  if (start.kind === 'resume' && !history.wasReplayed(`${STARTED_LANE}#0`)) {
    history.add({ key: STARTED_LANE, count: 0, last: 0 }, 'ExecutionStarted', { ...payloadDetails('input', execution.input), roleArn: execution.roleArn });
  }
  const memo = new Memo(start.kind === 'resume' ? store.getMemo(arn) : []);
  const checkpoint = start.kind === 'start' ? undefined : record.checkpoint;
  const lane: Lane = checkpoint
    ? start.kind === 'redrive'
      ? { key: `r${record.redriveCount}`, count: 0, last: history.size }
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
  const runtime = new TopLevelRuntime(deps, arn, execution, history, memo, frame, start.kind === 'start');
  const startState = checkpoint?.state ?? definition.StartAt;
  const startInput = checkpoint ? checkpoint.input : execution.input;
  if (start.kind === 'start' || start.kind === 'redrive') runtime.transition(startState, startInput);

  let outcome: ExecutionOutcome;
  const timeout = typeof definition.TimeoutSeconds === 'number' ? definition.TimeoutSeconds : undefined;
  const timer = timeout === undefined ? undefined : new Cancellation();
  try {
    // Express executions take no checkpoints: no transition callback.
    const run = runScope(runtime, frame, startState, startInput, deps.durable ? (next, input) => runtime.transition(next, input) : undefined);
    let output: Json;
    if (timeout === undefined) {
      output = await run;
    } else {
      const remaining = Date.parse(record.startDate) + timeout * 1000 - clock.now();
      const expired = clock.sleep(Math.max(0, remaining), timer).then(
        () => {
          scopeAbort.cancel();
          throw new StatesError(StatesErrorName.Timeout, `The execution timed out after ${timeout} seconds`);
        },
        () => new Promise<Json>(() => undefined),
      );
      output = await Promise.race([run, expired]);
    }
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
  const stopMillis = clock.now();
  if (outcome.status === 'SUCCEEDED') {
    history.add(top, 'ExecutionSucceeded', payloadDetails('output', outcome.output), stopMillis);
  } else {
    const errorDetails: Record<string, unknown> = {};
    if (outcome.error !== undefined) errorDetails.error = outcome.error;
    if (outcome.cause !== undefined) errorDetails.cause = outcome.cause;
    const type = outcome.status === 'FAILED' ? 'ExecutionFailed' : outcome.status === 'TIMED_OUT' ? 'ExecutionTimedOut' : 'ExecutionAborted';
    history.add(top, type, errorDetails, stopMillis);
  }
  const finished: Partial<ExecutionRecord> = { status: outcome.status, stopDate: isoTimestamp(stopMillis) };
  if (outcome.status === 'SUCCEEDED') finished.output = JSON.stringify(outcome.output ?? null);
  finished.error = outcome.error;
  finished.cause = outcome.cause;
  runtime.finish(finished);
  return outcome;
}

/**
 * What the states of one execution share (see {@link ExecutionRuntime}), and the top level's
 * checkpoints. A class rather than closures: one object per execution.
 */
class TopLevelRuntime implements ExecutionRuntime {
  public readonly invokeTask: InvokeTask;
  public readonly clock: Clock;
  public readonly payloadLimitBytes: number;
  public readonly random: () => number;
  /**
   * The latest top-level transition, written as the checkpoint of the next step (a task outcome,
   * a wait, the end). Pure states between two steps are replayed on resume; their events dedupe
   * by key. Kept as fields, and made into a checkpoint only when a step writes it.
   */
  private checkpointDue = false;
  private nextState = '';
  private nextInput: Json = null;
  private nextVariables: Record<string, Json> = {};
  private nextCount = 0;
  private nextLast = 0;

  public constructor(
    private readonly deps: ExecutionRunDeps,
    private readonly arn: string,
    public readonly execution: ExecutionContext,
    public readonly history: HistoryRecorder,
    public readonly memo: Memo,
    private readonly frame: Frame,
    /** A fresh execution's row may itself wait for the group write: flush before its first task. */
    private unsyncedOutcomes: boolean,
  ) {
    this.invokeTask = deps.invokeTask;
    this.clock = deps.clock;
    this.payloadLimitBytes = deps.payloadLimitBytes;
    this.random = deps.random;
  }

  /** The top level is about to run `state` on `input`: where a resume would start. */
  public transition(state: string, input: Json): void {
    if (!this.deps.durable) return; // Express executions keep only their outcome
    const { lane } = this.frame;
    this.checkpointDue = true;
    this.nextState = state;
    this.nextInput = input;
    this.nextVariables = this.frame.variables; // never mutated: a state's Assign makes a new object
    this.nextCount = lane.count;
    this.nextLast = lane.last;
  }

  public commit(): void {
    if (!this.deps.durable) return;
    const events = this.history.takePending();
    const entries = this.memo.takePending();
    const checkpoint = this.takeCheckpoint();
    this.deps.store.commitStep(this.arn, { events, memo: entries, execution: checkpoint ? { checkpoint } : undefined });
    if (entries.length > 0) this.unsyncedOutcomes = true;
  }

  public sync(): Promise<void> | undefined {
    if (!this.unsyncedOutcomes || this.deps.store.flush === undefined) return undefined;
    this.unsyncedOutcomes = false;
    return this.deps.flushBarrier();
  }

  /** The checkpoint of the latest transition, if no step has written it yet. */
  private takeCheckpoint(): TopLevelCheckpoint | undefined {
    if (!this.checkpointDue) return undefined;
    this.checkpointDue = false;
    return {
      state: this.nextState,
      input: this.nextInput,
      variables: this.nextVariables,
      lane: { key: this.frame.lane.key, count: this.nextCount, last: this.nextLast },
    };
  }

  /** Commits the last step, with the execution's outcome (and a checkpoint not written yet). */
  public finish(finished: Partial<ExecutionRecord>): void {
    const checkpoint = this.takeCheckpoint();
    if (checkpoint !== undefined) finished.checkpoint = checkpoint;
    this.deps.store.commitStep(this.arn, { events: this.history.takePending(), memo: this.memo.takePending(), execution: finished });
  }
}
