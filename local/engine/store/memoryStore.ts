import { EVENT_SLOTS, HistoryEvent, HistoryRecorder, RecordedEvent, eventAt, keyAt } from '../history';
import { MEMO_SLOTS, Memo, MemoEntry, memoEntryAt } from '../runtime';
import { JsonText } from '../jsonText';
import { ExecutionFields, ExecutionRecord, ExecutionStatus, ExecutionStep, ExecutionStore, StateMachineRecord } from './types';

/** What the store keeps of an execution's record: its fields, and its input and output as values with their text made when read. */
export interface KeptExecution {
  readonly record: Readonly<ExecutionFields>;
  readonly input: JsonText;
  readonly output: JsonText | undefined;
}

interface StoredExecution extends KeptExecution {
  record: ExecutionFields;
  input: JsonText;
  output: JsonText | undefined;
  /**
   * The history, EVENT_SLOTS slots an event (see {@link EVENT_SLOTS}): no objects kept per event
   * (the store keeps a thousand executions and more; what it keeps is what the garbage collector
   * copies and marks). An event handed over as an object is kept whole (see {@link appendEvent}).
   */
  history: unknown[];
  /** How many slots of `history` are used (it is made with room for a typical execution). */
  historySlots: number;
  /** The memo entries, MEMO_SLOTS slots each (see {@link MEMO_SLOTS}); made into a map only when read (on a resume). */
  memo: unknown[];
  memoSlots: number;
  /** The recorder of the running execution, writing its pending events into `history` beyond `historySlots`. */
  writer: HistoryRecorder | undefined;
  order: number;
}

/**
 * An ExecutionStore in memory: for tests, benchmarks and Express-only use. Records are copied
 * on the way out, and on the way in but from the engine's own `createExecutionFrom` (the engine
 * alone reads one in place, at once: `peekExecution`); events
 * and memo entries are kept as they come. The engine hands it its steps straight from its
 * recorder (`createExecutionFrom`, `commitFrom`): no event objects are made for a history that
 * is kept as slots. It hands it input and output as values too: their JSON text is made only
 * when a record is read (`getExecution`, `listExecutions`) or a description's text is.
 */
export class MemoryExecutionStore implements ExecutionStore {
  private readonly machines = new Map<string, StateMachineRecord>();
  private readonly executions = new Map<string, StoredExecution>();
  private counter = 0;
  /** ARNs in creation order, from `oldest` on: where eviction looks first. */
  private readonly created: string[] = [];
  private oldest = 0;
  /** History slots of the latest execution that ended: the room a new one starts with. */
  private typicalHistorySlots = 16;

  /**
   * @param options.maxExecutions how many executions to keep; beyond it the oldest ended ones
   *   are forgotten (a long-running process, a benchmark). @default Infinity
   */
  public constructor(private readonly options: { maxExecutions?: number } = {}) {}

  /**
   * Forgets the oldest ended executions beyond `maxExecutions`. Walks the creation order from the
   * oldest kept one, so an eviction costs O(1) unless old executions are still running.
   */
  private evict(): void {
    const max = this.options.maxExecutions ?? Infinity;
    if (this.executions.size <= max) return;
    for (let i = this.oldest; i < this.created.length && this.executions.size > max; ) {
      const arn = this.created[i];
      const e = this.executions.get(arn);
      if (e !== undefined && e.record.status === 'RUNNING') {
        i++;
        continue;
      }
      if (e !== undefined) this.executions.delete(arn);
      if (i === this.oldest) {
        this.oldest++;
        i++;
      } else {
        this.created.splice(i, 1);
      }
    }
    // Drop the forgotten prefix once it is most of the array.
    if (this.oldest > 1024 && this.oldest * 2 > this.created.length) {
      this.created.splice(0, this.oldest);
      this.oldest = 0;
    }
  }

  public putStateMachine(record: StateMachineRecord): void {
    this.machines.set(record.stateMachineArn, { ...record });
  }

  public getStateMachine(arn: string): StateMachineRecord | undefined {
    const r = this.machines.get(arn);
    return r && { ...r };
  }

  public listStateMachines(): StateMachineRecord[] {
    return [...this.machines.values()].map((r) => ({ ...r }));
  }

  public deleteStateMachine(arn: string): void {
    this.machines.delete(arn);
  }

  public createExecution(record: ExecutionRecord, first: ExecutionStep): boolean {
    const output = record.output === undefined ? undefined : JsonText.ofText(record.output);
    if (!this.add(copyFields(record), JsonText.ofText(record.input), output)) return false;
    this.commitStep(record.executionArn, first);
    return true;
  }

