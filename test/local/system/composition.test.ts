import { expect } from 'chai';
import Database from 'better-sqlite3';
import { statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expireOrphanedNotificationClaims } from '../../../local/system/crashRecovery';
import { groupFlush } from '../../../local/system/durability';
import { InvalidInventorySeedError, readInventorySeed, seedInventory } from '../../../local/system/inventorySeed';
import { cachePreparedStatements } from '../../../local/system/statementCache';
import { startWalCheckpointer } from '../../../local/system/walCheckpointer';
import { openSqliteDatabase } from '../../../local/store/adapters/sqliteDatabase';
import { createLocalAdapters } from '../../../local/store/adapters/localTaskHandlers';
import { tempDataDir } from './support';

describe('Function: groupFlush', () => {
  it('writes once for every request of the same event-loop turn, and again for a later one', async () => {
    // Prepare
    let flushes = 0;
    const writes = groupFlush(() => (flushes += 1));

    // Act
    await Promise.all([writes.durable(), writes.durable(), writes.durable()]);
    const afterFirstTurn = flushes;
    await writes.durable();

    // Assess
    expect(afterFirstTurn).to.equal(1);
    expect(flushes).to.equal(2);
  });

  it('rejects the waiters when the write fails', async () => {
    const writes = groupFlush(() => {
      throw new Error('disk full');
    });
    const outcomes = await Promise.allSettled([writes.durable(), writes.durable()]);
    expect(outcomes.map((o) => o.status)).to.deep.equal(['rejected', 'rejected']);
  });
});

describe('Function: readInventorySeed / seedInventory', () => {
  let dir: ReturnType<typeof tempDataDir>;
  beforeEach(() => (dir = tempDataDir()));
  afterEach(() => dir.remove());

  const invalid: Array<[string, string]> = [
    ['not JSON', '{'],
    ['no stock', '{"skus": {}}'],
    ['negative units', '{"stock": {"A": -1}}'],
    ['fractional units', '{"stock": {"A": 1.5}}'],
  ];
  for (const [label, text] of invalid) {
    it(`refuses a seed file with ${label}`, () => {
      const file = path.join(dir.path, 'seed.json');
      writeFileSync(file, text);
      expect(() => readInventorySeed(file)).to.throw(InvalidInventorySeedError, file);
    });
  }

  it('adds only the SKUs the store does not know, so a restart keeps the stock taken', async () => {
    // Prepare
    const db = openSqliteDatabase(path.join(dir.path, 'services.db'));
    const { inventory } = createLocalAdapters(db);
    await inventory.setStock('A', 3);

    // Act
    const added = await seedInventory(inventory, { stock: { A: 100, B: 7 } });

    // Assess
    expect(added).to.deep.equal(['B']);
    expect(await inventory.getStock('A')).to.equal(3);
    expect(await inventory.getStock('B')).to.equal(7);
    db.close();
  });

  it('reads examples/inventory.json', () => {
    const seed = readInventorySeed(path.resolve(__dirname, '../../../examples/inventory.json'));
    expect(seed.stock).to.include({ 'SOLD-OUT-1': 0 });
    expect(seed.stock['BOOK-1']).to.be.greaterThan(0);
  });
});

describe('Function: cachePreparedStatements', () => {
  it('prepares each SQL text once', () => {
    const db = cachePreparedStatements(new Database(':memory:'));
    db.exec('CREATE TABLE t (v INTEGER)');
    const first = db.prepare('INSERT INTO t (v) VALUES (?)');
    const again = db.prepare('INSERT INTO t (v) VALUES (?)');
    first.run(1);
    again.run(2);
    expect(again).to.equal(first);
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).to.deep.equal({ n: 2 });
    db.close();
  });
});

describe('Function: expireOrphanedNotificationClaims', () => {
  it('expires unfinished claims and leaves finished deliveries alone', async () => {
    // Prepare
    const dir = tempDataDir();
    const db = openSqliteDatabase(path.join(dir.path, 'services.db'));
    const { notifications } = createLocalAdapters(db);
    const now = new Date().toISOString();
    await notifications.claim('o-1', 'SUCCEEDED', now, '2000-01-01T00:00:00.000Z');
    await notifications.claim('o-2', 'FAILED', now, '2000-01-01T00:00:00.000Z');
    await notifications.finish({ orderId: 'o-2', outcome: 'FAILED', status: 'DELIVERED', messageId: 'm-2', updatedAt: now });

    // Act
    const expired = expireOrphanedNotificationClaims(db);
    const reclaim = await notifications.claim('o-1', 'SUCCEEDED', now, new Date(Date.now() - 60_000).toISOString());
    const delivered = await notifications.claim('o-2', 'FAILED', now, new Date(Date.now() - 60_000).toISOString());

    // Assess
    expect(expired).to.equal(1);
    expect(reclaim.kind).to.equal('claimed');
    expect(delivered.kind).to.equal('taken');
    db.close();
    dir.remove();
  });
});

describe('Function: startWalCheckpointer', () => {
  it('checkpoints a database whose own connection never does', async () => {
    // Prepare
    const dir = tempDataDir();
    const file = path.join(dir.path, 'wal.db');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.exec('CREATE TABLE t (v TEXT)');
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    for (let i = 0; i < 200; i++) insert.run('x'.repeat(1000));
    const sizeBefore = statSync(file).size;

    // Act
    const checkpointer = await startWalCheckpointer([file], 20);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await checkpointer.stop();

    // Assess: the rows, written only to the log, were copied into the database file.
    expect(sizeBefore).to.be.below(200 * 1000);
    expect(statSync(file).size).to.be.above(200 * 1000);
    const reader = new Database(file, { readonly: true });
    expect(reader.prepare('SELECT count(*) AS n FROM t').get()).to.deep.equal({ n: 200 });
    reader.close();
    db.close();
    dir.remove();
  });
});
