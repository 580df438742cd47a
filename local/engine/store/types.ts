import { RecordedEvent } from '../history';
import { MemoEntry, TopLevelCheckpoint } from '../runtime';

/** The lifecycle of an execution, as DescribeExecution reports it. */
export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED' | 'PENDING_REDRIVE';

/** Standard (durable, exactly-once state transitions) or Express (short, at-least-once). */
export type StateMachineType = 'STANDARD' | 'EXPRESS';

/** A stored state machine. Dates are ISO-8601 text. */
export interface StateMachineRecord {
  stateMachineArn: string;
  name: string;
  /** The ASL definition as JSON text. */
  definition: string;
  roleArn: string;
  type: StateMachineType;
  creationDate: string;
}

/** A stored execution. Input and output are JSON text, dates ISO-8601 text. */
export interface ExecutionRecord {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  status: ExecutionStatus;
  startDate: string;
  stopDate?: string;
  input: string;
  output?: string;
  error?: string;
  cause?: string;
  redriveCount: number;
  redriveDate?: string;
  /** Where the top level stands, for resume and redrive. */
  checkpoint?: TopLevelCheckpoint;
}

/** An execution record's fields but its input and output texts (which the in-memory store makes only when read). */
export type ExecutionFields = Omit<ExecutionRecord, 'input' | 'output'>;

/** What one step of an execution writes, atomically. */
export interface ExecutionStep {
  events: RecordedEvent[];
  memo: Array<[string, MemoEntry]>;
  /** Changed fields of the execution record. */
  execution?: Partial<Omit<ExecutionRecord, 'executionArn'>>;
}

/**
 * Where the engine keeps state machines, executions, their history and their recorded task
 * outcomes. Every method is synchronous; `commitStep` must be atomic (one transaction), so
 * that after a crash the history, the recorded task results and the checkpoint agree.
 */
export interface ExecutionStore {
  putStateMachine(record: StateMachineRecord): void;
  getStateMachine(stateMachineArn: string): StateMachineRecord | undefined;
  listStateMachines(): StateMachineRecord[];
  deleteStateMachine(stateMachineArn: string): void;
  /**
   * Creates the execution and commits its first step; false (and no change) when the ARN exists.
   * Like a step, the new execution may be written later: it is durable once `flush` returns
   * (at once in a store without `flush`).
   */
  createExecution(record: ExecutionRecord, first: ExecutionStep): boolean;
  getExecution(executionArn: string): ExecutionRecord | undefined;
  /** Newest first. */
  listExecutions(filter?: { stateMachineArn?: string; status?: ExecutionStatus }): ExecutionRecord[];
  /**
   * `listExecutions` without `checkpoint` (input and output may be left out too): what a listing
   * shows (ListExecutions, counts), which a store may answer for less than full records. Absent:
   * use `listExecutions`.
   */
  listExecutionSummaries?(filter?: { stateMachineArn?: string; status?: ExecutionStatus }): ExecutionFields[];
  /**
   * The store may keep `step.events` and `step.memo` (the arrays, not copies) until it writes
   * them: the caller hands them over and does not change them afterwards.
   */
  commitStep(executionArn: string, step: ExecutionStep): void;
  getHistory(executionArn: string): RecordedEvent[];
  getMemo(executionArn: string): Array<[string, MemoEntry]>;
  /**
   * Makes every step committed so far durable. A store may defer the writes of `commitStep`
   * (group commit); the engine calls this before it starts a task while an earlier task's
   * outcome may be unwritten, so a crash never re-runs a task recorded before a later one began.
   */
  flush?(): void;
  close?(): void;
}
