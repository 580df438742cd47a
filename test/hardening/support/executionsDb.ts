/** Reads local mode's executions database directly (after the server stopped, or while it runs: WAL readers are safe). */
import Database from 'better-sqlite3';

/** One execution's name (the orderId), status and error. */
export interface StoredExecution {
  readonly name: string;
  readonly status: string;
  readonly error: string | null;
}

/** Every execution in the database, by name. */
export function storedExecutions(executionsDatabase: string): Map<string, StoredExecution> {
  const db = new Database(executionsDatabase, { readonly: true });
  try {
    const rows = db.prepare('SELECT name, status, error FROM executions').all() as StoredExecution[];
    return new Map(rows.map((row) => [row.name, row]));
  } finally {
    db.close();
  }
}
