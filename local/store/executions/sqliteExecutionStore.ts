import Database from 'better-sqlite3';
import type { ExecutionRecord, ExecutionStatus, ExecutionStep, ExecutionStore, StateMachineRecord } from '../../engine';
import type { RecordedEvent } from '../../engine/history';
import type { MemoEntry } from '../../engine/runtime';
import { decodeCheckpoint, decodeEvents, decodeMemo } from './codecs';
import { packEvents } from './eventPacking';

/** The layout this file writes (`PRAGMA user_version`); older files are migrated on open. */
const SCHEMA_VERSION = 3;

// Rows are keyed by creation order (`seq`), so the executions in flight, and the steps they
// write, share a few pages at the end of each table: a commit writes whole pages, and keying by
// ARN (random) made every execution's step touch pages of its own.
const SCHEMA = `
CREATE TABLE IF NOT EXISTS state_machines (
  arn TEXT PRIMARY KEY, name TEXT NOT NULL, definition TEXT NOT NULL, role_arn TEXT NOT NULL,
  type TEXT NOT NULL, creation_date TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS executions (
  seq INTEGER PRIMARY KEY, arn TEXT NOT NULL UNIQUE, state_machine_arn TEXT NOT NULL, name TEXT NOT NULL, status TEXT NOT NULL,
  start_date TEXT NOT NULL, stop_date TEXT, input TEXT NOT NULL, output TEXT, error TEXT, cause TEXT,
  redrive_count INTEGER NOT NULL DEFAULT 0, redrive_date TEXT, checkpoint TEXT
);
-- No index on status: listings scan in seq order anyway, and an index entry that moves when
-- an execution ends would cost each commit a page.
-- One row per written step (or per group of steps of one execution written together):
-- its history events and recorded task outcomes, as JSON, in order, and the top-level
-- checkpoint it reached, if it moved (appended here rather than rewriting the execution's row).
-- executions.checkpoint holds only checkpoints written by version 1.
CREATE TABLE IF NOT EXISTS execution_steps (
  id INTEGER PRIMARY KEY, execution_seq INTEGER NOT NULL, events TEXT NOT NULL, memo TEXT NOT NULL, checkpoint TEXT
);
CREATE INDEX IF NOT EXISTS execution_steps_by_execution ON execution_steps(execution_seq, id);
`;

/** Version 2 kept checkpoints in executions only. */
const MIGRATE_FROM_V2 = 'ALTER TABLE execution_steps ADD COLUMN checkpoint TEXT; DROP INDEX IF EXISTS executions_by_status;';

/** Version 1 keyed executions by ARN (WITHOUT ROWID) and steps by execution ARN. */
const MIGRATE_FROM_V1 = `
ALTER TABLE executions RENAME TO executions_v1;
ALTER TABLE execution_steps RENAME TO execution_steps_v1;
DROP INDEX IF EXISTS executions_by_status;
DROP INDEX IF EXISTS execution_steps_by_execution;
${SCHEMA}
INSERT INTO executions (seq, arn, state_machine_arn, name, status, start_date, stop_date, input, output, error, cause, redrive_count, redrive_date, checkpoint)
  SELECT seq, arn, state_machine_arn, name, status, start_date, stop_date, input, output, error, cause, redrive_count, redrive_date, checkpoint
  FROM executions_v1 ORDER BY seq;
INSERT INTO execution_steps (execution_seq, events, memo)
  SELECT e.seq, s.events, s.memo FROM execution_steps_v1 s JOIN executions_v1 e ON e.arn = s.execution_arn ORDER BY s.id;
DROP TABLE execution_steps_v1;
DROP TABLE executions_v1;
`;

