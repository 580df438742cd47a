/**
 * A serving connection to the services database, as both threads of local mode open it: WAL,
 * prepared statements cached, and no automatic checkpoints (the WAL checkpointer's job, on a
 * thread of its own: see walCheckpointer).
 */
import { openSqliteDatabase, type SqliteDatabase } from '../store/adapters/sqliteDatabase';
import { cachePreparedStatements } from './statementCache';

/** Opens `<data dir>/services.db` for serving. */
export function openServicesConnection(file: string): SqliteDatabase {
  const db = cachePreparedStatements(openSqliteDatabase(file));
  db.pragma('wal_autocheckpoint = 0');
  return db;
}
