/**
 * Memoizes `db.prepare` on one connection: the handlers' SQLite adapters prepare their SQL on
 * every call, and compiling a statement costs more than running it. A cached statement is
 * safe to reuse here because every use runs to completion synchronously (no open iterators)
 * and the adapters never switch a statement's mode (pluck, raw, expand).
 */
import type Database from 'better-sqlite3';

/** Makes `db.prepare` return one statement per SQL text; returns `db`. */
export function cachePreparedStatements(db: Database.Database): Database.Database {
  const prepare = db.prepare.bind(db);
  const statements = new Map<string, Database.Statement>();
  const cached = (source: string): Database.Statement => {
    let statement = statements.get(source);
    if (statement === undefined) {
      statement = prepare(source);
      statements.set(source, statement);
    }
    return statement;
  };
  db.prepare = cached as Database.Database['prepare'];
  return db;
}
