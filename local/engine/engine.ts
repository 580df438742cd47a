import { Cancellation } from './cancellation';
import { Clock, systemClock } from './clock';
import { ExecutionContext } from './context';
import { StateMachineDefinition, validateDefinition } from './definition';
import { ExecutionOutcome, ExecutionRunDeps, ExecutionStopped, RunStart, STARTED_LANE, redriveLane, runExecution } from './execution';
import { EVENT_SLOTS, HistoryEvent, HistoryRecorder, presentEvent } from './history';
import { describeRecord, ExecutionDescription } from './description';
import { exceedsByteSize, Json, toJsonValue } from './json';
import { JsonText } from './jsonText';
import { validateName } from './names';
import { MemoryExecutionStore } from './store/memoryStore';
import { ExecutionFields, ExecutionRecord, ExecutionStatus, ExecutionStore, StateMachineRecord, StateMachineType } from './store/types';
import { InvokeTask } from './tasks';
import { dateOf, isoTimestamp } from './timestamps';
import { randomUuid } from './uuid';

export type { ExecutionDescription } from './description';

/** An API error named as AWS names it (ExecutionAlreadyExists, InvalidName...). */
export class EngineApiError extends Error {
  public constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

/** How to build an engine. */
export interface EngineOptions {
  /** Runs Task states. */
  invokeTask: InvokeTask;
  /** @default an in-memory store */
  store?: ExecutionStore;
  /** @default the system clock, scaled by `timeScale` */
  clock?: Clock;
  /** Multiplies every wait (Wait states, retry intervals, timeouts) of the system clock. @default 1 */
  timeScale?: number;
  /** @default 'us-east-1' */
  region?: string;
  /** @default '123456789012' */
  accountId?: string;
  /** The payload limit in bytes. @default 262144 (256 KiB) */
  payloadLimitBytes?: number;
  /** Random numbers in [0, 1) for retry jitter. @default Math.random */
  random?: () => number;
}

/** ListExecutions' items: a description's fields but its input, output, error and redrive status. */
export type ExecutionListItem = Pick<ExecutionDescription, 'executionArn' | 'stateMachineArn' | 'name' | 'status' | 'startDate' | 'stopDate' | 'redriveCount' | 'redriveDate'>;

/** What to start: a stored state machine's ARN, or a definition run as an ad-hoc state machine. */
export type ExecutionTarget = string | StateMachineDefinition;

/** The local AWS Step Functions engine. */
export interface Engine {
  createStateMachine(params: { name: string; definition: StateMachineDefinition | string; roleArn?: string; type?: StateMachineType }): {
    stateMachineArn: string;
    creationDate: Date;
  };
  describeStateMachine(stateMachineArn: string): StateMachineRecord;
  listStateMachines(): StateMachineRecord[];
  startExecution(target: ExecutionTarget, input?: Json, options?: { name?: string }): { executionArn: string; startDate: Date };
  /** Runs an Express state machine and resolves with its description when it ends. */
  startSyncExecution(target: ExecutionTarget, input?: Json, options?: { name?: string }): Promise<ExecutionDescription>;
  describeExecution(executionArn: string): ExecutionDescription;
  listExecutions(filter?: { stateMachineArn?: string; statusFilter?: ExecutionStatus }): ExecutionListItem[];
  getExecutionHistory(executionArn: string, options?: { reverseOrder?: boolean }): { events: HistoryEvent[] };
  stopExecution(executionArn: string, options?: { error?: string; cause?: string }): { stopDate: Date };
  redriveExecution(executionArn: string): { redriveDate: Date };
  /** Resumes every execution the store has as RUNNING (after a crash); their ARNs. */
  resumeRunningExecutions(): string[];
  /** Resolves when the execution ends (at once if it has ended). */
  awaitExecution(executionArn: string): Promise<ExecutionDescription>;
  /** Resolves when every execution this engine runs has ended. */
  idle(): Promise<void>;
}

/**
 * `then(next, next)`: what follows a promise however it settles. One callback for both, passed
 * inline (under tsx a closure assigned to a name costs a defineProperty each).
 */
function afterSettling<T>(promise: Promise<unknown>, next: () => T): Promise<T> {
  return promise.then(next, next);
}

const DEFAULT_ROLE = (account: string): string => `arn:aws:iam::${account}:role/StepFunctionsLocalRole`;

/** A record of an execution's fields and its input text. */
function withInput(fields: ExecutionFields, input: string): ExecutionRecord {
  return { ...fields, input };
}

/**
 * An execution's input as JSON would carry it; InvalidExecutionInput, creating nothing, for a
 * value JSON cannot carry (a BigInt, a cycle, a function or symbol as the whole input).
 */
function executionInput(input: unknown): Json {
  let reason: string;
  if (typeof input === 'function' || typeof input === 'symbol') reason = `a ${typeof input} is not JSON`;
  else {
    try {
      return toJsonValue(input);
    } catch (e) {
      reason = e instanceof RangeError ? 'it is circular, or nested too deeply' : e instanceof Error ? e.message : String(e);
    }
  }
  throw new EngineApiError('InvalidExecutionInput', `Invalid State Machine Execution Input: ${reason}`);
}

/** Builds an engine. See {@link EngineOptions}. */
export function createEngine(options: EngineOptions): Engine {
  const store: ExecutionStore = options.store ?? new MemoryExecutionStore();
  /** `store`, when it is the in-memory store: executions are created, run and read in it directly. */
  const memoryStore = store instanceof MemoryExecutionStore ? store : undefined;
  const clock = options.clock ?? systemClock(options.timeScale ?? 1);
  const region = options.region ?? 'us-east-1';
  const account = options.accountId ?? '123456789012';
  const payloadLimitBytes = options.payloadLimitBytes ?? 262_144;
  const running = new Map<string, { done: Promise<ExecutionOutcome>; stop: Cancellation }>();
  const definitions = new Map<string, StateMachineDefinition>();
  const machines = new Map<string, StateMachineRecord>();
  /** A state machine by ARN; records never change once created, so they are cached. */
  const getMachine = (arn: string): StateMachineRecord | undefined => {
    let m = machines.get(arn);
    if (m === undefined) {
      m = store.getStateMachine(arn);
      if (m !== undefined) machines.set(arn, m);
    }
    return m;
  };
  // One write for every execution that needs its outcomes durable in this event-loop turn.
  let barrier: Promise<void> | undefined;
  const flushBarrier = (): Promise<void> => {
    barrier ??= new Promise<void>((resolve, reject) => {
      setImmediate(() => {
        barrier = undefined;
        try {
          store.flush?.();
          resolve();
        } catch (e) {
          reject(e);
        }
      });
    });
    return barrier;
  };
  const depsOf = (durable: boolean): ExecutionRunDeps => ({
    flushBarrier,
    store,
    clock,
    invokeTask: options.invokeTask,
    payloadLimitBytes,
    random: options.random ?? Math.random,
    durable,
    memoryStore,
  });
  const standardDeps = depsOf(true);
  const expressDeps = depsOf(false);
  const iso = (): string => isoTimestamp(clock.now());

  const arnPrefixes = new Map<string, string>();
  /**
   * `arn:aws:states:<region>:<account>:execution:<machine>:` (`express:` for Express), made once
   * per machine: an ARN is then one concatenation, not a chain of them kept with the execution.
   */
  function arnPrefixOf(machine: StateMachineRecord): string {
    let prefix = arnPrefixes.get(machine.stateMachineArn);
    if (prefix === undefined) {
      prefix = `arn:aws:states:${region}:${account}:${machine.type === 'EXPRESS' ? 'express' : 'execution'}:${machine.name}:`;
      arnPrefixes.set(machine.stateMachineArn, prefix);
    }
    return prefix;
  }

  function machineArn(name: string): string {
    return `arn:aws:states:${region}:${account}:stateMachine:${name}`;
  }

  function definitionOf(machine: StateMachineRecord): StateMachineDefinition {
    let d = definitions.get(machine.stateMachineArn);
    if (d === undefined) {
      d = validateDefinition(JSON.parse(machine.definition));
      definitions.set(machine.stateMachineArn, d);
    }
    return d;
  }

  function createStateMachine(params: Parameters<Engine['createStateMachine']>[0]): { stateMachineArn: string; creationDate: Date } {
    validateName(params.name, 'state machine');
    const parsed = typeof params.definition === 'string' ? (JSON.parse(params.definition) as unknown) : params.definition;
    const definition = validateDefinition(parsed);
    const stateMachineArn = machineArn(params.name);
    const existing = getMachine(stateMachineArn);
    const text = JSON.stringify(definition);
    if (existing !== undefined) {
      if (existing.definition !== text || existing.type !== (params.type ?? 'STANDARD')) {
        throw new EngineApiError('StateMachineAlreadyExists', `State Machine Already Exists: '${stateMachineArn}'`);
      }
      return { stateMachineArn, creationDate: new Date(existing.creationDate) };
    }
    const record: StateMachineRecord = {
      stateMachineArn,
      name: params.name,
      definition: text,
      roleArn: params.roleArn ?? DEFAULT_ROLE(account),
      type: params.type ?? 'STANDARD',
      creationDate: iso(),
    };
    store.putStateMachine(record);
    definitions.set(stateMachineArn, definition);
    return { stateMachineArn, creationDate: new Date(record.creationDate) };
  }

  function machineFor(target: ExecutionTarget, type: StateMachineType): StateMachineRecord {
    if (typeof target === 'string') {
      const m = getMachine(target);
      if (m === undefined) throw new EngineApiError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${target}'`);
      return m;
    }
    const name = `adhoc-${randomUuid()}`;
    const { stateMachineArn } = createStateMachine({ name, definition: target, type });
    return getMachine(stateMachineArn)!;
  }

  function contextOf(record: ExecutionFields, machine: StateMachineRecord, input: Json): ExecutionContext {
    return {
      executionArn: record.executionArn,
      name: record.name,
      input,
      startTime: record.startDate,
      roleArn: machine.roleArn,
      redriveCount: machine.type === 'STANDARD' ? record.redriveCount : undefined,
      stateMachineArn: machine.stateMachineArn,
      stateMachineName: machine.name,
    };
  }

  /** Runs an execution in the background; `running` has it until it ends (its outcome or failure is handled here). */
  function launch(record: ExecutionFields, machine: StateMachineRecord, start: RunStart, input: Json): void {
    const stop = new Cancellation();
    const arn = record.executionArn;
    const done = runExecution(machine.type === 'STANDARD' ? standardDeps : expressDeps, record, definitionOf(machine), contextOf(record, machine, input), start, stop);
    // Registered before any awaitExecution's: the execution has left `running` when they run.
    void afterSettling(done, () => running.delete(arn));
    running.set(arn, { done, stop });
  }

  function begin(target: ExecutionTarget, input: Json | undefined, name: string | undefined, type: StateMachineType): ExecutionFields {
    // The request is checked before anything is made (an ad-hoc definition's state machine included).
    if (name !== undefined) validateName(name, 'execution'); // a UUID of ours is a valid name
    // A copy, as JSON would carry it: the execution's data shares nodes from state to state, never with the caller's object.
    const inputValue = input === undefined ? {} : executionInput(input);
    if (exceedsByteSize(inputValue, payloadLimitBytes)) {
      throw new EngineApiError('InvalidExecutionInput', 'The execution input exceeds the maximum number of bytes service limit.');
    }
    const machine = machineFor(target, type);
    const execName = name ?? randomUuid();
    const executionArn =
      machine.type === 'EXPRESS' ? `${arnPrefixOf(machine)}${execName}:${randomUuid()}` : `${arnPrefixOf(machine)}${execName}`;
    const startMillis = clock.now(); // the start date and the ExecutionStarted event's time
    const record: ExecutionFields = {
      executionArn,
      stateMachineArn: machine.stateMachineArn,
      name: execName,
      status: 'RUNNING',
      startDate: isoTimestamp(startMillis),
      redriveCount: 0,
    };
    const inputText = JsonText.of(inputValue);
    // Into the in-memory store, the recorder writes its events in place: its own buffer only holds this first one.
    const history = new HistoryRecorder(clock, [], memoryStore !== undefined ? EVENT_SLOTS : undefined);
    history.addPayload({ key: STARTED_LANE, count: 0, last: 0 }, 'ExecutionStarted', machine.roleArn, inputValue, startMillis);
    // Creating is the existence check (no read first): an existing ARN leaves the store unchanged.
    const created =
      memoryStore !== undefined
        ? memoryStore.createExecutionFrom(record, inputText, history)
        : store.createExecution(withInput(record, inputText.text), { events: history.takePending(), memo: [] });
    if (!created) {
      const existing = store.getExecution(executionArn);
      // Starting again with the same name and input while it runs is idempotent, as on AWS.
      if (existing !== undefined && existing.status === 'RUNNING' && existing.input === inputText.text) return existing;
      throw new EngineApiError('ExecutionAlreadyExists', `Execution Already Exists: '${executionArn}'`);
    }
    launch(record, machine, { kind: 'start', history }, inputValue);
    return record;
  }

  function describeExecution(executionArn: string): ExecutionDescription {
    const kept = memoryStore?.peekExecution(executionArn);
    const r = kept !== undefined ? kept.record : store.getExecution(executionArn);
    if (r === undefined) throw new EngineApiError('ExecutionDoesNotExist', `Execution Does Not Exist: '${executionArn}'`);
    const machine = getMachine(r.stateMachineArn);
    const redrivable = machine?.type === 'STANDARD' && (r.status === 'FAILED' || r.status === 'TIMED_OUT' || r.status === 'ABORTED');
    if (kept !== undefined) return describeRecord(r, kept.input, kept.output, redrivable);
    const { input, output } = r as ExecutionRecord;
    return describeRecord(r, JsonText.ofText(input), output === undefined ? undefined : JsonText.ofText(output), redrivable);
  }

  function awaitExecution(executionArn: string): Promise<ExecutionDescription> {
    const run = running.get(executionArn);
    if (run === undefined) {
      try {
        return Promise.resolve(describeExecution(executionArn));
      } catch (e) {
        return Promise.reject(e);
      }
    }
    return afterSettling(run.done, () => describeExecution(executionArn));
  }

  return {
    createStateMachine,
    describeStateMachine(stateMachineArn) {
      const m = getMachine(stateMachineArn);
      if (m === undefined) throw new EngineApiError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${stateMachineArn}'`);
      return m;
    },
    listStateMachines: () => store.listStateMachines(),
    startExecution(target, input, opts) {
      const r = begin(target, input, opts?.name, 'STANDARD');
      return { executionArn: r.executionArn, startDate: dateOf(r.startDate) };
    },
    async startSyncExecution(target, input, opts) {
      const r = begin(target, input, opts?.name, 'EXPRESS');
      return awaitExecution(r.executionArn);
    },
    describeExecution,
    listExecutions(filter) {
      const wanted = { stateMachineArn: filter?.stateMachineArn, status: filter?.statusFilter };
      // A listing shows no checkpoints: a store that can answer without reading them does.
      const records = store.listExecutionSummaries?.(wanted) ?? store.listExecutions(wanted);
      return records.map((r) => ({
        executionArn: r.executionArn,
        stateMachineArn: r.stateMachineArn,
        name: r.name,
        status: r.status,
        startDate: new Date(r.startDate),
        ...(r.stopDate !== undefined ? { stopDate: new Date(r.stopDate) } : {}),
        redriveCount: r.redriveCount,
        ...(r.redriveDate !== undefined ? { redriveDate: new Date(r.redriveDate) } : {}),
      }));
    },
    getExecutionHistory(executionArn, opts) {
      if (store.getExecution(executionArn) === undefined) throw new EngineApiError('ExecutionDoesNotExist', `Execution Does Not Exist: '${executionArn}'`);
      const events = store.getHistory(executionArn).map((r) => presentEvent(r.event));
      return { events: opts?.reverseOrder ? events.reverse() : events };
    },
    stopExecution(executionArn, opts) {
      const r = store.getExecution(executionArn);
      if (r === undefined) throw new EngineApiError('ExecutionDoesNotExist', `Execution Does Not Exist: '${executionArn}'`);
      const run = running.get(executionArn);
      if (run !== undefined) run.stop.cancel(new ExecutionStopped(opts?.error, opts?.cause));
      return { stopDate: new Date(clock.now()) };
    },
    redriveExecution(executionArn) {
      const d = describeExecution(executionArn);
      if (d.redriveStatus !== 'REDRIVABLE') throw new EngineApiError('ExecutionNotRedrivable', `Execution is ${d.status} and cannot be redriven: '${executionArn}'`);
      const record = store.getExecution(executionArn)!;
      const machine = getMachine(record.stateMachineArn)!;
      const redriveDate = iso();
      const redriveCount = record.redriveCount + 1;
      const recorder = new HistoryRecorder(clock, store.getHistory(executionArn));
      recorder.add({ key: `redrive${redriveCount}`, count: 0, last: recorder.size }, 'ExecutionRedriven', { redriveCount });
      // Where the redriven run starts, written with its first event: a crash before its next step resumes it there.
      const checkpoint = record.checkpoint && { ...record.checkpoint, lane: redriveLane(redriveCount, recorder.size) };
      const update = { status: 'RUNNING' as const, redriveCount, redriveDate, stopDate: undefined, error: undefined, cause: undefined, output: undefined, checkpoint };
      store.commitStep(executionArn, { events: recorder.takePending(), memo: [], execution: update });
      launch({ ...record, ...update }, machine, { kind: 'redrive' }, JSON.parse(record.input) as Json);
      return { redriveDate: new Date(redriveDate) };
    },
    resumeRunningExecutions() {
      const resumed: string[] = [];
      for (const r of store.listExecutions({ status: 'RUNNING' })) {
        if (running.has(r.executionArn)) continue;
        const machine = getMachine(r.stateMachineArn);
        if (machine === undefined) continue;
        launch(r, machine, { kind: 'resume' }, JSON.parse(r.input) as Json);
        resumed.push(r.executionArn);
      }
      return resumed;
    },
    awaitExecution,
    async idle() {
      while (running.size > 0) await Promise.allSettled([...running.values()].map((r) => r.done));
    },
  };
}
