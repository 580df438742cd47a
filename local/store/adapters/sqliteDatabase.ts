/**
 * Opens the SQLite database the handlers' adapters share, and maps SQLite's "busy"
 * failures to each service's retryable error.
 */
import Database from 'better-sqlite3';

/** An open better-sqlite3 database. */
export type SqliteDatabase = Database.Database;

/**
 * Opens (creating if needed) a database file in WAL mode, waiting up to `busyTimeoutMs`
 * for another connection's write lock before failing with SQLITE_BUSY.
 */
export function openSqliteDatabase(file: string, busyTimeoutMs = 5000): SqliteDatabase {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
  db.pragma('synchronous = NORMAL');
  return db;
}

/** True when SQLite gave up waiting for a lock (worth retrying). */
export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/** One transaction wrapper per connection: `db.transaction` builds a new one on every call. */
const runners = new WeakMap<SqliteDatabase, Database.Transaction<(work: () => unknown) => unknown>>();

function runnerOf(db: SqliteDatabase): Database.Transaction<(work: () => unknown) => unknown> {
  let runner = runners.get(db);
  if (runner === undefined) {
    runner = db.transaction((work: () => unknown) => work());
    runners.set(db, runner);
  }
  return runner;
}

/** Runs `work` in an IMMEDIATE transaction, turning a busy database into `busyError`. */
export function immediately<R>(db: SqliteDatabase, work: () => R, busyError: (message: string, options: ErrorOptions) => Error): R {
  try {
    return runnerOf(db).immediate(work) as R;
  } catch (error) {
    if (isBusy(error)) throw busyError('the local database is busy', { cause: error });
    throw error;
  }
}
