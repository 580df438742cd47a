/**
 * InventoryStore on SQLite: each reserve and release is one IMMEDIATE transaction (the
 * write lock is taken up front), so checks and updates of all lines are atomic across
 * connections and processes.
 */
import { InventoryUnavailableError } from '../../../handlers/errors';
import { stockLine } from '../../../handlers/inventory/reservationPlan';
import type { InventoryStore, ReleaseOutcome, ReservationRequest, ReserveOutcome } from '../../../handlers/ports';
import type { StockLine } from '../../../workflow/contracts';
import * as t from 'io-ts';
import { decodeRow, decodeStored, StoredReservationLines, StoredStockLines } from './storedJson';
import { immediately, type SqliteDatabase } from './sqliteDatabase';

const ReservationRow = t.type({
  reservation_id: t.union([t.string, t.null]),
  status: t.keyof({ RESERVED: null, RELEASED: null, VOIDED: null }),
  lines: t.string,
  stock_lines: t.union([t.string, t.null]),
  expires_at: t.union([t.string, t.null]),
});
type ReservationRow = t.TypeOf<typeof ReservationRow>;

const StockRow = t.type({ available: t.number });

/** {@link InventoryStore} on tables `inventory_stock` and `inventory_reservations`. */
export class SqliteInventoryStore implements InventoryStore {
  public constructor(private readonly db: SqliteDatabase) {
    // WITHOUT ROWID: rows live in their primary key's b-tree, so an insert writes one b-tree,
    // not two (the table and its key's index), and a commit fewer pages. Older data
    // directories keep their rowid tables; every query here works on either.
    db.exec(`
      CREATE TABLE IF NOT EXISTS inventory_stock (
        sku TEXT PRIMARY KEY,
        available INTEGER NOT NULL CHECK (available >= 0)
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS inventory_reservations (
        order_id TEXT PRIMARY KEY,
        reservation_id TEXT,
        status TEXT NOT NULL CHECK (status IN ('RESERVED', 'RELEASED', 'VOIDED')),
        lines TEXT NOT NULL,
        stock_lines TEXT,
        expires_at TEXT,
        updated_at TEXT NOT NULL
      ) WITHOUT ROWID;`);
  }

  public async setStock(sku: string, available: number): Promise<void> {
    this.db
      .prepare('INSERT INTO inventory_stock (sku, available) VALUES (?, ?) ON CONFLICT (sku) DO UPDATE SET available = excluded.available')
      .run(sku, available);
  }

  public async getStock(sku: string): Promise<number | undefined> {
    return this.available(sku);
  }

  public async reserve(request: ReservationRequest): Promise<ReserveOutcome> {
    return this.transaction(() => {
      const existing = this.reservation(request.orderId);
      if (existing !== undefined) return replay(existing);
      const lines = this.take(request.lines);
      if (lines === undefined) {
        return { status: 'OUT_OF_STOCK', lines: request.lines.map((line) => stockLine(line.sku, line.quantity, this.available(line.sku))) };
      }
      this.db
        .prepare(
          `INSERT INTO inventory_reservations (order_id, reservation_id, status, lines, stock_lines, expires_at, updated_at)
           VALUES (?, ?, 'RESERVED', ?, ?, ?, ?)`,
        )
        .run(request.orderId, request.reservationId, JSON.stringify(request.lines), JSON.stringify(lines), request.expiresAt, new Date().toISOString());
      return { status: 'RESERVED', reservationId: request.reservationId, lines, expiresAt: request.expiresAt };
    });
  }

  public async release(orderId: string): Promise<ReleaseOutcome> {
    return this.transaction(() => {
      const existing = this.reservation(orderId);
      if (existing === undefined) {
        // Void the order, so that a late reserve for it takes nothing.
        this.db
          .prepare(`INSERT INTO inventory_reservations (order_id, status, lines, updated_at) VALUES (?, 'VOIDED', '[]', ?)`)
          .run(orderId, new Date().toISOString());
        return { status: 'NOTHING_RESERVED' };
      }
      if (existing.status === 'VOIDED') return { status: 'NOTHING_RESERVED' };
      const reservationId = existing.reservation_id ?? '';
      if (existing.status === 'RELEASED') return { status: 'RELEASED', reservationId };
      const restore = this.db.prepare('UPDATE inventory_stock SET available = available + ? WHERE sku = ?');
      for (const line of decodeStored(StoredReservationLines, existing.lines)) restore.run(line.quantity, line.sku);
      this.db
        .prepare(`UPDATE inventory_reservations SET status = 'RELEASED', updated_at = ? WHERE order_id = ?`)
        .run(new Date().toISOString(), orderId);
      return { status: 'RELEASED', reservationId };
    });
  }

  /**
   * Takes every line's quantity, each checked and taken by one statement; the lines as they
   * stood before, or `undefined` (and nothing taken) when one of them cannot be had.
   */
  private take(lines: ReservationRequest['lines']): StockLine[] | undefined {
    const take = this.db.prepare('UPDATE inventory_stock SET available = available - ? WHERE sku = ? AND available >= ? RETURNING available');
    const taken: StockLine[] = [];
    for (const line of lines) {
      const left = decodeRow(StockRow, take.get(line.quantity, line.sku, line.quantity), 'inventory_stock');
      if (left === undefined) {
        const restore = this.db.prepare('UPDATE inventory_stock SET available = available + ? WHERE sku = ?');
        for (const done of taken) restore.run(done.requested, done.sku);
        return undefined;
      }
      taken.push(stockLine(line.sku, line.quantity, left.available + line.quantity));
    }
    return taken;
  }

  private available(sku: string): number | undefined {
    return decodeRow(StockRow, this.db.prepare('SELECT available FROM inventory_stock WHERE sku = ?').get(sku), 'inventory_stock')?.available;
  }

  private reservation(orderId: string): ReservationRow | undefined {
    const row = this.db.prepare('SELECT reservation_id, status, lines, stock_lines, expires_at FROM inventory_reservations WHERE order_id = ?').get(orderId);
    return decodeRow(ReservationRow, row, 'inventory_reservations');
  }

  private transaction<R>(work: () => R): R {
    return immediately(this.db, work, (message, options) => new InventoryUnavailableError(message, options));
  }
}

/** What a reserve of an already reserved (or released, or voided) order returns. */
function replay(row: ReservationRow): ReserveOutcome {
  if (row.status === 'VOIDED') return { status: 'VOIDED' };
  return {
    status: 'RESERVED',
    reservationId: row.reservation_id ?? '',
    lines: decodeStored(StoredStockLines, row.stock_lines ?? '[]'),
    expiresAt: row.expires_at ?? '',
  };
}
