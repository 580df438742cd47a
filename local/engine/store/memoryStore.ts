import { HistoryEvent, RecordedEvent } from '../history';
import { MemoEntry } from '../runtime';
import { ExecutionRecord, ExecutionStatus, ExecutionStep, ExecutionStore, StateMachineRecord } from './types';

interface StoredExecution {
  record: ExecutionRecord;
  /**
   * The history as [key, event, key, event...]: no wrapper object kept per event (the store keeps
   * a thousand executions and more; what it keeps is what the garbage collector copies and marks).
   */
  history: Array<string | HistoryEvent>;
  /** How many slots of `history` are used (it is made with room for a typical execution). */
  historySlots: number;
  /** The memo entries as [key, entry, key, entry...], likewise; made into a map only when read (on a resume). */
  memo: Array<string | MemoEntry>;
  order: number;
}

/**
 * An ExecutionStore in memory: for tests, benchmarks and Express-only use. Records are copied
 * on the way in and out; events and memo entries are kept as they come.
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
    if (this.executions.has(record.executionArn)) return false;
    this.executions.set(record.executionArn, {
      record: copyRecord(record),
      history: new Array<string | HistoryEvent>(this.typicalHistorySlots),
      historySlots: 0,
      memo: [],
      order: this.counter++,
    });
    this.created.push(record.executionArn);
    this.evict();
    this.commitStep(record.executionArn, first);
    return true;
  }

  public getExecution(arn: string): ExecutionRecord | undefined {
    const e = this.executions.get(arn);
    return e && { ...e.record };
  }

  public listExecutions(filter: { stateMachineArn?: string; status?: ExecutionStatus } = {}): ExecutionRecord[] {
    return [...this.executions.values()]
      .filter((e) => (filter.stateMachineArn === undefined || e.record.stateMachineArn === filter.stateMachineArn) && (filter.status === undefined || e.record.status === filter.status))
      .sort((a, b) => b.order - a.order)
      .map((e) => ({ ...e.record }));
  }

  public commitStep(arn: string, step: ExecutionStep): void {
    const e = this.executions.get(arn);
    if (e === undefined) throw new Error(`unknown execution ${arn}`);
    for (let i = 0; i < step.events.length; i++) {
      e.history[e.historySlots++] = step.events[i].key;
      e.history[e.historySlots++] = step.events[i].event;
    }
    for (let i = 0; i < step.memo.length; i++) e.memo.push(step.memo[i][0], step.memo[i][1]);
    const changes = step.execution;
    if (changes !== undefined) {
      const record = e.record as unknown as Record<string, unknown>; // never handed out: reads copy it
      for (const key in changes) record[key] = (changes as Record<string, unknown>)[key];
      if (changes.status !== undefined && changes.status !== 'RUNNING') this.typicalHistorySlots = Math.min(e.historySlots, 4096);
    }
  }

  public getHistory(arn: string): RecordedEvent[] {
    const e = this.executions.get(arn);
    if (e === undefined) return [];
    const events: RecordedEvent[] = [];
    for (let i = 0; i < e.historySlots; i += 2) events.push({ key: e.history[i] as string, event: e.history[i + 1] as HistoryEvent });
    return events;
  }

  public getMemo(arn: string): Array<[string, MemoEntry]> {
    const e = this.executions.get(arn);
    // A key recorded twice keeps its first place and its latest entry, as a Map set in order does.
    if (e === undefined) return [];
    const memo = new Map<string, MemoEntry>();
    for (let i = 0; i < e.memo.length; i += 2) memo.set(e.memo[i] as string, e.memo[i + 1] as MemoEntry);
    return [...memo.entries()];
  }
}

/**
 * A copy of a new record to keep and update. Written out rather than spread: V8 gives a spread
 * copy a map of its own here, and then every field a step adds makes another map.
 */
function copyRecord(r: ExecutionRecord): ExecutionRecord {
  const copy: ExecutionRecord = {
    executionArn: r.executionArn,
    stateMachineArn: r.stateMachineArn,
    name: r.name,
    status: r.status,
    startDate: r.startDate,
    input: r.input,
    redriveCount: r.redriveCount,
  };
  const fields = copy as unknown as Record<string, unknown>;
  for (const key of Object.keys(r)) if (!Object.hasOwn(fields, key)) fields[key] = (r as unknown as Record<string, unknown>)[key];
  return copy;
}
