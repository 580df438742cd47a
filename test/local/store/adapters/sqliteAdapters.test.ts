/**
 * The ports' contract suites against the SQLite adapters (a real database file in a temp
 * directory, one per test).
 */
import { join } from 'node:path';
import { expect } from 'chai';
import { openSqliteDatabase, type SqliteDatabase } from '../../../../local/store/adapters/sqliteDatabase';
import { SqliteInventoryStore } from '../../../../local/store/adapters/sqliteInventoryStore';
import { SqliteNotificationLog } from '../../../../local/store/adapters/sqliteNotificationLog';
import { SqlitePaymentLedger } from '../../../../local/store/adapters/sqlitePaymentLedger';
import { describeInventoryStoreContract } from '../../../handlers/ports/inventoryStoreContract';
import { describeNotificationLogContract } from '../../../handlers/ports/notificationLogContract';
import { describePaymentLedgerContract } from '../../../handlers/ports/paymentLedgerContract';
import { tempDir } from '../../../handlers/support/tempDir';

/** A fresh database file per test, closed and removed afterwards. */
function sqliteFixture<S>(create: (db: SqliteDatabase) => S): { make: () => Promise<S>; dispose: () => Promise<void> } {
  let db: SqliteDatabase | undefined;
  let dir: ReturnType<typeof tempDir> | undefined;
  return {
    make: async () => {
      dir = tempDir('sqlite-adapter-');
      db = openSqliteDatabase(join(dir.path, 'store.sqlite'));
      return create(db);
    },
    dispose: async () => {
      db?.close();
      dir?.remove();
    },
  };
}

describeInventoryStoreContract('SQLite', sqliteFixture((db) => new SqliteInventoryStore(db)));
describePaymentLedgerContract('SQLite', sqliteFixture((db) => new SqlitePaymentLedger(db)));
describeNotificationLogContract('SQLite', sqliteFixture((db) => new SqliteNotificationLog(db)));

describe('SQLite adapters: corrupt rows', () => {
  it('refuses a row that does not decode (CorruptRow), never casting it', async () => {
    const fixture = sqliteFixture((db) => ({ db, store: new SqliteInventoryStore(db) }));
    const { db, store } = await fixture.make();
    try {
      db.prepare(`INSERT INTO inventory_stock (sku, available) VALUES ('A', 'lots')`).run();
      const error = await store.getStock('A').catch((caught: unknown) => caught);
      expect((error as Error).name).to.equal('CorruptRow');
      expect((error as Error).message).to.include('available: expected number, got "lots"');
    } finally {
      await fixture.dispose();
    }
  });
});
