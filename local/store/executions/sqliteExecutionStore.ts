import Database from 'better-sqlite3';
import type { ExecutionRecord, ExecutionStatus, ExecutionStep, ExecutionStore, StateMachineRecord } from '../../engine';
import type { RecordedEvent } from '../../engine/history';
import type { MemoEntry, TopLevelCheckpoint } from '../../engine/runtime';
import { decodeCheckpoint, decodeEvents, decodeMemo } from './codecs';
import { packEvents } from './eventPacking';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS state_machines (
  arn TEXT PRIMARY KEY, name TEXT NOT NULL, definition TEXT NOT NULL, role_arn TEXT NOT NULL,
  type TEXT NOT NULL, creation_date TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS executions (
  arn TEXT PRIMARY KEY, seq INTEGER NOT NULL, state_machine_arn TEXT NOT NULL, name TEXT NOT NULL, status TEXT NOT NULL,
  start_date TEXT NOT NULL, stop_date TEXT, input TEXT NOT NULL, output TEXT, error TEXT, cause TEXT,
  redrive_count INTEGER NOT NULL DEFAULT 0, redrive_date TEXT, checkpoint TEXT
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS executions_by_status ON executions(status);
-- One row per written step (or per group of steps of one execution written together):
-- its history events and recorded task outcomes, as JSON arrays, in order.
CREATE TABLE IF NOT EXISTS execution_steps (
  id INTEGER PRIMARY KEY, execution_arn TEXT NOT NULL, events TEXT NOT NULL, memo TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS execution_steps_by_execution ON execution_steps(execution_arn, id);
`;

interface ExecutionRow {
  arn: string;
  state_machine_arn: string;
  name: string;
  status: string;
  start_date: string;
  stop_date: string | null;
  input: string;
  output: string | null;
  error: string | null;
  cause: string | null;
  redrive_count: number;
  redrive_date: string | null;
  checkpoint: string | null;
}

interface MachineRow {
  arn: string;
  name: string;
  definition: string;
  role_arn: string;
  type: string;
  creation_date: string;
}

const STATUSES = new Set<ExecutionStatus>(['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED', 'PENDING_REDRIVE']);

function toStatus(s: string): ExecutionStatus {
  if (!STATUSES.has(s as ExecutionStatus)) throw new Error(`stored execution has unknown status ${s}`);
  return s as ExecutionStatus;
}

function toRecord(row: ExecutionRow): ExecutionRecord {
  const r: ExecutionRecord = {
    executionArn: row.arn,
    stateMachineArn: row.state_machine_arn,
    name: row.name,
    status: toStatus(row.status),
    startDate: row.start_date,
    input: row.input,
    redriveCount: row.redrive_count,
  };
  if (row.stop_date !== null) r.stopDate = row.stop_date;
  if (row.output !== null) r.output = row.output;
  if (row.error !== null) r.error = row.error;
  if (row.cause !== null) r.cause = row.cause;
  if (row.redrive_date !== null) r.redriveDate = row.redrive_date;
  if (row.checkpoint !== null) r.checkpoint = decodeCheckpoint(row.checkpoint);
  return r;
}

function toMachine(row: MachineRow): StateMachineRecord {
  return {
    stateMachineArn: row.arn,
    name: row.name,
    definition: row.definition,
    roleArn: row.role_arn,
    type: row.type === 'EXPRESS' ? 'EXPRESS' : 'STANDARD',
    creationDate: row.creation_date,
  };
}

const COLUMNS: Record<string, string> = {
  stateMachineArn: 'state_machine_arn',
  name: 'name',
  status: 'status',
  startDate: 'start_date',
  stopDate: 'stop_date',
  input: 'input',
  output: 'output',
  error: 'error',
  cause: 'cause',
  redriveCount: 'redrive_count',
  redriveDate: 'redrive_date',
  checkpoint: 'checkpoint',
};

/**
 * The engine's ExecutionStore on a SQLite file (better-sqlite3, WAL). Each step is one
 * transaction: history events, recorded task outcomes and the execution record change together.
 */
export class SqliteExecutionStore implements ExecutionStore {
  private readonly db: Database.Database;
  private readonly statements: ReturnType<SqliteExecutionStore['prepare']>;
  private readonly updates = new Map<string, Database.Statement>();
  private readonly flushTx: (creates: ExecutionRecord[], steps: Array<[string, ExecutionStep]>) => void;
  private readonly groupCommit: boolean;
  private pending: Array<[string, ExecutionStep]> = [];
  // Executions created or changed by steps not yet written, as they will be once written:
  // reads of one execution see them without forcing a write.
  private pendingCreates: ExecutionRecord[] = [];
  private readonly pendingRecords = new Map<string, ExecutionRecord>();
  private flushScheduled = false;
  /** The creation order of the newest execution (listings are newest first). */
  private lastSeq: number;

  /**
   * @param filename a file path, or ':memory:'
   * @param options.synchronous SQLite's synchronous pragma. NORMAL survives a process crash
   *   (kill -9); FULL also survives power loss. @default 'NORMAL'
   * @param options.walAutocheckpoint SQLite's wal_autocheckpoint pragma: pages of WAL after
   *   which a commit checkpoints (and fsyncs) on this connection; 0 leaves checkpoints to
   *   another connection (e.g. a background thread). @default SQLite's 1000
   * @param options.groupCommit Defer the writes of `commitStep` and write them in one
   *   transaction at the next event-loop turn, or sooner when `flush` is called (the engine
   *   does before it starts a task while an earlier outcome is unwritten) or a list is read.
   *   A crash then loses at most steps whose tasks were still the latest to run; they run again
   *   on resume, and no task recorded as completed before another began ever runs twice.
   *   With false, every step is its own transaction before `commitStep` returns. @default true
   */
  public constructor(filename: string, options: { synchronous?: 'OFF' | 'NORMAL' | 'FULL'; groupCommit?: boolean; walAutocheckpoint?: number } = {}) {
    this.db = new Database(filename);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`);
    if (options.walAutocheckpoint !== undefined) this.db.pragma(`wal_autocheckpoint = ${Math.max(0, Math.floor(options.walAutocheckpoint))}`);
    this.db.exec(SCHEMA);
    this.statements = this.prepare();
    this.lastSeq = (this.db.prepare('SELECT coalesce(max(seq), 0) AS n FROM executions').get() as { n: number }).n;
    this.groupCommit = options.groupCommit ?? true;
    this.flushTx = this.db.transaction((creates: ExecutionRecord[], steps: Array<[string, ExecutionStep]>) => {
      for (const r of creates) this.insertExecution(r);
      for (const [arn, step] of mergeByExecution(steps)) this.writeStep(arn, step);
    });
  }

  private prepare() {
    const db = this.db;
    return {
      putMachine: db.prepare(
        'INSERT OR REPLACE INTO state_machines (arn, name, definition, role_arn, type, creation_date) VALUES (@arn, @name, @definition, @role_arn, @type, @creation_date)',
      ),
      getMachine: db.prepare('SELECT * FROM state_machines WHERE arn = ?'),
      listMachines: db.prepare('SELECT * FROM state_machines ORDER BY creation_date'),
      deleteMachine: db.prepare('DELETE FROM state_machines WHERE arn = ?'),
      insertExecution: db.prepare(
        `INSERT OR IGNORE INTO executions (arn, seq, state_machine_arn, name, status, start_date, stop_date, input, output, error, cause, redrive_count, redrive_date, checkpoint)
         VALUES (@arn, @seq, @state_machine_arn, @name, @status, @start_date, @stop_date, @input, @output, @error, @cause, @redrive_count, @redrive_date, @checkpoint)`,
      ),
      getExecution: db.prepare('SELECT * FROM executions WHERE arn = ?'),
      listExecutions: db.prepare(
        'SELECT * FROM executions WHERE (@machine IS NULL OR state_machine_arn = @machine) AND (@status IS NULL OR status = @status) ORDER BY seq DESC',
      ),
      insertStep: db.prepare('INSERT INTO execution_steps (execution_arn, events, memo) VALUES (?, ?, ?)'),
      getEvents: db.prepare('SELECT events FROM execution_steps WHERE execution_arn = ? ORDER BY id'),
      getMemo: db.prepare('SELECT memo FROM execution_steps WHERE execution_arn = ? ORDER BY id'),
    };
  }

  public putStateMachine(r: StateMachineRecord): void {
    this.flush();
    this.statements.putMachine.run({ arn: r.stateMachineArn, name: r.name, definition: r.definition, role_arn: r.roleArn, type: r.type, creation_date: r.creationDate });
  }

  public getStateMachine(arn: string): StateMachineRecord | undefined {
    const row = this.statements.getMachine.get(arn) as MachineRow | undefined;
    return row && toMachine(row);
  }

  public listStateMachines(): StateMachineRecord[] {
    return (this.statements.listMachines.all() as MachineRow[]).map(toMachine);
  }

  public deleteStateMachine(arn: string): void {
    this.flush();
    this.statements.deleteMachine.run(arn);
  }

  public createExecution(r: ExecutionRecord, first: ExecutionStep): boolean {
    if (this.pendingRecords.has(r.executionArn) || this.statements.getExecution.get(r.executionArn) !== undefined) return false;
    // StartExecution answers only once the execution is durable: its record is written now; its
    // first step (ExecutionStarted) goes with the next write, and a resume re-records it if lost.
    this.pendingCreates.push(r);
    this.pendingRecords.set(r.executionArn, { ...r });
    this.flush();
    this.commitStep(r.executionArn, first);
    return true;
  }

  private insertExecution(r: ExecutionRecord): void {
    this.statements.insertExecution.run({
      arn: r.executionArn,
      seq: ++this.lastSeq,
      state_machine_arn: r.stateMachineArn,
      name: r.name,
      status: r.status,
      start_date: r.startDate,
      stop_date: r.stopDate ?? null,
      input: r.input,
      output: r.output ?? null,
      error: r.error ?? null,
      cause: r.cause ?? null,
      redrive_count: r.redriveCount,
      redrive_date: r.redriveDate ?? null,
      checkpoint: r.checkpoint ? JSON.stringify(r.checkpoint) : null,
    });
  }

  public getExecution(arn: string): ExecutionRecord | undefined {
    const pending = this.pendingRecords.get(arn);
    if (pending !== undefined) return { ...pending };
    const row = this.statements.getExecution.get(arn) as ExecutionRow | undefined;
    return row && toRecord(row);
  }

  public listExecutions(filter: { stateMachineArn?: string; status?: ExecutionStatus } = {}): ExecutionRecord[] {
    this.flush();
    const rows = this.statements.listExecutions.all({ machine: filter.stateMachineArn ?? null, status: filter.status ?? null }) as ExecutionRow[];
    return rows.map(toRecord);
  }

  public commitStep(arn: string, step: ExecutionStep): void {
    this.pending.push([arn, step]);
    if (step.execution !== undefined || this.pendingRecords.has(arn)) {
      const current = this.pendingRecords.get(arn) ?? this.getExecution(arn);
      if (current !== undefined) this.pendingRecords.set(arn, { ...current, ...step.execution });
    }
    if (!this.groupCommit || this.pending.length >= 512) {
      this.flush();
      return;
    }
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    }
  }

  /** Writes every pending step, in one transaction. */
  public flush(): void {
    this.flushScheduled = false;
    if (this.pending.length === 0 && this.pendingCreates.length === 0) return;
    const steps = this.pending;
    const creates = this.pendingCreates;
    this.pending = [];
    this.pendingCreates = [];
    this.flushTx(creates, steps);
    this.pendingRecords.clear();
  }

  private writeStep(arn: string, step: ExecutionStep): void {
    if (step.events.length > 0 || step.memo.length > 0) {
      this.statements.insertStep.run(arn, JSON.stringify(packEvents(step.events)), JSON.stringify(step.memo));
    }
    if (step.execution !== undefined) this.updateExecution(arn, step.execution);
  }

  private updateExecution(arn: string, changes: Partial<ExecutionRecord>): void {
    const keys = Object.keys(changes).filter((k) => k in COLUMNS).sort();
    if (keys.length === 0) return;
    const signature = keys.join(',');
    let stmt = this.updates.get(signature);
    if (stmt === undefined) {
      stmt = this.db.prepare(`UPDATE executions SET ${keys.map((k) => `${COLUMNS[k]} = @${k}`).join(', ')} WHERE arn = @arn`);
      this.updates.set(signature, stmt);
    }
    const params: Record<string, unknown> = { arn };
    for (const k of keys) {
      const v = (changes as Record<string, unknown>)[k];
      params[k] = k === 'checkpoint' ? (v === undefined ? null : JSON.stringify(v as TopLevelCheckpoint)) : (v ?? null);
    }
    stmt.run(params);
  }

  public getHistory(arn: string): RecordedEvent[] {
    this.flush();
    return (this.statements.getEvents.all(arn) as Array<{ events: string }>).flatMap((r) => decodeEvents(r.events));
  }

  public getMemo(arn: string): Array<[string, MemoEntry]> {
    this.flush();
    return (this.statements.getMemo.all(arn) as Array<{ memo: string }>).flatMap((r) => decodeMemo(r.memo));
  }

  public close(): void {
    this.flush();
    this.db.close();
  }
}

/** The steps of each execution joined into one, in order (one row and one update each). */
function mergeByExecution(steps: Array<[string, ExecutionStep]>): Map<string, ExecutionStep> {
  const merged = new Map<string, ExecutionStep>();
  for (const [arn, step] of steps) {
    const m = merged.get(arn);
    if (m === undefined) {
      merged.set(arn, { events: [...step.events], memo: [...step.memo], execution: step.execution && { ...step.execution } });
      continue;
    }
    m.events.push(...step.events);
    m.memo.push(...step.memo);
    if (step.execution !== undefined) m.execution = { ...m.execution, ...step.execution };
  }
  return merged;
}
