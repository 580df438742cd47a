/**
 * The order-level invariants, read from local mode's services database once every order has
 * finished: each broken invariant is one line (so a run can report how many there were).
 * - every order reached a terminal status;
 * - a succeeded order holds one approved charge and its reservation; a failed one neither;
 * - stock is conserved: what is available plus what reservations hold is what was seeded;
 * - each customer was notified exactly once.
 */
import Database from 'better-sqlite3';
import { TERMINAL_STATUSES } from '../../../local/system/client/orderClient';

/** The final status of each order the run submitted (`undefined` when it has none). */
export type FinalStatuses = ReadonlyMap<string, string | undefined>;

/** Every violated invariant, as `<what>: <detail>` lines. */
export function orderInvariantViolations(servicesDatabase: string, seededStock: Readonly<Record<string, number>>, finals: FinalStatuses): string[] {
  const violations: string[] = [];
  const db = new Database(servicesDatabase, { readonly: true });
  try {
    for (const [orderId, status] of finals) if (status === undefined || !TERMINAL_STATUSES.has(status)) violations.push(`not terminal: ${orderId} is ${status ?? 'unknown'}`);

    const payments = db.prepare('SELECT order_id, status FROM payments').all() as Array<{ order_id: string; status: string }>;
    const paymentOf = new Map<string, string[]>();
    for (const p of payments) paymentOf.set(p.order_id, [...(paymentOf.get(p.order_id) ?? []), p.status]);
    for (const [orderId, statuses] of paymentOf) if (statuses.length > 1) violations.push(`charged more than once: ${orderId} (${statuses.join(', ')})`);

    const reservations = db.prepare("SELECT order_id, lines FROM inventory_reservations WHERE status = 'RESERVED'").all() as Array<{ order_id: string; lines: string }>;
    const reserved = new Set(reservations.map((r) => r.order_id));
    for (const [orderId, status] of finals) {
      const charge = paymentOf.get(orderId)?.[0];
      if (status === 'SUCCEEDED') {
        if (charge !== 'APPROVED') violations.push(`succeeded without an approved charge: ${orderId} (${charge ?? 'none'})`);
        if (!reserved.has(orderId)) violations.push(`succeeded without a reservation: ${orderId}`);
      } else {
        if (charge === 'APPROVED') violations.push(`charge left on a failed order: ${orderId}`);
        if (reserved.has(orderId)) violations.push(`reservation left on a failed order: ${orderId}`);
      }
    }
    for (const orderId of reserved) if (!finals.has(orderId)) violations.push(`reservation of an unknown order: ${orderId}`);

    const held = new Map<string, number>();
    for (const r of reservations) for (const line of JSON.parse(r.lines) as Array<{ sku: string; quantity: number }>) held.set(line.sku, (held.get(line.sku) ?? 0) + line.quantity);
    const stock = db.prepare('SELECT sku, available FROM inventory_stock').all() as Array<{ sku: string; available: number }>;
    for (const { sku, available } of stock) {
      const seeded = seededStock[sku];
      if (seeded !== undefined && available + (held.get(sku) ?? 0) !== seeded) violations.push(`stock not conserved: ${sku} has ${available} available + ${held.get(sku) ?? 0} held, seeded ${seeded}`);
      if (available < 0) violations.push(`oversold: ${sku} at ${available}`);
    }

    const notices = db.prepare('SELECT order_id, count(*) AS n FROM notification_outbox GROUP BY order_id').all() as Array<{ order_id: string; n: number }>;
    const noticeCount = new Map(notices.map((n) => [n.order_id, n.n]));
    for (const orderId of finals.keys()) {
      const n = noticeCount.get(orderId) ?? 0;
      if (n !== 1) violations.push(`notified ${n} times: ${orderId}`);
    }
  } finally {
    db.close();
  }
  return violations;
}