interface ExecutionRow {
  seq: number;
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

/** A stored execution; `checkpoint` is the latest one its steps wrote, if any. */
function toRecord(row: ExecutionRow, checkpoint: string | null | undefined): ExecutionRecord {
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
  const text = checkpoint ?? row.checkpoint;
  if (text !== null) r.checkpoint = decodeCheckpoint(text);
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
};

/** A write waiting for the group commit: a new execution's row, or one step of an execution. */
type PendingWrite = LiveExecution | [string, ExecutionStep];

/** An execution this store is running or has just changed: its record as it is once written. */
interface LiveExecution {
  seq: number;
  record: ExecutionRecord;
}

/**
 * The engine's ExecutionStore on a SQLite file (better-sqlite3, WAL). A step's history events,
 * recorded task outcomes, checkpoint and record changes are written in one transaction (with the
 * other steps pending at the time: see `groupCommit`), and so is a new execution's row.
 * The store is the file's only writer, so it keeps the record of each running execution in memory
 * and never reads back what it wrote.
 */
export class SqliteExecutionStore implements ExecutionStore {
  private readonly db: Database.Database;
  private readonly statements: ReturnType<SqliteExecutionStore['prepare']>;
  private readonly updates = new Map<string, Database.Statement>();
  private readonly flushTx: (writes: PendingWrite[]) => void;
  private readonly groupCommit: boolean;
  private pending: PendingWrite[] = [];
  // Running executions (and ones whose last steps are not yet written), as they will be once
  // written: reads and steps of one execution see them without a query or a forced write.
  private readonly live = new Map<string, LiveExecution>();
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
    this.migrate();
    this.statements = this.prepare();
    this.lastSeq = (this.db.prepare('SELECT coalesce(max(seq), 0) AS n FROM executions').get() as { n: number }).n;
    this.groupCommit = options.groupCommit ?? true;
    this.flushTx = this.db.transaction((writes: PendingWrite[]) => {
      const steps: Array<[string, ExecutionStep]> = [];
      for (const w of writes) {
        if (Array.isArray(w)) steps.push(w);
        else this.insertExecution(w); // before its steps: they update its row
      }
      for (const [arn, step] of mergeByExecution(steps)) this.writeStep(arn, step);
    });
  }

