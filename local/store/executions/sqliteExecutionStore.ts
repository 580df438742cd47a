import Database from 'better-sqlite3';
import type { ExecutionRecord, ExecutionStatus, ExecutionStep, ExecutionStore, StateMachineRecord } from '../../engine';
import type { RecordedEvent } from '../../engine/history';
import type { MemoEntry, TopLevelCheckpoint } from '../../engine/runtime';
import { ArnIndex } from './arnIndex';
import { decodeCheckpoint } from './codecs';
import { migrate } from './schema';
import { decodeCheckpointOf, decodeStep, encodeSteps } from './stepCodec';

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
  first_step: string | null;
}

interface MachineRow {
  arn: string;
  name: string;
  definition: string;
  role_arn: string;
  type: string;
  creation_date: string;
}

/** How many ended executions the store keeps in memory (see `SqliteExecutionStore.ended`). */
const RECENTLY_ENDED = 1024;

const STATUSES = new Set<ExecutionStatus>(['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED', 'PENDING_REDRIVE']);

function toStatus(s: string): ExecutionStatus {
  if (!STATUSES.has(s as ExecutionStatus)) throw new Error(`stored execution has unknown status ${s}`);
  return s as ExecutionStatus;
}

/**
 * A stored execution; `checkpoint` is the latest one its steps wrote, if any (with
 * `withCheckpoint` false, none is read: a summary).
 */