  /**
   * createExecution, with the input as a value (its text made when read) and the first step's
   * events taken from the recorder. The record is kept as it is, not copied: the engine hands it
   * over and only reads it afterwards.
   */
  public createExecutionFrom(record: ExecutionFields, input: JsonText, history: HistoryRecorder): boolean {
    const e = this.add(record, input, undefined);
    if (e === undefined) return false;
    this.commitEvents(e, history);
    return true;
  }

  /** Keeps a new execution's record (the store's own from now on); undefined when its ARN exists. */
  private add(record: ExecutionFields, input: JsonText, output: JsonText | undefined): StoredExecution | undefined {
    if (this.executions.has(record.executionArn)) return undefined;
    const e: StoredExecution = {
      record,
      input,
      output,
      history: new Array<unknown>(this.typicalHistorySlots),
      historySlots: 0,
      memo: [],
      memoSlots: 0,
      writer: undefined,
      order: this.counter++,
    };
    this.executions.set(record.executionArn, e);
    this.created.push(record.executionArn);
    this.evict();
    return e;
  }

  public getExecution(arn: string): ExecutionRecord | undefined {
    const e = this.executions.get(arn);
    return e && recordOf(e);
  }

  /** What the store keeps, not a copy: for the engine, which only reads it at once (DescribeExecution). */
  public peekExecution(arn: string): KeptExecution | undefined {
    return this.executions.get(arn);
  }

  public listExecutions(filter: { stateMachineArn?: string; status?: ExecutionStatus } = {}): ExecutionRecord[] {
    return this.matching(filter).map(recordOf);
  }

  /** The executions a listing shows, newest first. */
  private matching(filter: { stateMachineArn?: string; status?: ExecutionStatus }): StoredExecution[] {
    return [...this.executions.values()]
      .filter((e) => (filter.stateMachineArn === undefined || e.record.stateMachineArn === filter.stateMachineArn) && (filter.status === undefined || e.record.status === filter.status))
      .sort((a, b) => b.order - a.order);
  }

  /** `listExecutions` without input, output and checkpoint: no JSON text made for a listing. */
  public listExecutionSummaries(filter: { stateMachineArn?: string; status?: ExecutionStatus } = {}): ExecutionFields[] {
    return this.matching(filter).map((e) => {
      const { checkpoint: _, ...fields } = e.record;
      return fields;
    });
  }

  public commitStep(arn: string, step: ExecutionStep): void {
    const e = this.stored(arn);
    // Events appended here go where a recorder writes its pending ones: it stops writing there.
    e.writer?.detach();
    e.writer = undefined;
    for (let i = 0; i < step.events.length; i++) e.historySlots = appendEvent(e.history, e.historySlots, step.events[i]);
    if (step.memo.length > 0 && e.memo === NO_MEMO) e.memo = [];
    for (let i = 0; i < step.memo.length; i++) {
      e.memo[e.memoSlots] = step.memo[i][0];
      e.memo[e.memoSlots + 1] = step.memo[i][1];
      e.memo[e.memoSlots + 2] = undefined;
      e.memoSlots += MEMO_SLOTS;
    }
    this.update(e, step.execution);
  }

  /**
   * commitStep, with the step's events and memo entries taken from the recorder and the memo.
   * The engine's last step of an execution also lets go of what only a resume would read: its
   * task outcomes (an ended execution is never resumed, and a redrive starts without them) and,
   * once it has succeeded (it can no longer be redriven), its checkpoint. `output`: the execution's
   * output, as a value (its text made when read). What the store keeps of
   * ended executions is what the garbage collector copies and marks.
   */
  public commitFrom(arn: string, history: HistoryRecorder, memo: Memo, changes: ExecutionStep['execution'], output?: JsonText): void {
    const e = this.stored(arn);
    if (output !== undefined) e.output = output;
    this.commitEvents(e, history);
    const ended = changes?.status !== undefined && changes.status !== 'RUNNING';
    if (ended) {
      e.memo = NO_MEMO;
      e.memoSlots = 0;
    } else if (memo.hasPending) {
      if (e.memo === NO_MEMO) e.memo = []; // running again (redriven)
      e.memoSlots = memo.drainInto(e.memo, e.memoSlots);
    }
    this.update(e, changes);
    if (ended && changes.status === 'SUCCEEDED') e.record.checkpoint = undefined;
  }

