/**
 * NotificationLog on SQLite: one row per (orderId, outcome); a claim is one IMMEDIATE
 * transaction, so at most one call delivers at a time and a delivered one never again.
 */
import { OrderOutcome } from '../../../workflow/contracts';
import { NotificationUnavailableError } from '../../../handlers/errors';
import type { ClaimOutcome, DeliveryRecord, NotificationLog } from '../../../handlers/ports';
import * as t from 'io-ts';
import { immediately, type SqliteDatabase } from './sqliteDatabase';
import { decodeRow } from './storedJson';

const DeliveryRow = t.type({
  order_id: t.string,
  outcome: OrderOutcome,
  status: t.keyof({ PENDING: null, DELIVERED: null, FAILED: null }),
  message_id: t.union([t.string, t.null]),
  error: t.union([t.string, t.null]),
  updated_at: t.string,
});
type DeliveryRow = t.TypeOf<typeof DeliveryRow>;

/** {@link NotificationLog} on table `notification_deliveries`. */
export class SqliteNotificationLog implements NotificationLog {
  public constructor(private readonly db: SqliteDatabase) {
    // WITHOUT ROWID: rows live in their primary key's b-tree, so an insert writes one b-tree,
    // not two (the table and its key's index), and a commit fewer pages. Older data
    // directories keep their rowid tables; every query here works on either.
    db.exec(`
      CREATE TABLE IF NOT EXISTS notification_deliveries (
        order_id TEXT NOT NULL,
        outcome TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
        message_id TEXT,
        error TEXT,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (order_id, outcome)
      ) WITHOUT ROWID;`);
  }

  public async claim(orderId: string, outcome: OrderOutcome, now: string, staleBefore: string): Promise<ClaimOutcome> {
    return immediately(
      this.db,
      (): ClaimOutcome => {
        // A first claim (the usual case) is one insert; only an existing row is read.
        const inserted = this.db
          .prepare(
            `INSERT INTO notification_deliveries (order_id, outcome, status, updated_at) VALUES (?, ?, 'PENDING', ?)
             ON CONFLICT (order_id, outcome) DO NOTHING`,
          )
          .run(orderId, outcome, now);
        if (inserted.changes === 1) return { kind: 'claimed' };
        const row = this.row(orderId, outcome);
        const claimable = row === undefined || row.status === 'FAILED' || (row.status === 'PENDING' && row.updated_at < staleBefore);
        if (!claimable) return { kind: 'taken', record: recordOf(row) };
        this.write({ orderId, outcome, status: 'PENDING', updatedAt: now });
        return { kind: 'claimed' };
      },
      (message, options) => new NotificationUnavailableError(message, options),
    );
  }

  public async finish(record: DeliveryRecord): Promise<void> {
    this.write(record);
  }

  public async get(orderId: string, outcome: OrderOutcome): Promise<DeliveryRecord | undefined> {
    const row = this.row(orderId, outcome);
    return row === undefined ? undefined : recordOf(row);
  }

  private write(record: DeliveryRecord): void {
    this.db
      .prepare(
        `INSERT INTO notification_deliveries (order_id, outcome, status, message_id, error, updated_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (order_id, outcome) DO UPDATE SET status = excluded.status, message_id = excluded.message_id,
           error = excluded.error, updated_at = excluded.updated_at`,
      )
      .run(record.orderId, record.outcome, record.status, record.messageId ?? null, record.error ?? null, record.updatedAt);
  }

  private row(orderId: string, outcome: OrderOutcome): DeliveryRow | undefined {
    const row = this.db.prepare('SELECT * FROM notification_deliveries WHERE order_id = ? AND outcome = ?').get(orderId, outcome);
    return decodeRow(DeliveryRow, row, 'notification_deliveries');
  }
}

function recordOf(row: DeliveryRow): DeliveryRecord {
  return {
    orderId: row.order_id,
    outcome: row.outcome,
    status: row.status,
    ...(row.message_id !== null ? { messageId: row.message_id } : {}),
    ...(row.error !== null ? { error: row.error } : {}),
    updatedAt: row.updated_at,
  };
}
