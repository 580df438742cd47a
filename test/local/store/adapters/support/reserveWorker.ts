/**
 * A worker thread with its own SQLite connection that reserves one unit of a SKU for each
 * order it is given, as fast as it can. Used to race several connections on one file.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openSqliteDatabase } from '../../../../../local/store/adapters/sqliteDatabase';
import { SqliteInventoryStore } from '../../../../../local/store/adapters/sqliteInventoryStore';

const { file, sku, orderIds } = workerData as { file: string; sku: string; orderIds: string[] };

async function main(): Promise<void> {
  const db = openSqliteDatabase(file, 10_000);
  const store = new SqliteInventoryStore(db);
  const statuses: string[] = [];
  for (const orderId of orderIds) {
    const outcome = await store.reserve({
      orderId,
      reservationId: `res-${orderId}`,
      lines: [{ sku, quantity: 1 }],
      expiresAt: '2030-01-01T00:00:00.000Z',
    });
    statuses.push(outcome.status);
  }
  db.close();
  parentPort?.postMessage(statuses);
}

void main();
