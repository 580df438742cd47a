/**
 * NotificationPublisher on SQLite: locally, "delivering" a message means writing it to the
 * `notification_outbox` table (what SNS would fan out on AWS). At most one message per
 * order and outcome, even if called twice.
 */
import { randomUUID } from 'node:crypto';
import { OrderOutcome } from '../../../workflow/contracts';
import type { CustomerMessage, NotificationPublisher } from '../../../handlers/ports';
import * as t from 'io-ts';
import type { SqliteDatabase } from './sqliteDatabase';
import { CorruptRowError, decodeRow } from './storedJson';

const OutboxRow = t.type({
  message_id: t.string,
  order_id: t.string,
  outcome: OrderOutcome,
  recipient: t.string,
  subject: t.string,
  body: t.string,
  created_at: t.string,
});
type OutboxRow = t.TypeOf<typeof OutboxRow>;

const InsertedRow = t.type({ message_id: t.string });

/** A message in the outbox. */
export interface OutboxMessage extends CustomerMessage {
  readonly messageId: string;
  readonly createdAt: string;
}

/** {@link NotificationPublisher} writing to table `notification_outbox`. */
export class SqliteOutboxPublisher implements NotificationPublisher {
  public constructor(private readonly db: SqliteDatabase) {
    // message_id is a random UUID, unique by construction: not a key, so that an insert writes
    // two b-trees (the table and its (order_id, outcome) key), not three. Older data
    // directories keep it as their primary key; every query here works on either.
    db.exec(`
      CREATE TABLE IF NOT EXISTS notification_outbox (
        message_id TEXT NOT NULL,
        order_id TEXT NOT NULL,
        outcome TEXT NOT NULL,
        recipient TEXT NOT NULL,
        subject TEXT NOT NULL,
        body TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (order_id, outcome)
      );`);
  }

  public async publish(message: CustomerMessage): Promise<{ messageId: string }> {
    // A new message answers its id at once; only a repeated call reads the stored one.
    const inserted = decodeRow(
      InsertedRow,
      this.db
        .prepare(
          `INSERT INTO notification_outbox (message_id, order_id, outcome, recipient, subject, body, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (order_id, outcome) DO NOTHING RETURNING message_id`,
        )
        .get(randomUUID(), message.orderId, message.outcome, message.recipient, message.subject, message.body, new Date().toISOString()),
      'notification_outbox',
    );
    if (inserted !== undefined) return { messageId: inserted.message_id };
    const row = decodeRow(
      OutboxRow,
      this.db.prepare('SELECT * FROM notification_outbox WHERE order_id = ? AND outcome = ?').get(message.orderId, message.outcome),
      'notification_outbox',
    );
    if (row === undefined) throw new CorruptRowError(`outbox lost the message of order ${message.orderId}`);
    return { messageId: row.message_id };
  }

  /** The outbox's messages, oldest first (for the dashboard and tests). */
  public messages(orderId?: string): OutboxMessage[] {
    const rows = (
      orderId === undefined
        ? this.db.prepare('SELECT * FROM notification_outbox ORDER BY created_at, rowid').all()
        : this.db.prepare('SELECT * FROM notification_outbox WHERE order_id = ? ORDER BY created_at, rowid').all(orderId)
    ).flatMap((row) => decodeRow(OutboxRow, row, 'notification_outbox') ?? []);
    return rows.map((row) => ({
      messageId: row.message_id,
      orderId: row.order_id,
      outcome: row.outcome,
      recipient: row.recipient,
      subject: row.subject,
      body: row.body,
      createdAt: row.created_at,
    }));
  }
}