function toRecord(row: ExecutionRow, checkpoint: TopLevelCheckpoint | undefined, withCheckpoint = true): ExecutionRecord {
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
  if (checkpoint !== undefined) r.checkpoint = checkpoint;
  else if (row.checkpoint !== null && withCheckpoint) r.checkpoint = decodeCheckpoint(row.checkpoint); // written by version 1
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

/** The column of each field of ExecutionRecord a step may change. */
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
const CHANGEABLE = Object.keys(COLUMNS);
/** The bit of each changeable field in the key of an UPDATE statement (see `updateExecution`). */
const CHANGE_BITS: Record<string, number> = Object.fromEntries(CHANGEABLE.map((key, i) => [key, 1 << i]));

/** An execution this store is running or has just changed: its record as it is once written. */
interface LiveExecution {
  seq: number;
  record: ExecutionRecord;
}

/**
 * An execution's writes waiting for the group commit: its new row, if it was just created, and
 * its steps, written as one (one row and one update per execution and commit).
 */
interface PendingWrites {
  arn: string;
  live: LiveExecution;
  created: boolean;
  /** The steps' events and memo entries, one list per step (encoded together, not copied). */
  events: Array<readonly RecordedEvent[]>;
  memo: Array<ReadonlyArray<[string, MemoEntry]>>;
  /** The steps' record changes, merged; undefined while no step changed the record. */
  changes: NonNullable<ExecutionStep['execution']> | undefined;
  /** True once `changes` is this store's own merge, which it may extend (else a step's own). */
  merged: boolean;
}

/**
 * The engine's ExecutionStore on a SQLite file (better-sqlite3, WAL). A step's history events,
 * recorded task outcomes, checkpoint and record changes are written in one transaction (with the
 * other steps pending at the time: see `groupCommit`), and so is a new execution's row, which
 * holds the steps written with it. Each commit writes one compact row (see stepCodec) per
 * execution that moved, appended at the end of the table.
 * The store is the file's only writer, so it keeps the record of each running (and recently
 * ended) execution in memory and never reads back what it wrote.
 */
export class SqliteExecutionStore implements ExecutionStore {
  private readonly db: Database.Database;
  private readonly statements: ReturnType<SqliteExecutionStore['prepare']>;
  private readonly updates = new Map<number, Database.Statement>();
  private readonly arns: ArnIndex;
  private readonly flushTx: (writes: Iterable<PendingWrites>) => boolean;
  private readonly groupCommit: boolean;
  private pending = new Map<string, PendingWrites>();
  private pendingSteps = 0;
  // Running executions (and ones whose last steps are not yet written), as they will be once
  // written: reads and steps of one execution see them without a query or a forced write.
  private readonly live = new Map<string, LiveExecution>();
  // Executions that ended and are written, newest last, kept a while (up to RECENTLY_ENDED) so
  // that describing one just after its end does not read the file.
  private readonly ended = new Map<string, LiveExecution>();
  // The last ARN `getExecution` found nowhere: `createExecution` usually follows for the same
  // ARN, and as this store is the file's only writer it is still absent then unless created here.
  private absent: string | undefined;
  private flushScheduled = false;
  /** The creation order of the newest execution (listings are newest first). */
  private lastSeq: number;
  /**
   * True once every execution the file holds as RUNNING is in `live` (read once, on the first
   * listing of running executions): then `live` answers such listings, without scanning the file.
   */
  private runningLoaded = false;

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
    migrate(this.db);
    this.statements = this.prepare();
    this.arns = new ArnIndex(this.db);
    this.lastSeq = (this.db.prepare('SELECT coalesce(max(seq), 0) AS n FROM executions').get() as { n: number }).n;
    this.groupCommit = options.groupCommit ?? true;
    this.flushTx = this.db.transaction((writes: Iterable<PendingWrites>) => {
      for (const w of writes) {
        if (w.created) this.insertExecution(w.live, w);
        else this.writeStep(w);
      }
      return this.arns.writeDue();
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
        `INSERT INTO executions (seq, arn, state_machine_arn, name, status, start_date, stop_date, input, output, error, cause, redrive_count, redrive_date, first_step)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      getExecution: db.prepare('SELECT * FROM executions WHERE seq = ?'),
      listExecutions: db.prepare(
        'SELECT * FROM executions WHERE (@machine IS NULL OR state_machine_arn = @machine) AND (@status IS NULL OR status = @status) ORDER BY seq DESC',
      ),
      listRunning: db.prepare("SELECT * FROM executions WHERE status = 'RUNNING'"),
      insertStep: db.prepare('INSERT INTO execution_steps (execution_seq, step, checkpointed) VALUES (?, ?, ?)'),
      lastCheckpoint: db.prepare('SELECT step FROM execution_steps WHERE execution_seq = ? AND checkpointed = 1 ORDER BY id DESC LIMIT 1').pluck(),
      firstStep: db.prepare('SELECT first_step FROM executions WHERE seq = ?').pluck(),
      getSteps: db.prepare('SELECT step FROM execution_steps WHERE execution_seq = ? ORDER BY id').pluck(),
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
    const arn = r.executionArn;
    if (this.live.has(arn) || this.ended.has(arn)) return false;
    if (arn !== this.absent && this.arns.seqOf(arn) !== undefined) return false;
    // The row joins the group write like any step (one commit for every execution started in
    // this turn): callers that answer only once it is durable call `flush` (the local API awaits
    // a shared flush before it replies; the engine flushes before an execution's first task).
    const created: LiveExecution = { seq: this.lastSeq + 1, record: { ...r } };
    this.lastSeq = created.seq;
    this.arns.add(arn, created.seq);
    this.live.set(arn, created);
    this.pending.set(arn, { arn, live: created, created: true, events: [], memo: [], changes: undefined, merged: false });
    this.commitStep(arn, first);
    return true;
  }

  /**
   * Inserts a new execution's row as its record stands (with the changes of the steps written
   * along), and those steps in it.
   */
  private insertExecution({ seq, record: r }: LiveExecution, steps: PendingWrites): void {
    // Positional parameters: binding named ones costs a lookup each.
    this.statements.insertExecution.run(
      seq,
      r.executionArn,
      r.stateMachineArn,
      r.name,
      r.status,
      r.startDate,
      r.stopDate ?? null,
      r.input,
      r.output ?? null,
      r.error ?? null,
      r.cause ?? null,
      r.redriveCount,
      r.redriveDate ?? null,
      stepText(steps) ?? null,
    );
  }

  public getExecution(arn: string): ExecutionRecord | undefined {
    const known = this.live.get(arn) ?? this.ended.get(arn);
    if (known !== undefined) return { ...known.record };
    const row = this.storedRow(arn);
    if (row === undefined) {
      this.absent = arn;
      return undefined;
    }
    return this.toRecord(row);
  }

  /** An execution's row in the file. */
  private storedRow(arn: string): ExecutionRow | undefined {
    const seq = this.arns.seqOf(arn);
    return seq === undefined ? undefined : (this.statements.getExecution.get(seq) as ExecutionRow | undefined);
  }

  /** The execution a step belongs to, read once from the file if this store has not seen it yet. */
  private liveExecution(arn: string): LiveExecution | undefined {
    let live = this.live.get(arn);
    if (live === undefined && (live = this.ended.get(arn)) !== undefined) {
      this.ended.delete(arn);
      this.live.set(arn, live);
    }
    if (live === undefined) {
      const row = this.storedRow(arn);
      if (row === undefined) return undefined;
      live = { seq: row.seq, record: this.toRecord(row) };
      this.live.set(arn, live);
    }
    return live;
  }

  public listExecutions(filter: { stateMachineArn?: string; status?: ExecutionStatus } = {}): ExecutionRecord[] {
    if (filter.status === 'RUNNING') return this.runningExecutions(filter.stateMachineArn);
    return this.storedExecutions(filter).map((row) => this.toRecord(row));
  }

  /** Like `listExecutions`, without the checkpoints: what a listing shows, read without decoding them. */
  public listExecutionSummaries(filter: { stateMachineArn?: string; status?: ExecutionStatus } = {}): ExecutionRecord[] {
    if (filter.status === 'RUNNING') return this.runningExecutions(filter.stateMachineArn, false);
    return this.storedExecutions(filter).map((row) => toRecord(row, undefined, false));
  }

  private storedExecutions(filter: { stateMachineArn?: string; status?: ExecutionStatus }): ExecutionRow[] {
    this.flush();
    return this.statements.listExecutions.all({ machine: filter.stateMachineArn ?? null, status: filter.status ?? null }) as ExecutionRow[];
  }

  /**
   * The running executions, newest first, from memory: every one is in `live` (those the file
   * held when this store opened are read into it once, here), and leaves it when it ends.
   */
  private runningExecutions(stateMachineArn: string | undefined, withCheckpoints = true): ExecutionRecord[] {
    if (!this.runningLoaded) {
      this.flush();
      for (const row of this.statements.listRunning.all() as ExecutionRow[]) {
        if (!this.live.has(row.arn)) this.live.set(row.arn, { seq: row.seq, record: this.toRecord(row) });
      }
      this.runningLoaded = true;
    }
    const running: LiveExecution[] = [];
    for (const live of this.live.values()) {
      if (live.record.status === 'RUNNING' && (stateMachineArn === undefined || live.record.stateMachineArn === stateMachineArn)) running.push(live);
    }
    running.sort((a, b) => b.seq - a.seq);
    return running.map(({ record }) => {
      if (withCheckpoints || record.checkpoint === undefined) return { ...record };
      const { checkpoint: _, ...summary } = record;
      return summary;
    });
  }

  /**
   * A stored execution with its latest checkpoint. A succeeded execution is never resumed or
   * redriven, so its checkpoint is not read back.
   */
  private toRecord(row: ExecutionRow): ExecutionRecord {
    if (row.status === 'SUCCEEDED') return toRecord(row, undefined);
    const text = (this.statements.lastCheckpoint.get(row.seq) as string | undefined) ?? row.first_step ?? undefined;
    return toRecord(row, text === undefined ? undefined : decodeCheckpointOf(text));
  }

  public commitStep(arn: string, step: ExecutionStep): void {
    const live = this.liveExecution(arn);
    if (live === undefined) throw new Error(`unknown execution ${arn}`);
    let waiting = this.pending.get(arn);
    if (waiting === undefined) {
      waiting = { arn, live, created: false, events: [], memo: [], changes: undefined, merged: false };
      this.pending.set(arn, waiting);
    }
    if (step.events.length > 0) waiting.events.push(step.events);
    if (step.memo.length > 0) waiting.memo.push(step.memo);
    const changes = step.execution;
    if (changes !== undefined) {
      if (waiting.changes === undefined) {
        waiting.changes = changes;
      } else {
        if (!waiting.merged) waiting.changes = { ...waiting.changes };
        waiting.merged = true;
        Object.assign(waiting.changes, changes);
      }
      applyChanges(live, changes);
    }
    this.pendingSteps++;
    if (!this.groupCommit || this.pendingSteps >= 512) {
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
    if (this.pending.size === 0) return;
    const written = this.pending;
    this.pending = new Map();
    this.pendingSteps = 0;
    if (this.flushTx(written.values())) this.arns.written();
    // Running executions stay in memory; ended ones for a while (see `ended`), then are read
    // from the file.
    for (const { arn, live } of written.values()) {
      if (live.record.status === 'RUNNING') continue;
      this.live.delete(arn);
      // As read back from the file: a succeeded execution's checkpoint is not kept.
      if (live.record.status === 'SUCCEEDED' && live.record.checkpoint !== undefined) {
        const { checkpoint: _, ...record } = live.record;
        live.record = record;
      }
      this.ended.set(arn, live);
    }
    for (const arn of this.ended.keys()) {
      if (this.ended.size <= RECENTLY_ENDED) break;
      this.ended.delete(arn);
    }
  }

  /** Writes the steps of an execution whose row is in the file. */
  private writeStep(steps: PendingWrites): void {
    const seq = steps.live.seq;
    const text = stepText(steps);
    if (text !== undefined) this.statements.insertStep.run(seq, text, writtenCheckpoint(steps.changes) === undefined ? 0 : 1);
    if (steps.changes !== undefined) this.updateExecution(seq, steps.changes);
  }

  /** Writes the changed columns (one prepared UPDATE per set of columns, keyed by their bits). */
  private updateExecution(seq: number, changes: Partial<ExecutionRecord>): void {
    let columns = 0;
    const values: unknown[] = [];
    for (const key in changes) {
      const bit = CHANGE_BITS[key];
      if (bit === undefined) continue;
      columns |= bit;
    }
    if (columns === 0) return;
    for (const key of CHANGEABLE) if ((columns & CHANGE_BITS[key]) !== 0) values.push((changes as Record<string, unknown>)[key] ?? null);
    let stmt = this.updates.get(columns);
    if (stmt === undefined) {
      const set = CHANGEABLE.filter((key) => (columns & CHANGE_BITS[key]) !== 0).map((key) => `${COLUMNS[key]} = ?`);
      stmt = this.db.prepare(`UPDATE executions SET ${set.join(', ')} WHERE seq = ?`);
      this.updates.set(columns, stmt);
    }
    values.push(seq);
    stmt.run(values);
  }

  public getHistory(arn: string): RecordedEvent[] {
    return this.storedSteps(arn).flatMap((text) => decodeStep(text).events);
  }

  public getMemo(arn: string): Array<[string, MemoEntry]> {
    return this.storedSteps(arn).flatMap((text) => decodeStep(text).memo);
  }

  /** The stored texts of an execution's steps, in order. */
  private storedSteps(arn: string): string[] {
    this.flush();
    const seq = this.arns.seqOf(arn);
    if (seq === undefined) return [];
    const first = this.statements.firstStep.get(seq) as string | null | undefined;
    const rest = this.statements.getSteps.all(seq) as string[];
    return first === null || first === undefined ? rest : [first, ...rest];
  }

  public close(): void {
    this.flush();
    this.db.close();
  }
}

/**
 * Applies a step's changes to an execution's record, as it reads back from the file (a field set
 * to undefined is absent). In place (the record is never handed out, reads copy it), unless a
 * field is unset: deleting would slow every later copy of the record.
 */
function applyChanges(live: LiveExecution, changes: NonNullable<ExecutionStep['execution']>): void {
  let unset = false;
  for (const key in changes) unset ||= (changes as Record<string, unknown>)[key] === undefined;
  if (!unset) Object.assign(live.record, changes);
  else live.record = withChanges(live.record, changes);
}

/** A record with changes that unset some fields. */
function withChanges(record: ExecutionRecord, changes: NonNullable<ExecutionStep['execution']>): ExecutionRecord {
  const changed: Record<string, unknown> = {};
  for (const key in record) if (!(key in changes)) changed[key] = (record as unknown as Record<string, unknown>)[key];
  for (const key in changes) {
    const value = (changes as Record<string, unknown>)[key];
    if (value !== undefined) changed[key] = value;
  }
  return changed as unknown as ExecutionRecord;
}

/** The checkpoint steps write: a succeeded execution is never resumed or redriven, so not its last one. */
function writtenCheckpoint(changes: PendingWrites['changes']): TopLevelCheckpoint | undefined {
  return changes?.status === 'SUCCEEDED' ? undefined : changes?.checkpoint;
}

/** The stored text of an execution's pending steps, if they write anything but record changes. */
function stepText(steps: PendingWrites): string | undefined {
  const checkpoint = writtenCheckpoint(steps.changes);
  if (steps.events.length === 0 && steps.memo.length === 0 && checkpoint === undefined) return undefined;
  return encodeSteps(steps.events, steps.memo, checkpoint);
}
