import { join } from 'node:path';
import { openSqliteDatabase, type SqliteDatabase } from '../../../local/store/adapters/sqliteDatabase';
import { createLocalAdapters, type LocalAdapters } from '../../../local/store/adapters/localTaskHandlers';
import { tempDir } from './tempDir';

/** The SQLite adapters on a fresh database file; `close` removes it. */
export function sqliteAdapters(): LocalAdapters & { db: SqliteDatabase; close: () => void } {
  const dir = tempDir('handlers-');
  const db = openSqliteDatabase(join(dir.path, 'store.sqlite'));
  return {
    ...createLocalAdapters(db),
    db,
    close: () => {
      db.close();
      dir.remove();
    },
  };
}
