/**
 * PaymentLedger on SQLite: one row per order; every change is one IMMEDIATE transaction
 * that reads the row's status and moves it (PENDING → APPROVED | DECLINED → REFUNDED; or
 * VOIDED), so retries and racing calls agree on one outcome.
 */
import { DeclineReason } from '../../../workflow/contracts';
import { PaymentProcessorUnavailableError } from '../../../handlers/errors';
import type { AttemptOutcome, ChargeRecord, ChargeTerms, PaymentLedger, RefundOutcome } from '../../../handlers/ports';
import * as t from 'io-ts';
import { immediately, type SqliteDatabase } from './sqliteDatabase';
import { decodeRow } from './storedJson';

const PaymentRow = t.type({
  order_id: t.string,
  status: t.keyof({ PENDING: null, APPROVED: null, DECLINED: null, REFUNDED: null, VOIDED: null }),
  amount: t.number,
  currency: t.string,
  attempts: t.number,
  confirmation_id: t.union([t.string, t.null]),
  decline_reason: t.union([DeclineReason, t.null]),
  refund_id: t.union([t.string, t.null]),
});
type PaymentRow = t.TypeOf<typeof PaymentRow>;

/** {@link PaymentLedger} on table `payments`. Stores amounts and outcomes, never tokens. */
export class SqlitePaymentLedger implements PaymentLedger {
  public constructor(private readonly db: SqliteDatabase) {
    // WITHOUT ROWID: rows live in their primary key's b-tree, so an insert writes one b-tree,
    // not two (the table and its key's index), and a commit fewer pages. Older data
    // directories keep their rowid tables; every query here works on either.
    db.exec(`
      CREATE TABLE IF NOT EXISTS payments (
        order_id TEXT PRIMARY KEY,
        status TEXT NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'DECLINED', 'REFUNDED', 'VOIDED')),
        amount REAL NOT NULL,
        currency TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        confirmation_id TEXT,
        decline_reason TEXT,
        refund_id TEXT,
        updated_at TEXT NOT NULL
      ) WITHOUT ROWID;`);
  }

  public async beginAttempt(terms: ChargeTerms): Promise<AttemptOutcome> {
    return this.transaction(() => {
      // A first attempt (the usual case) is one insert; only an existing row is read.
      const inserted = this.db
        .prepare(
          `INSERT INTO payments (order_id, status, amount, currency, attempts, updated_at) VALUES (?, 'PENDING', ?, ?, 1, ?)
           ON CONFLICT (order_id) DO NOTHING`,
        )
        .run(terms.orderId, terms.amount, terms.currency, now());
      if (inserted.changes === 1) return { kind: 'attempt', attempt: 1, terms };
      const row = this.row(terms.orderId);
      if (row === undefined) throw new PaymentProcessorUnavailableError(`ledger of order ${terms.orderId} lost its row; retry`);
      const stored = { orderId: row.order_id, amount: row.amount, currency: row.currency };
      const record = recordOf(row);
      if (record !== undefined) return { kind: 'final', record, terms: stored };
      this.db.prepare('UPDATE payments SET attempts = attempts + 1, updated_at = ? WHERE order_id = ?').run(now(), terms.orderId);
      return { kind: 'attempt', attempt: row.attempts + 1, terms: stored };
    });
  }

  public async complete(orderId: string, outcome: Extract<ChargeRecord, { status: 'APPROVED' | 'DECLINED' }>): Promise<ChargeRecord> {
    return this.transaction(() => {
      // Completing a pending attempt (the usual case) is one update; only otherwise is the row read.
      const updated = this.db
        .prepare(`UPDATE payments SET status = ?, confirmation_id = ?, decline_reason = ?, updated_at = ? WHERE order_id = ? AND status = 'PENDING'`)
        .run(
          outcome.status,
          outcome.status === 'APPROVED' ? outcome.confirmationId : null,
          outcome.status === 'DECLINED' ? outcome.declineReason : null,
          now(),
          orderId,
        );
      if (updated.changes === 1) return outcome;
      const row = this.row(orderId);
      if (row === undefined) throw new PaymentProcessorUnavailableError(`ledger of order ${orderId} has no attempt; retry`);
      const record = recordOf(row);
      if (record === undefined) throw new PaymentProcessorUnavailableError(`ledger of order ${orderId} is still pending; retry`);
      return record;
    });
  }

  public async refund(orderId: string, refundId: string): Promise<RefundOutcome> {
    return this.transaction((): RefundOutcome => {
      const row = this.row(orderId);
      if (row === undefined) {
        this.db
          .prepare(`INSERT INTO payments (order_id, status, amount, currency, attempts, updated_at) VALUES (?, 'VOIDED', 0, '', 0, ?)`)
          .run(orderId, now());
        return { status: 'VOIDED' };
      }
      switch (row.status) {
        case 'REFUNDED':
          return { status: 'REFUNDED', confirmationId: row.confirmation_id ?? '', refundId: row.refund_id ?? '' };
        case 'APPROVED':
          this.db.prepare(`UPDATE payments SET status = 'REFUNDED', refund_id = ?, updated_at = ? WHERE order_id = ?`).run(refundId, now(), orderId);
          return { status: 'REFUNDED', confirmationId: row.confirmation_id ?? '', refundId };
        case 'PENDING':
          this.db.prepare(`UPDATE payments SET status = 'VOIDED', updated_at = ? WHERE order_id = ?`).run(now(), orderId);
          return { status: 'VOIDED' };
        case 'DECLINED':
        case 'VOIDED':
          return { status: 'VOIDED' };
      }
    });
  }

  public async get(orderId: string): Promise<ChargeRecord | undefined> {
    const row = this.row(orderId);
    return row === undefined ? undefined : recordOf(row);
  }

  private row(orderId: string): PaymentRow | undefined {
    return decodeRow(PaymentRow, this.db.prepare('SELECT * FROM payments WHERE order_id = ?').get(orderId), 'payments');
  }

  private transaction<R>(work: () => R): R {
    return immediately(this.db, work, (message, options) => new PaymentProcessorUnavailableError(message, options));
  }
}

function now(): string {
  return new Date().toISOString();
}

/** The final record of a row, or `undefined` while it is PENDING. */
function recordOf(row: PaymentRow): ChargeRecord | undefined {
  switch (row.status) {
    case 'PENDING':
      return undefined;
    case 'APPROVED':
      return { status: 'APPROVED', confirmationId: row.confirmation_id ?? '' };
    case 'DECLINED':
      return { status: 'DECLINED', declineReason: row.decline_reason ?? 'card_declined' };
    case 'REFUNDED':
      return { status: 'REFUNDED', confirmationId: row.confirmation_id ?? '', refundId: row.refund_id ?? '' };
    case 'VOIDED':
      return { status: 'VOIDED' };
  }
}
