import { Cancellation } from './cancellation';
import { Clock, SleepAbortedError } from './clock';
import { ExecutionContext } from './context';
import { StateMachineDefinition } from './definition';
import { StatesError, StatesErrorName } from './errors';
import { HistoryRecorder, Lane, RecordedEvent } from './history';
import * as interpreterModule from './interpreter';
import { Json } from './json';
import { JsonText } from './jsonText';
import * as runtimeModule from './runtime';
import { ExecutionRuntime, Frame, Memo, TopLevelCheckpoint } from './runtime';
import { RedriveCarry, redriveCarry, resumesRedrivenState } from './redriveCarry';
import { FailStateError } from './states/fail';
import { MemoryExecutionStore } from './store/memoryStore';
import { ExecutionFields, ExecutionRecord, ExecutionStatus, ExecutionStore } from './store/types';
import { InvokeTask } from './tasks';
import * as timestampsModule from './timestamps';

// Bound once at load: under tsx (esbuild) every use of a named import is a call to a getter.
const { payloadDetails } = runtimeModule;
const { isoTimestamp } = timestampsModule;
const { asStatesError, runScope } = interpreterModule;

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
  /** `store`, when it is the in-memory store: steps go to it straight from the recorder. */
  memoryStore: MemoryExecutionStore | undefined;
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
  record: ExecutionFields,
  definition: StateMachineDefinition,
  execution: ExecutionContext,
  start: RunStart,
  stop: Cancellation,
): Promise<ExecutionOutcome> {
  // Only the await lives in this async function: what it keeps across it is all it holds.
  const runtime = prepareRun(deps, record, definition, execution, start, stop);
  let outcome: ExecutionOutcome;
  try {
    outcome = { status: 'SUCCEEDED', output: await runtime.run(definition, record.startDate) };
  } catch (e) {
    outcome = failureOutcome(e, stop);
  } finally {
    runtime.release();
  }
  runtime.end(outcome);
  return outcome;
}

/** The recorded history of a fresh start (made once, not per execution). */
const NOTHING_RECORDED: readonly RecordedEvent[] = [];

/** The runtime of an execution about to run: its history, memo and top-level frame, where it starts. */
function prepareRun(
  deps: ExecutionRunDeps,
  record: ExecutionFields,
  definition: StateMachineDefinition,
  execution: ExecutionContext,
  start: RunStart,
  stop: Cancellation,
): TopLevelRuntime {
  const { store, clock } = deps;
  const arn = record.executionArn;
  // A fresh start has recorded its ExecutionStarted event; a resume or redrive reads what was recorded.
  const recorded = start.kind === 'start' ? NOTHING_RECORDED : store.getHistory(arn);
  const history = start.kind === 'start' ? start.history : new HistoryRecorder(clock, recorded);
  // A store may have lost the ExecutionStarted step in a crash (it is written with the next step).
  if (start.kind === 'resume' && !history.wasReplayed(`${STARTED_LANE}#0`)) {
    history.add({ key: STARTED_LANE, count: 0, last: 0 }, 'ExecutionStarted', { ...payloadDetails('input', execution.input), roleArn: execution.roleArn });
  }
  const memo = new Memo(start.kind === 'resume' ? store.getMemo(arn) : []);
  const checkpoint = start.kind === 'start' ? undefined : record.checkpoint;
  const lane: Lane = checkpoint
    ? start.kind === 'redrive'
      ? redriveLane(record.redriveCount, history.size)
      : { ...checkpoint.lane }
    : { key: 't', count: 0, last: 0 };
  const frame: Frame = {
    machine: definition,
    language: definition.QueryLanguage ?? 'JSONPath',
    variables: checkpoint ? checkpoint.variables : {},
    lane,
    signal: stop.child(),
    topLevel: true,
  };
  const runtime = new TopLevelRuntime(deps, arn, execution, history, memo, frame, start.kind === 'start');
  runtime.startState = checkpoint?.state ?? definition.StartAt;
  runtime.startInput = checkpoint ? checkpoint.input : execution.input;
  if (checkpoint !== undefined && (start.kind === 'redrive' || (start.kind === 'resume' && resumesRedrivenState(checkpoint)))) {
    runtime.redriveCarry = redriveCarry(recorded, checkpoint, definition);
  }
  if (start.kind === 'start' || start.kind === 'redrive') runtime.transition(runtime.startState, runtime.startInput);
  return runtime;
}

/** The top-level lane of redrive number `redriveCount`, whose first event follows the event `last`. */
export function redriveLane(redriveCount: number, last: number): Lane {
  return { key: `r${redriveCount}`, count: 0, last };
}

