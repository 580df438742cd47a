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
  /** Entries not handed over yet are the first `pendingCount` (the array keeps its room from step to step). */
  private readonly pending: Array<[string, MemoEntry]> = [];
  private pendingCount = 0;

  public constructor(recorded: ReadonlyArray<[string, MemoEntry]> = []) {
    this.recorded = recorded.length === 0 ? undefined : new Map(recorded);
  }

  public get(key: string): MemoEntry | undefined {
    return this.recorded?.get(key);
  }

  public set(key: string, entry: MemoEntry): void {
    this.pending[this.pendingCount++] = [key, entry];
  }

  public takePending(): Array<[string, MemoEntry]> {
    const count = this.pendingCount;
    this.pendingCount = 0;
    return count === 0 ? [] : this.pending.slice(0, count);
  }
}

/** Everything one execution's states share. */
export interface ExecutionRuntime {
  execution: ExecutionContext;
  invokeTask: InvokeTask;
  clock: Clock;
  history: HistoryRecorder;
  memo: Memo;
  /** Hands recorded events, memo entries and the latest top-level checkpoint to the store (a step boundary). */
  commit(): void;
  /**
   * Makes the task outcomes committed so far durable before another task starts; resolves once
   * they are (undefined when nothing is waiting to be written).
   */
  sync(): Promise<void> | undefined;
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
