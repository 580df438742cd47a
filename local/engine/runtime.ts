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

/** Task outcomes and wait deadlines by key, with the entries not yet handed to the store. */
export class Memo {
  private readonly entries: Map<string, MemoEntry>;
  private pending: Array<[string, MemoEntry]> = [];

  public constructor(recorded: Iterable<[string, MemoEntry]> = []) {
    this.entries = new Map(recorded);
  }

  public get(key: string): MemoEntry | undefined {
    return this.entries.get(key);
  }

  public set(key: string, entry: MemoEntry): void {
    this.entries.set(key, entry);
    this.pending.push([key, entry]);
  }

  public takePending(): Array<[string, MemoEntry]> {
    const out = this.pending;
    this.pending = [];
    return out;
  }
}

/** Everything one execution's states share. */
export interface ExecutionRuntime {
  execution: ExecutionContext;
  invokeTask: InvokeTask;
  clock: Clock;
  history: HistoryRecorder;
  memo: Memo;
  /** Hands recorded events and memo entries to the store (a step boundary). */
  commit(checkpoint?: TopLevelCheckpoint): void;
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
export class StateContext {
  public retryCount = 0;

  public constructor(
    public readonly runtime: ExecutionRuntime,
    public readonly frame: Frame,
    public readonly name: string,
    public readonly state: StateDefinition,
    public readonly ref: StateRef,
    /** When the state was entered, in epoch milliseconds. */
    public readonly enteredAt: number,
  ) {}

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
