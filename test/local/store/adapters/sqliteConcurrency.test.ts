/**
 * No oversell across connections: worker threads, each with its own connection to one
 * SQLite file, race for the last units (in-process calls on one connection are serialized
 * by better-sqlite3, so they would prove nothing about locking).
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { expect } from 'chai';
import { openSqliteDatabase } from '../../../../local/store/adapters/sqliteDatabase';
import { SqliteInventoryStore } from '../../../../local/store/adapters/sqliteInventoryStore';
import { tempDir } from '../../../handlers/support/tempDir';

function runWorker(file: string, sku: string, orderIds: string[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    // Worker threads do not inherit the TypeScript loader: register tsx's CommonJS hook first.
    const script = `require('tsx/cjs'); require(${JSON.stringify(join(__dirname, 'support', 'reserveWorker.ts'))});`;
    const worker = new Worker(script, { eval: true, workerData: { file, sku, orderIds } });
    worker.once('message', (statuses: string[]) => resolve(statuses));
    worker.once('error', reject);
  });
}

describe('Class: SqliteInventoryStore across connections', function() {
  this.timeout(60_000);

  it('5 connections × 10 orders for the last 10 units reserve exactly 10', async () => {
    // Prepare
    const dir = tempDir('sqlite-race-');
    const file = join(dir.path, 'store.sqlite');
    const db = openSqliteDatabase(file);
    const store = new SqliteInventoryStore(db);
    await store.setStock('LAST', 10);
    try {
      // Act
      const statuses = (
        await Promise.all(
          Array.from({ length: 5 }, (_, w) =>
            runWorker(
              file,
              'LAST',
              Array.from({ length: 10 }, (_, i) => `w${w}-o${i}`),
            ),
          ),
        )
      ).flat();
      // Assess
      expect(statuses).to.have.length(50);
      expect(statuses.filter(status => status === 'RESERVED')).to.have.length(10);
      expect(statuses.filter(status => status === 'OUT_OF_STOCK')).to.have.length(40);
      expect(await store.getStock('LAST')).to.equal(0);
      const reservations = db.prepare(`SELECT COUNT(*) AS n FROM inventory_reservations WHERE status = 'RESERVED'`).get() as { n: number };
      expect(reservations.n).to.equal(10);
    } finally {
      db.close();
      dir.remove();
    }
  });
});
