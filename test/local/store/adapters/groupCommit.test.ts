import { join } from 'node:path';
import { expect } from 'chai';
import { InventoryUnavailableError } from '../../../../handlers/errors';
import { GroupCommit, GroupCommitError } from '../../../../local/store/adapters/groupCommit';
import { openSqliteDatabase, type SqliteDatabase } from '../../../../local/store/adapters/sqliteDatabase';
import { SqliteInventoryStore } from '../../../../local/store/adapters/sqliteInventoryStore';
import { SqlitePaymentLedger } from '../../../../local/store/adapters/sqlitePaymentLedger';
import { tempDir } from '../../../handlers/support/tempDir';
import { thrown } from '../../../support/rejection';

const EXPIRES = '2030-01-01T00:00:00.000Z';

describe('Class: GroupCommit', () => {
  let dir: ReturnType<typeof tempDir>;
  let db: SqliteDatabase;
  let other: SqliteDatabase;
  let store: SqliteInventoryStore;
  let otherStore: SqliteInventoryStore;

  beforeEach(async () => {
    dir = tempDir('group-commit-');
    const file = join(dir.path, 'services.db');
    db = openSqliteDatabase(file);
    other = openSqliteDatabase(file, 0);
    store = new SqliteInventoryStore(db);
    otherStore = new SqliteInventoryStore(other);
    await store.setStock('BOOK-1', 10);
  });

  afterEach(() => {
    if (db.inTransaction) db.exec('ROLLBACK');
    db.close();
    other.close();
    dir.remove();
  });

  describe('Method: join', () => {
    it("makes the adapters' transactions one batch, seen by other connections only once committed", async () => {
      // Prepare
      const batch = new GroupCommit(db);

      // Act
      batch.join();
      const first = await store.reserve({ orderId: 'o-1', reservationId: 'res-1', lines: [{ sku: 'BOOK-1', quantity: 2 }], expiresAt: EXPIRES });
      batch.join();
      const second = await store.reserve({ orderId: 'o-2', reservationId: 'res-2', lines: [{ sku: 'BOOK-1', quantity: 3 }], expiresAt: EXPIRES });
      const seenBefore = await otherStore.getStock('BOOK-1');
      batch.commit();
      const seenAfter = await otherStore.getStock('BOOK-1');

      // Assess
      expect(first.status).to.equal('RESERVED');
      expect(second.status).to.equal('RESERVED');
      expect(seenBefore).to.equal(10);
      expect(seenAfter).to.equal(5);
      expect(db.inTransaction).to.equal(false);
    });

    it("rolls back only the failed adapter transaction, keeping the batch's other writes", async () => {
      // Prepare
      const batch = new GroupCommit(db);
      const ledger = new SqlitePaymentLedger(db);
      batch.join();
      await store.reserve({ orderId: 'o-1', reservationId: 'res-1', lines: [{ sku: 'BOOK-1', quantity: 2 }], expiresAt: EXPIRES });

      // Act: completing a charge with no attempt fails inside its own transaction
      const failed = await ledger.complete('o-missing', { status: 'APPROVED', confirmationId: 'ch-1' }).then(
        () => undefined,
        (error: unknown) => error,
      );
      batch.commit();

      // Assess
      expect(failed).to.be.instanceOf(Error);
      expect(await otherStore.getStock('BOOK-1')).to.equal(8);
      expect(await ledger.get('o-missing')).to.equal(undefined);
    });

    it("leaves writes on their own while another connection holds the write lock: they fail as their service's busy error", async () => {
      // Prepare
      const busyDb = openSqliteDatabase(join(dir.path, 'services.db'), 0);
      const busyStore = new SqliteInventoryStore(busyDb);
      const batch = new GroupCommit(busyDb);
      db.exec('BEGIN IMMEDIATE');
      try {
        // Act
        batch.join();
        const error = await busyStore.reserve({ orderId: 'o-1', reservationId: 'res-1', lines: [{ sku: 'BOOK-1', quantity: 1 }], expiresAt: EXPIRES }).then(
          () => undefined,
          (e: unknown) => e,
        );

        // Assess
        expect(busyDb.inTransaction).to.equal(false);
        expect(error).to.be.instanceOf(InventoryUnavailableError);
        expect(() => batch.commit()).to.not.throw();
      } finally {
        db.exec('ROLLBACK');
        busyDb.close();
      }
    });
  });

  describe('Method: commit', () => {
    it('does nothing when no batch is open', () => {
      const batch = new GroupCommit(db);

      batch.commit();

      expect(db.inTransaction).to.equal(false);
    });

    it('throws GroupCommitError when SQLite rolled the batch back, also after a later batch opened', async () => {
      // Prepare
      const batch = new GroupCommit(db);
      batch.join();
      await store.reserve({ orderId: 'o-1', reservationId: 'res-1', lines: [{ sku: 'BOOK-1', quantity: 2 }], expiresAt: EXPIRES });

      // Act: the transaction disappears under the batch (as SQLite does on an I/O error or a full disk)
      db.exec('ROLLBACK');
      const rightAway = thrown(() => batch.commit());
      batch.join();
      db.exec('ROLLBACK');
      batch.join();
      await store.reserve({ orderId: 'o-2', reservationId: 'res-2', lines: [{ sku: 'BOOK-1', quantity: 1 }], expiresAt: EXPIRES });
      const later = thrown(() => batch.commit());

      // Assess
      expect(rightAway).to.be.instanceOf(GroupCommitError);
      expect(later).to.be.instanceOf(GroupCommitError);
      expect((later as Error).message).to.equal('the local database lost a batch of writes');
      // The later batch's own writes were committed all the same.
      expect(await otherStore.getStock('BOOK-1')).to.equal(9);
    });
  });
});
