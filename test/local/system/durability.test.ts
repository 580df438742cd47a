/**
 * kill -9 during load, then restart: every accepted order reaches a terminal state, no order is
 * charged twice, no customer is notified twice, and stock is conserved.
 */
import { expect } from 'chai';
import Database from 'better-sqlite3';
import { dataDirLayout } from '../../../local/system/dataDir';
import { OrderClient, TERMINAL_STATUSES, type OrderStatus } from '../../../local/system/client/orderClient';
import type { Order } from '../../../workflow/contracts';
import { crashLoadOrder, spawnedServerSuite, TEST_API_KEY, type CrashLoadKind as Kind } from './support';

const STOCK: Record<string, number> = { 'BOOK-1': 5000, 'PEN-7': 5000, 'MUG-3': 5000, 'LAMP-9': 5000, 'SOLD-OUT-1': 0 };
const EXPECTED: Record<Kind, { status: string; error?: string }> = {
  success: { status: 'SUCCEEDED' },
  retried: { status: 'SUCCEEDED' },
  rejected: { status: 'FAILED', error: 'InvalidOrder' },
  declined: { status: 'FAILED', error: 'PaymentDeclined' },
  'out-of-stock': { status: 'FAILED', error: 'OutOfStock' },
};

describe('Local mode durability: kill -9 during load, then restart', function () {
  this.timeout(60_000);
  const suite = spawnedServerSuite();

  it('finishes every accepted order once, charges none twice and conserves stock', async () => {
    // Prepare
    const env = { ORDERS_API_KEY: TEST_API_KEY };
    const args = ['--inventory', suite.writeSeed(STOCK)];
    let server = await suite.spawn({ env, args });
    let client = new OrderClient(server.url, TEST_API_KEY);
    const accepted = new Map<string, { kind: Kind; order: Order }>();

    // Act: submit from 16 senders; kill -9 once 250 are accepted, while requests are in flight.
    let next = 0;
    let killed = false;
    const sender = async (): Promise<void> => {
      while (!killed) {
        const entry = crashLoadOrder(next++, 'crash');
        try {
          const reply = await client.postOrder(entry.order);
          if (reply.status === 200) accepted.set(entry.order.orderId, entry);
        } catch {
          // The server died with this request in flight: not accepted.
        }
        if (accepted.size >= 250 && !killed) {
          killed = true;
          server?.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: 16 }, sender));
    expect(await server.exited).to.equal('SIGKILL');
    client.close();
    const runningAtCrash = countRunning(suite.dataDir);

    server = await suite.spawn({ env, args });
    client = new OrderClient(server.url, TEST_API_KEY);
    const finals = new Map<string, OrderStatus | undefined>();
    for (const orderId of accepted.keys()) finals.set(orderId, await client.waitForTerminal(orderId, 20_000, 100));
    client.close();
    await server.stop('SIGINT');

    // Assess: the crash left work to resume, and the restart resumed it.
    expect(runningAtCrash).to.be.greaterThan(0);
    expect(server.output()).to.match(new RegExp(`Resumed:\\s+${runningAtCrash} execution`));
    // Every accepted order reached its terminal state, with its expected outcome.
    for (const [orderId, { kind }] of accepted) {
      const final = finals.get(orderId);
      expect(final, orderId).to.not.equal(undefined);
      expect(TERMINAL_STATUSES.has(final!.status), `${orderId}: ${final!.status}`).to.equal(true);
      expect({ status: final!.status, ...(final!.error !== undefined ? { error: final!.error } : {}) }, `${orderId} (${kind})`).to.deep.equal(EXPECTED[kind]);
    }
    const layout = dataDirLayout(suite.dataDir);
    const services = new Database(layout.servicesDatabase, { readonly: true });
    const executions = new Database(layout.executionsDatabase, { readonly: true });
    try {
      expect(executions.prepare("SELECT count(*) AS n FROM executions WHERE status = 'RUNNING'").get()).to.deep.equal({ n: 0 });
      // No order charged twice: succeeded orders hold one approved charge, failed ones none.
      const payments = services.prepare('SELECT order_id, status FROM payments').all() as Array<{ order_id: string; status: string }>;
      const charge = new Map(payments.map((p) => [p.order_id, p.status]));
      expect(payments.length).to.equal(charge.size);
      for (const [orderId, final] of finals) {
        if (final!.status === 'SUCCEEDED') expect(charge.get(orderId), orderId).to.equal('APPROVED');
        else expect(charge.get(orderId), orderId).to.not.equal('APPROVED');
      }
      // Each customer notified once, of the order's outcome.
      const notices = services.prepare('SELECT order_id, count(*) AS n FROM notification_outbox GROUP BY order_id').all() as Array<{ order_id: string; n: number }>;
      const noticeCount = new Map(notices.map((n) => [n.order_id, n.n]));
      for (const orderId of accepted.keys()) expect(noticeCount.get(orderId), orderId).to.equal(1);
      // Stock conserved: what is available plus what reservations hold is what was seeded.
      const held = new Map<string, number>();
      const reservations = services.prepare("SELECT order_id, lines FROM inventory_reservations WHERE status = 'RESERVED'").all() as Array<{ order_id: string; lines: string }>;
      for (const r of reservations) {
        expect(finals.get(r.order_id)?.status ?? 'SUCCEEDED', `reservation of ${r.order_id}`).to.equal('SUCCEEDED');
        for (const line of JSON.parse(r.lines) as Array<{ sku: string; quantity: number }>) held.set(line.sku, (held.get(line.sku) ?? 0) + line.quantity);
      }
      const stock = services.prepare('SELECT sku, available FROM inventory_stock').all() as Array<{ sku: string; available: number }>;
      for (const { sku, available } of stock) expect(available + (held.get(sku) ?? 0), sku).to.equal(STOCK[sku]);
    } finally {
      services.close();
      executions.close();
    }
  });
});

function countRunning(dataDir: string): number {
  const db = new Database(dataDirLayout(dataDir).executionsDatabase, { readonly: true });
  try {
    return (db.prepare("SELECT count(*) AS n FROM executions WHERE status = 'RUNNING'").get() as { n: number }).n;
  } finally {
    db.close();
  }
}
