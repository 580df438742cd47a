/**
 * Faults: 30% of inventory calls and 30% of payment attempts fail transiently (injected by
 * configuration). Every order still reaches a terminal state, the retries show in the history
 * with delays that grow with each retry (exponential backoff, full jitter), and the order-level
 * invariants hold: stock conserved, nothing reserved or charged for a failed order, one
 * notification per order.
 */
import { expect } from 'chai';
import { generatedOrder, kindAt, type OrderKind } from '../../local/system/client/sampleOrders';
import type { OrderSystem } from '../../local/system';
import type { OrderClient } from '../../local/system/client/orderClient';
import type { Order } from '../../workflow/contracts';
import { startTestSystem, tempDataDir } from '../local/system/support';
import { recordFigure } from './support/figures';
import { orderInvariantViolations } from './support/orderInvariants';
import { retryDelays, type RetryDelay } from './support/retryDelays';

const ORDERS = 500;
const FAULT_RATE = 0.3;
/** Retry intervals are scaled by this (1 s becomes 100 ms), so delays stay measurable but short. */
const TIME_SCALE = 0.1;
/** The workflow's retry policy: 1 s, ×2 per retry, capped at 8 s (scaled). */
const capMs = (retry: number): number => Math.min(8_000, 1_000 * 2 ** (retry - 1)) * TIME_SCALE;
/** Timer and event-loop lateness tolerated on top of a delay's cap. */
const LATENESS_MS = 250;

const STOCK: Record<string, number> = { 'BOOK-1': 10_000, 'PEN-7': 10_000, 'MUG-3': 10_000, 'LAMP-9': 10_000, 'SOLD-OUT-1': 0 };

/** The outcomes each kind may end in: its own, or a transient error whose retries ran out. */
const ALLOWED: Record<OrderKind, readonly string[]> = {
  success: ['SUCCEEDED', 'FAILED InventoryUnavailable', 'FAILED PaymentProcessorUnavailable'],
  declined: ['FAILED PaymentDeclined', 'FAILED InventoryUnavailable'],
  'out-of-stock': ['FAILED OutOfStock', 'FAILED PaymentProcessorUnavailable', 'FAILED InventoryUnavailable'],
  rejected: ['FAILED InvalidOrder'],
};

/** The i-th order: successes pay with a token the processor does not force (so faults apply). */
function orderAt(i: number): { kind: OrderKind; order: Order } {
  const kind = kindAt({ success: 70, declined: 10, 'out-of-stock': 10, rejected: 10 }, i);
  const order = generatedOrder(kind, `fault-${i}`);
  return { kind, order: kind === 'success' ? { ...order, paymentToken: 'tok_unforced' } : order };
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

describe('Hardening: transient faults in inventory and payment', function () {
  this.timeout(180_000);
  let dir: ReturnType<typeof tempDataDir>;
  let system: OrderSystem;
  let client: OrderClient | undefined;

  before(async () => {
    dir = tempDataDir();
    ({ system, client } = await startTestSystem(dir.path, {
      timeScale: TIME_SCALE,
      inventory: { stock: STOCK },
      faults: { inventoryTransientRate: FAULT_RATE, seed: 7 },
      processor: { seed: 7, approvalRate: 1 - FAULT_RATE, declineRate: 0, transientRate: FAULT_RATE },
    }));
  });

  after(async () => {
    client?.close();
    await system?.stop();
    dir.remove();
  });

  it(`finishes ${ORDERS} orders under ${FAULT_RATE * 100}% transient failures, retrying with growing delays, with every invariant kept`, async () => {
    // Prepare
    const orders = Array.from({ length: ORDERS }, (_, i) => orderAt(i));

    // Act: submit from 16 senders, then wait for every order to finish.
    let next = 0;
    const refused: number[] = [];
    const sender = async (): Promise<void> => {
      while (next < orders.length) {
        const response = await client!.postOrder(orders[next++]!.order);
        if (response.status !== 200) refused.push(response.status);
      }
    };
    await Promise.all(Array.from({ length: 16 }, sender));
    const finals = new Map<string, string | undefined>();
    const outcomes = new Map<string, number>();
    const delays: RetryDelay[] = [];
    const unexpected: string[] = [];
    for (const { kind, order } of orders) {
      const final = await system.engine.awaitExecution(system.executionArnOf(order.orderId));
      finals.set(order.orderId, final.status);
      const outcome = final.status === 'SUCCEEDED' ? 'SUCCEEDED' : `${final.status} ${final.error ?? ''}`;
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      if (!ALLOWED[kind].includes(outcome)) unexpected.push(`${order.orderId} (${kind}): ${outcome}`);
      delays.push(...retryDelays(system.engine.getExecutionHistory(system.executionArnOf(order.orderId)).events));
    }
    const violations = orderInvariantViolations(system.layout.servicesDatabase, STOCK, finals);

    const byRetry = new Map<number, number[]>();
    for (const d of delays) byRetry.set(d.retry, [...(byRetry.get(d.retry) ?? []), d.delayMs]);
    const means = [1, 2, 3].map((retry) => mean(byRetry.get(retry) ?? []));
    const tooLate = delays.filter((d) => d.delayMs > capMs(d.retry) + LATENESS_MS);
    recordFigure('faults.orders', ORDERS);
    recordFigure('faults.injectedRate', FAULT_RATE);
    recordFigure('faults.retries', delays.length);
    recordFigure('faults.invariantViolations', violations.length);
    for (const [retry, values] of byRetry) recordFigure(`faults.retryDelayMeanMs.retry${retry}`, mean(values) / TIME_SCALE);
    recordFigure('faults.succeeded', outcomes.get('SUCCEEDED') ?? 0);

    // Assess
    expect(refused).to.deep.equal([]);
    expect(violations, violations.slice(0, 10).join('\n')).to.deep.equal([]);
    expect(unexpected.slice(0, 10), `${unexpected.length} unexpected outcomes`).to.deep.equal([]);
    // Both services' faults were retried, and the retries were spread as the policy says.
    expect([...new Set(delays.map((d) => d.error))]).to.include.members(['InventoryUnavailable', 'PaymentProcessorUnavailable']);
    expect(delays.length).to.be.greaterThan(ORDERS * 0.3);
    expect(means[0]).to.be.lessThan(means[1]!);
    expect(means[1]).to.be.lessThan(means[2]!);
    expect(tooLate.slice(0, 5), `${tooLate.length} retries later than their cap`).to.deep.equal([]);
    // Most orders still succeed: the retries absorb the faults.
    expect(outcomes.get('SUCCEEDED') ?? 0, JSON.stringify([...outcomes])).to.be.greaterThan(orders.filter((o) => o.kind === 'success').length * 0.95);
  });
});