/** How an execution ended that did not succeed. */
function failureOutcome(e: unknown, stop: Cancellation): ExecutionOutcome {
  if (stop.aborted) {
    const reason = stop.reason instanceof ExecutionStopped ? stop.reason : new ExecutionStopped();
    return { status: 'ABORTED', error: reason.error, cause: reason.stopCause };
  }
  if (e instanceof SleepAbortedError) return { status: 'ABORTED' };
  if (e instanceof StatesError && e.error === StatesErrorName.Timeout && e.cause?.startsWith('The execution timed out')) {
    return { status: 'TIMED_OUT', error: StatesErrorName.Timeout };
  }
  const err = asStatesError(e);
  const error = e instanceof FailStateError ? e.failError : err.error;
  return { status: 'FAILED', error, cause: err.cause };
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
  /** Where the run starts (set before it does). */
  public startState = '';
  public startInput: Json = null;
  /** What a redrive carries over for the state it starts from (see takeRedriveCarry). */
  public redriveCarry: RedriveCarry | undefined;
  /** Ends the wait for the execution's timeout (when it has one). */
  private timer: Cancellation | undefined;
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

  /** Runs the top level from where it starts, within the definition's TimeoutSeconds; resolves with the execution's output. */
  public run(definition: StateMachineDefinition, startDate: string): Promise<Json> {
    const run = runScope(this, this.frame, this.startState, this.startInput);
    const timeout = typeof definition.TimeoutSeconds === 'number' ? definition.TimeoutSeconds : undefined;
    if (timeout === undefined) return run;
    const timer = (this.timer = new Cancellation());
    const scope = this.frame.signal;
    const remaining = Date.parse(startDate) + timeout * 1000 - this.clock.now();
    const expired = this.clock.sleep(Math.max(0, remaining), timer).then(
      () => {
        scope.cancel();
        throw new StatesError(StatesErrorName.Timeout, `The execution timed out after ${timeout} seconds`);
      },
      () => new Promise<Json>(() => undefined),
    );
    return Promise.race([run, expired]);
  }

  public takeRedriveCarry(state: string): ReadonlyMap<number, Json> | undefined {
    const carry = this.redriveCarry;
    if (carry === undefined || carry.state !== state) return undefined;
    this.redriveCarry = undefined;
    return carry.outputs;
  }

  /** The run has ended: no more timeout, and the top-level scope stops following the execution's. */
  public release(): void {
    this.timer?.cancel();
    this.frame.signal.release();
  }

  /** Records the execution's last event and commits its outcome. */
  public end(outcome: ExecutionOutcome): void {
    const { history } = this;
    const top: Lane = this.frame.lane;
    const stopMillis = this.clock.now();
    if (outcome.status === 'SUCCEEDED') {
      history.addPayload(top, 'ExecutionSucceeded', '', outcome.output ?? null, stopMillis);
    } else {
      const errorDetails: Record<string, unknown> = {};
      if (outcome.error !== undefined) errorDetails.error = outcome.error;
      if (outcome.cause !== undefined) errorDetails.cause = outcome.cause;
      const type = outcome.status === 'FAILED' ? 'ExecutionFailed' : outcome.status === 'TIMED_OUT' ? 'ExecutionTimedOut' : 'ExecutionAborted';
      history.add(top, type, errorDetails, stopMillis);
    }
    const finished: Partial<ExecutionRecord> = { status: outcome.status, stopDate: isoTimestamp(stopMillis) };
    finished.error = outcome.error;
    finished.cause = outcome.cause;
    this.finish(finished, outcome.status === 'SUCCEEDED' ? JsonText.of(outcome.output ?? null) : undefined);
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
    const outcomes = this.memo.hasPending;
    const checkpoint = this.takeCheckpoint();
    const changes = checkpoint ? { checkpoint } : undefined;
    const direct = this.deps.memoryStore;
    if (direct !== undefined) direct.commitFrom(this.arn, this.history, this.memo, changes);
    else this.deps.store.commitStep(this.arn, { events: this.history.takePending(), memo: this.memo.takePending(), execution: changes });
    if (outcomes) this.unsyncedOutcomes = true;
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
  private finish(finished: Partial<ExecutionRecord>, output: JsonText | undefined): void {
    const checkpoint = this.takeCheckpoint();
    if (checkpoint !== undefined) finished.checkpoint = checkpoint;
    const direct = this.deps.memoryStore;
    if (direct !== undefined) direct.commitFrom(this.arn, this.history, this.memo, finished, output);
    else {
      if (output !== undefined) finished.output = output.text;
      this.deps.store.commitStep(this.arn, { events: this.history.takePending(), memo: this.memo.takePending(), execution: finished });
    }
  }
}