  /**
   * Commits the recorder's pending events, which it writes into the history itself from now on
   * (see HistoryRecorder.writeInto): a later step's commit only moves the end.
   */
  private commitEvents(e: StoredExecution, history: HistoryRecorder): void {
    if (e.writer !== history && history.firstPendingId !== e.historySlots / EVENT_SLOTS + 1) {
      // Its events would not be numbered by their place here (they never are, from the engine): keep them whole.
      e.writer?.detach();
      e.writer = undefined;
      for (const recorded of history.takePending()) e.historySlots = appendEvent(e.history, e.historySlots, recorded);
      return;
    }
    if (e.writer !== history) {
      e.writer?.detach();
      history.writeInto(e.history, e.historySlots);
      e.writer = history;
    }
    e.historySlots = history.commitInPlace(e.history);
  }

  private stored(arn: string): StoredExecution {
    const e = this.executions.get(arn);
    if (e === undefined) throw new Error(`unknown execution ${arn}`);
    return e;
  }

  private update(e: StoredExecution, changes: ExecutionStep['execution']): void {
    if (changes === undefined) return;
    const record = e.record as unknown as Record<string, unknown>; // handed out only to be read at once (peekExecution): other reads copy it
    for (const key in changes) {
      const value = (changes as Record<string, unknown>)[key];
      if (key === 'input') e.input = JsonText.ofText(value as string);
      else if (key === 'output') e.output = value === undefined ? undefined : JsonText.ofText(value as string);
      else record[key] = value;
    }
    if (changes.status !== undefined && changes.status !== 'RUNNING') {
      this.typicalHistorySlots = Math.min(e.historySlots, 4096);
      e.writer = undefined; // the execution has ended
    }
  }

  public getHistory(arn: string): RecordedEvent[] {
    const e = this.executions.get(arn);
    if (e === undefined) return [];
    const events: RecordedEvent[] = [];
    for (let at = 0, id = 1; at < e.historySlots; at += EVENT_SLOTS, id++) {
      if (e.history[at + 1] === WHOLE) events.push({ key: e.history[at] as string, event: e.history[at + 2] as HistoryEvent });
      else events.push({ key: keyAt(e.history, at), event: eventAt(e.history, at, id) });
    }
    return events;
  }

  public getMemo(arn: string): Array<[string, MemoEntry]> {
    const e = this.executions.get(arn);
    // A key recorded twice keeps its first place and its latest entry, as a Map set in order does.
    if (e === undefined) return [];
    const memo = new Map<string, MemoEntry>();
    for (let at = 0; at < e.memoSlots; at += MEMO_SLOTS) memo.set(e.memo[at] as string, memoEntryAt(e.memo, at));
    return [...memo.entries()];
  }
}

/** The memo of an ended execution (see commitFrom): never written to. */
const NO_MEMO: unknown[] = Object.freeze([]) as unknown as unknown[];

/** Marks an event kept whole (see {@link appendEvent}). */
const WHOLE = Symbol('whole event');

/**
 * Appends an event handed over as an object (not by the engine's recorder: a test's, a
 * redrive's) to a flat history at `at`, kept whole as [key, WHOLE, event]; returns the next free slot.
 */
function appendEvent(history: unknown[], at: number, recorded: RecordedEvent): number {
  history[at] = recorded.key;
  history[at + 1] = WHOLE;
  history[at + 2] = recorded.event;
  return at + EVENT_SLOTS;
}

/**
 * A copy of a new record's fields (not its input and output: see {@link KeptExecution}) to keep
 * and update. Written out rather than spread: V8 gives a spread copy a map of its own here, and
 * then every field a step adds makes another map.
 */
function copyFields(r: ExecutionFields): ExecutionFields {
  const copy: ExecutionFields = {
    executionArn: r.executionArn,
    stateMachineArn: r.stateMachineArn,
    name: r.name,
    status: r.status,
    startDate: r.startDate,
    redriveCount: r.redriveCount,
  };
  const fields = copy as unknown as Record<string, unknown>;
  for (const key in r) {
    if (Object.hasOwn(r, key) && !Object.hasOwn(fields, key) && key !== 'input' && key !== 'output') fields[key] = (r as unknown as Record<string, unknown>)[key];
  }
  return copy;
}

/** A record handed out: a copy, with its input and output texts. */
function recordOf(e: StoredExecution): ExecutionRecord {
  const r = { ...e.record, input: e.input.text } as ExecutionRecord;
  if (e.output !== undefined) r.output = e.output.text;
  return r;
}
