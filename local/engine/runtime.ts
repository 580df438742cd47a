import { Cancellation } from './cancellation';
import { Clock } from './clock';
import { ExecutionContext, buildContextObject } from './context';
import { QueryLanguage, StateDefinition, StateMachineDefinition } from './definition';
import { StateRef } from './failures';
import { HistoryRecorder, Lane } from './history';
import { Json } from './json';
import { InvokeTask } from './tasks';

/** A recorded task outcome or wait deadline, replayed instead of re-run after a resume. */
export type MemoEntry =
  | { kind: 'task'; ok: true; value: Json }
  | { kind: 'task'; ok: false; error: string; cause?: string }
  | { kind: 'wait'; until: number };

/**
 * Task outcomes and wait deadlines by key, with the entries not yet handed to the store. Only
 * recorded entries (a resume's) are ever looked up: every task attempt and wait of a run has a
 * key of its own, so what a run sets it never reads back, and a fresh run needs no map at all.
 */
export class Memo {
  private readonly recorded: Map<string, MemoEntry> | undefined;
  /** Entries not handed over yet, MEMO_SLOTS slots each (see {@link MEMO_SLOTS}), in the first `pendingSlots` slots. */
  private readonly pending: unknown[] = [];
  private pendingSlots = 0;

  public constructor(recorded: ReadonlyArray<[string, MemoEntry]> = []) {
    this.recorded = recorded.length === 0 ? undefined : new Map(recorded);
  }

  public get(key: string): MemoEntry | undefined {
    return this.recorded?.get(key);
  }

  public set(key: string, entry: MemoEntry): void {
    this.push(key, entry, undefined);
  }

  /** `set(key, { kind: 'task', ok: true, value })`, without the entry object until it is read. */
  public setTaskResult(key: string, value: Json): void {
    this.push(key, TASK_RESULT, value);
  }

  private push(key: string, entry: MemoEntry | typeof TASK_RESULT, value: Json | undefined): void {
    const at = this.pendingSlots;
    this.pending[at] = key;
    this.pending[at + 1] = entry;
    this.pending[at + 2] = value;
    this.pendingSlots = at + MEMO_SLOTS;
  }

  /** True when entries wait to be handed over. */
  public get hasPending(): boolean {
    return this.pendingSlots > 0;
  }

  public takePending(): Array<[string, MemoEntry]> {
    const slots = this.pendingSlots;
    this.pendingSlots = 0;
    const entries: Array<[string, MemoEntry]> = [];
    for (let at = 0; at < slots; at += MEMO_SLOTS) entries.push([this.pending[at] as string, memoEntryAt(this.pending, at)]);
    return entries;
  }

  /** Hands over the pending entries as slots (see {@link MEMO_SLOTS}), copied into `target` from `at`; returns the end. */
  public drainInto(target: unknown[], at: number): number {
    const slots = this.pendingSlots;
    this.pendingSlots = 0;
    for (let i = 0; i < slots; i++) target[at++] = this.pending[i];
    return at;
  }
}

/**
 * Slots of one memo entry in a flat buffer: its key, then the entry, or TASK_RESULT and the
 * task's result (the commonest entry, made into an object only when read).
 */
export const MEMO_SLOTS = 3;

const TASK_RESULT = Symbol('task result');

/** The memo entry at `at` of a flat buffer (see {@link MEMO_SLOTS}). */
export function memoEntryAt(slots: readonly unknown[], at: number): MemoEntry {
  const entry = slots[at + 1];
  return entry === TASK_RESULT ? { kind: 'task', ok: true, value: slots[at + 2] as Json } : (entry as MemoEntry);
}

/** Everything one execution's states share. */
export interface ExecutionRuntime {
  execution: ExecutionContext;
  invokeTask: InvokeTask;
  clock: Clock;
  history: HistoryRecorder;
  memo: Memo;
  /** The top level is about to run `state` on `input`: where a resume would start. */
  transition(state: string, input: Json): void;
  /** Hands recorded events, memo entries and the latest top-level checkpoint to the store (a step boundary). */
  commit(): void;
  /**
   * Makes the task outcomes committed so far durable before another task starts; resolves once
   * they are (undefined when nothing is waiting to be written).
   */
  sync(): Promise<void> | undefined;
  /**
   * The outputs a redrive carries over for the top-level Parallel or Map state `state` it starts
   * from, by branch or iteration index (see RedriveCarry); handed out once, to the state's first
   * attempt, then undefined.
   */
  takeRedriveCarry(state: string): ReadonlyMap<number, Json> | undefined;
  /** The largest input, output or result AWS accepts, in bytes. @default 262144 */
  payloadLimitBytes: number;
  /** Random numbers for retry jitter. */
  random: () => number;
}

/** Where the top level of an execution stands: what a resume starts from. */
export interface TopLevelCheckpoint {
  state: string;
  input: Json;
  variables: Record<string, Json>;
  lane: Lane;
}

/** One running scope: the execution's top level, a Parallel branch or a Map iteration. */
export interface Frame {
  machine: StateMachineDefinition;
  language: QueryLanguage;
  variables: Record<string, Json>;
  lane: Lane;
  signal: Cancellation;
  mapItem?: { index: number; value: Json };
  topLevel: boolean;
}

/** One state being run: its definition, where it runs, and how to read `$$`. */
export class StateContext implements StateRef {
  public retryCount = 0;
  /** The scope its JSONPath paths are read in, made on first use (see dataflow's jsonPathScope). */
  public pathScope: object | undefined = undefined;

  public constructor(
    public readonly runtime: ExecutionRuntime,
    public readonly frame: Frame,
    public readonly name: string,
    public readonly state: StateDefinition,
    /** The id of the state's *StateEntered event. */
    public readonly enteredEventId: number,
    /** When the state was entered, in epoch milliseconds. */
    public readonly enteredAt: number,
  ) {}

  /** The state, as error causes name it (the context itself: no object of its own). */
  public get ref(): StateRef {
    return this;
  }

  /** When the state was entered, as ISO-8601 text ($$.State.EnteredTime). */
  public get enteredTime(): string {
    return new Date(this.enteredAt).toISOString();
  }

  /** The state's query language: its own, else its state machine's. */
  public get language(): QueryLanguage {
    return this.state.QueryLanguage ?? this.frame.language;
  }

  public get signal(): Cancellation {
    return this.frame.signal;
  }

  public get lane(): Lane {
    return this.frame.lane;
  }

  /** The context object as this state sees it now. */
  public context(mapItem?: { index: number; value: Json }): Json {
    return buildContextObject(this.runtime.execution, {
      name: this.name,
      enteredTime: this.enteredTime,
      retryCount: this.state.Type === 'Task' ? this.retryCount : undefined,
      mapItem: mapItem ?? this.frame.mapItem,
    });
  }

  /** Records an event on this state's lane. */
  public event(type: string, details?: Record<string, unknown>): number {
    return this.runtime.history.add(this.frame.lane, type, details);
  }
}

/** What a state hands back: its output, where to go next (none: its scope ends), its Assign. */
export interface StateResult {
  output: Json;
  next?: string;
  assigned?: Record<string, Json>;
}

/**
 * History detail fields for a payload. The value is kept as is (history is immutable data) and
 * becomes AWS's JSON text when the history is read (see `presentEvent`).
 */
export function payloadDetails(key: 'input' | 'output', value: Json | undefined): Record<string, unknown> {
  return key === 'input' ? { input: value ?? null, inputDetails: NOT_TRUNCATED } : { output: value ?? null, outputDetails: NOT_TRUNCATED };
}

const NOT_TRUNCATED = Object.freeze({ truncated: false });
