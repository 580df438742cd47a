import { RecordedEvent } from '../history';
import { MemoEntry } from '../runtime';
import { ExecutionRecord, ExecutionStatus, ExecutionStep, ExecutionStore, StateMachineRecord } from './types';

interface StoredExecution {
  record: ExecutionRecord;
  events: RecordedEvent[];
  memo: Map<string, MemoEntry>;
  order: number;
}

/** An ExecutionStore in memory: for tests, benchmarks and Express-only use. */
export class MemoryExecutionStore implements ExecutionStore {
  private readonly machines = new Map<string, StateMachineRecord>();
  private readonly executions = new Map<string, StoredExecution>();
  private counter = 0;

  /**
   * @param options.maxExecutions how many executions to keep; beyond it the oldest ended ones
   *   are forgotten (a long-running process, a benchmark). @default Infinity
   */
  public constructor(private readonly options: { maxExecutions?: number } = {}) {}

  private evict(): void {
    const max = this.options.maxExecutions ?? Infinity;
    if (this.executions.size <= max) return;
    for (const [arn, e] of this.executions) {
      if (this.executions.size <= max) break;
      if (e.record.status !== 'RUNNING') this.executions.delete(arn);
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
    this.executions.set(record.executionArn, { record: { ...record }, events: [], memo: new Map(), order: this.counter++ });
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
    for (const ev of step.events) e.events.push(ev);
    for (const [k, v] of step.memo) e.memo.set(k, v);
    if (step.execution !== undefined) Object.assign(e.record, step.execution); // never handed out: reads copy it
  }

  public getHistory(arn: string): RecordedEvent[] {
    return [...(this.executions.get(arn)?.events ?? [])];
  }

  public getMemo(arn: string): Array<[string, MemoEntry]> {
    return [...(this.executions.get(arn)?.memo ?? new Map<string, MemoEntry>()).entries()];
  }
}