  /** Creates the tables, or brings an older file's to this version. */
  private migrate(): void {
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version === SCHEMA_VERSION) return;
    const legacy = this.db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'executions'").get() as { sql: string } | undefined;
    this.db.transaction(() => {
      if (version === 2) this.db.exec(MIGRATE_FROM_V2);
      else this.db.exec(legacy !== undefined && /WITHOUT ROWID/i.test(legacy.sql) ? MIGRATE_FROM_V1 : SCHEMA);
      this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
    })();
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
        `INSERT INTO executions (seq, arn, state_machine_arn, name, status, start_date, stop_date, input, output, error, cause, redrive_count, redrive_date, checkpoint)
         VALUES (@seq, @arn, @state_machine_arn, @name, @status, @start_date, @stop_date, @input, @output, @error, @cause, @redrive_count, @redrive_date, @checkpoint)`,
      ),
      getExecution: db.prepare('SELECT * FROM executions WHERE arn = ?'),
      executionExists: db.prepare('SELECT 1 FROM executions WHERE arn = ?').pluck(),
      listExecutions: db.prepare(
        'SELECT * FROM executions WHERE (@machine IS NULL OR state_machine_arn = @machine) AND (@status IS NULL OR status = @status) ORDER BY seq DESC',
      ),
      insertStep: db.prepare('INSERT INTO execution_steps (execution_seq, events, memo, checkpoint) VALUES (?, ?, ?, ?)'),
      lastCheckpoint: db.prepare('SELECT checkpoint FROM execution_steps WHERE execution_seq = ? AND checkpoint IS NOT NULL ORDER BY id DESC LIMIT 1').pluck(),
      getEvents: db.prepare('SELECT s.events FROM execution_steps s JOIN executions e ON e.seq = s.execution_seq WHERE e.arn = ? ORDER BY s.id').pluck(),
      getMemo: db.prepare('SELECT s.memo FROM execution_steps s JOIN executions e ON e.seq = s.execution_seq WHERE e.arn = ? ORDER BY s.id').pluck(),
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
    if (this.live.has(r.executionArn) || this.statements.executionExists.get(r.executionArn) !== undefined) return false;
    // The row joins the group write like any step (one commit for every execution started in
    // this turn): callers that answer only once it is durable call `flush` (the local API awaits
    // a shared flush before it replies; the engine flushes before an execution's first task).
    const created: LiveExecution = { seq: this.lastSeq + 1, record: { ...r } };
    this.lastSeq = created.seq;
    this.live.set(r.executionArn, created);
    this.pending.push(created);
    this.commitStep(r.executionArn, first);
    return true;
  }

  /** Inserts a new execution's row. */
  private insertExecution({ seq, record: r }: LiveExecution): void {
    this.statements.insertExecution.run({
      seq,
      arn: r.executionArn,
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
      checkpoint: null, // written with the steps
    });
  }

  public getExecution(arn: string): ExecutionRecord | undefined {
    const live = this.live.get(arn);
    if (live !== undefined) return { ...live.record };
    const row = this.statements.getExecution.get(arn) as ExecutionRow | undefined;
    return row && this.toRecord(row);
  }

  /** The execution a step belongs to, read once from the file if this store has not seen it yet. */
  private liveExecution(arn: string): LiveExecution | undefined {
    let live = this.live.get(arn);
    if (live === undefined) {
      const row = this.statements.getExecution.get(arn) as ExecutionRow | undefined;
      if (row === undefined) return undefined;
      live = { seq: row.seq, record: this.toRecord(row) };
      this.live.set(arn, live);
    }
    return live;
  }

  public listExecutions(filter: { stateMachineArn?: string; status?: ExecutionStatus } = {}): ExecutionRecord[] {
    this.flush();
    const rows = this.statements.listExecutions.all({ machine: filter.stateMachineArn ?? null, status: filter.status ?? null }) as ExecutionRow[];
    return rows.map((row) => this.toRecord(row));
  }

  /**
   * A stored execution with its latest checkpoint. A succeeded execution is never resumed or
   * redriven, so its checkpoint is not read back.
   */
  private toRecord(row: ExecutionRow): ExecutionRecord {
    const checkpoint = row.status === 'SUCCEEDED' ? null : (this.statements.lastCheckpoint.get(row.seq) as string | undefined);
    return toRecord(row, checkpoint);
  }

  public commitStep(arn: string, step: ExecutionStep): void {
    const live = this.liveExecution(arn);
    if (live === undefined) throw new Error(`unknown execution ${arn}`);
    this.pending.push([arn, step]);
    if (step.execution !== undefined) live.record = { ...live.record, ...step.execution };
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
    if (this.pending.length === 0) return;
    const writes = this.pending;
    this.pending = [];
    this.flushTx(writes);
    // Ended executions are read from the file from now on; running ones stay in memory.
    for (const w of writes) {
      if (!Array.isArray(w)) continue;
      const live = this.live.get(w[0]);
      if (live !== undefined && live.record.status !== 'RUNNING') this.live.delete(w[0]);
    }
  }

  private writeStep(arn: string, step: ExecutionStep): void {
    const seq = this.live.get(arn)?.seq;
    if (seq === undefined) throw new Error(`unknown execution ${arn}`);
    const checkpoint = step.execution?.checkpoint;
    if (step.events.length > 0 || step.memo.length > 0 || checkpoint !== undefined) {
      this.statements.insertStep.run(seq, JSON.stringify(packEvents(step.events)), JSON.stringify(step.memo), checkpoint === undefined ? null : JSON.stringify(checkpoint));
    }
    if (step.execution !== undefined) this.updateExecution(seq, step.execution);
  }

  private updateExecution(seq: number, changes: Partial<ExecutionRecord>): void {
    const keys = Object.keys(changes).filter((k) => k in COLUMNS).sort();
    if (keys.length === 0) return;
    const signature = keys.join(',');
    let stmt = this.updates.get(signature);
    if (stmt === undefined) {
      stmt = this.db.prepare(`UPDATE executions SET ${keys.map((k) => `${COLUMNS[k]} = @${k}`).join(', ')} WHERE seq = @seq`);
      this.updates.set(signature, stmt);
    }
    const params: Record<string, unknown> = { seq };
    for (const k of keys) {
      const v = (changes as Record<string, unknown>)[k];
      params[k] = v ?? null;
    }
    stmt.run(params);
  }

  public getHistory(arn: string): RecordedEvent[] {
    this.flush();
    return (this.statements.getEvents.all(arn) as string[]).flatMap((text) => decodeEvents(text));
  }

  public getMemo(arn: string): Array<[string, MemoEntry]> {
    this.flush();
    return (this.statements.getMemo.all(arn) as string[]).flatMap((text) => decodeMemo(text));
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
