/**
 * Each Lambda invocation's captured logs (Powertools JSON lines, EMF metric lines, START/END/
 * REPORT), kept with the execution that made it, in table `lambda_invocations` of the services
 * database (`<data dir>/services.db`): what CloudWatch Logs keeps per log stream, for the
 * dashboard to read. `log_text` holds the lines as written, joined by newlines (a JSON line
 * never holds a raw newline). Writes are buffered and flushed in one transaction per batch,
 * off the execution's hot path.
 */
import type Database from 'better-sqlite3';
import type { StoredInvocationLike } from '../dashboard';
import type { InvocationRecord, LogLine } from '../lambda';

/** One stored invocation, in the shape the dashboard reads, with the lines capture dropped. */
export interface StoredInvocation extends StoredInvocationLike {
  readonly droppedLogLines: number;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS lambda_invocations (
  request_id TEXT NOT NULL,
  execution_arn TEXT NOT NULL,
  state_name TEXT NOT NULL,
  function_name TEXT NOT NULL,
  started_at TEXT NOT NULL,
  duration_ms REAL NOT NULL,
  error_type TEXT,
  log_text TEXT NOT NULL,
  dropped_lines INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS lambda_invocations_by_execution ON lambda_invocations(execution_arn, started_at);
`;

interface Row {
  request_id: string;
  execution_arn: string;
  state_name: string;
  function_name: string;
  started_at: string;
  duration_ms: number;
  error_type: string | null;
  log_text: string;
  dropped_lines: number;
}

/** The invocation logs table, with buffered writes. */
export class InvocationLogStore {
  private pending: Row[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly insert: Database.Statement;
  private readonly byExecution: Database.Statement;
  private readonly writeBatch: (rows: Row[]) => void;

  /**
   * @param db the database (the table is created if needed)
   * @param flushAfterMs how long a write may wait to be batched with others. @default 50
   */
  public constructor(
    db: Database.Database,
    private readonly flushAfterMs = 50,
  ) {
    db.exec(SCHEMA);
    this.insert = db.prepare(
      `INSERT INTO lambda_invocations (request_id, execution_arn, state_name, function_name, started_at, duration_ms, error_type, log_text, dropped_lines)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.byExecution = db.prepare('SELECT * FROM lambda_invocations WHERE execution_arn = ? ORDER BY started_at, rowid');
    this.writeBatch = db.transaction((rows: Row[]) => {
      // Positional parameters: binding by name looks up every parameter's name on the row.
      for (const row of rows) {
        this.insert.run(
          row.request_id,
          row.execution_arn,
          row.state_name,
          row.function_name,
          row.started_at,
          row.duration_ms,
          row.error_type,
          row.log_text,
          row.dropped_lines,
        );
      }
    });
  }

  /** Queues an invocation's record for writing. */
  public record(executionArn: string, stateName: string, invocation: InvocationRecord): void {
    this.pending.push({
      request_id: invocation.requestId,
      execution_arn: executionArn,
      state_name: stateName,
      function_name: invocation.functionName,
      started_at: invocation.startedAt.toISOString(),
      duration_ms: invocation.durationMs,
      error_type: invocation.functionError === undefined ? null : errorTypeOf(invocation.payload),
      log_text: joinLines(invocation.logs),
      dropped_lines: invocation.droppedLogLines,
    });
    this.timer ??= setTimeout(() => this.flush(), this.flushAfterMs);
  }

  /** Writes what is queued, in one transaction. */
  public flush(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length === 0) return;
    const rows = this.pending;
    this.pending = [];
    this.writeBatch(rows);
  }

  /** An execution's invocations, oldest first (queued ones included). */
  public invocationsOf(executionArn: string): StoredInvocation[] {
    this.flush();
    return (this.byExecution.all(executionArn) as Row[]).map(toStored);
  }
}

function toStored(row: Row): StoredInvocation {
  return {
    requestId: row.request_id,
    executionArn: row.execution_arn,
    stateName: row.state_name,
    functionName: row.function_name,
    startedAt: row.started_at,
    durationMs: row.duration_ms,
    ...(row.error_type !== null ? { errorType: row.error_type } : {}),
    logLines: row.log_text === '' ? [] : row.log_text.split('\n'),
    droppedLogLines: row.dropped_lines,
  };
}

function joinLines(lines: readonly LogLine[]): string {
  let text = '';
  for (let i = 0; i < lines.length; i++) text += i === 0 ? lines[i]!.text : `\n${lines[i]!.text}`;
  return text;
}

function errorTypeOf(payload: string): string {
  try {
    const parsed: unknown = JSON.parse(payload);
    if (typeof parsed === 'object' && parsed !== null && 'errorType' in parsed && typeof parsed.errorType === 'string') return parsed.errorType;
  } catch {
    // A malformed error payload is reported as Lambda reports it.
  }
  return 'Lambda.Unknown';
}
