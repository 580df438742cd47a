import { expect } from 'chai';
import { InvalidEventError, PaymentProcessorUnavailableError } from '../../../handlers/errors';
import { createChargePaymentHandler } from '../../../handlers/payment/chargeHandler';
import { paymentId } from '../../../handlers/payment/processor';
import { createRefundPaymentHandler } from '../../../handlers/payment/refundHandler';
import { TRANSIENT_ERROR_NAMES } from '../../../workflow/contracts';
import { captureStdout, emfMetrics } from '../support/captureStdout';
import { HOSTILE_EVENTS } from '../support/hostileEvents';
import { testObservability } from '../support/observability';
import { CARD_NUMBERS } from '../support/orders';
import { sqliteAdapters } from '../support/sqlite';

const SEED = 42;
const charge = (orderId: string, paymentToken: string, amount = 30.97) => ({ orderId, amount, currency: 'USD', paymentToken });

describe('Function: chargePayment and refundPayment handlers', () => {
  let adapters: ReturnType<typeof sqliteAdapters>;
  const processor = { seed: SEED, approvalRate: 1, declineRate: 0, transientRate: 0 };
  const pay = (event: unknown) =>
    captureStdout(() =>
      createChargePaymentHandler({ ledger: adapters.payments, processor, observability: testObservability('payment') })(event),
    );
  const refund = (event: unknown) =>
    captureStdout(() =>
      createRefundPaymentHandler({ ledger: adapters.payments, seed: SEED, observability: testObservability('payment') })(event),
    );

  beforeEach(() => {
    adapters = sqliteAdapters();
  });
  afterEach(() => adapters.close());

  it('approves with a reproducible confirmation id and counts it', async () => {
    const { result, records } = await pay(charge('o1', 'tok_visa'));
    expect(result).to.deep.equal({ status: 'APPROVED', confirmationId: paymentId('ch', SEED, 'o1') });
    expect(emfMetrics(records).map(({ name }) => name)).to.deep.equal(['PaymentsApproved']);
    expect(records.find(record => record.message === 'payment decided')).to.include({
      orderId: 'o1',
      step: 'chargePayment',
      outcome: 'APPROVED',
    });
  });

  it('declines with the reason and counts PaymentsDeclined by reason', async () => {
    const { result, records } = await pay(charge('o1', 'tok_chargeDeclinedInsufficientFunds'));
    expect(result).to.deep.equal({ status: 'DECLINED', declineReason: 'insufficient_funds' });
    const declined = emfMetrics(records).filter(({ name }) => name === 'PaymentsDeclined');
    expect(declined.map(({ dimensions }) => dimensions.reason)).to.deep.equal(['insufficient_funds']);
  });

  it('throws a named, retryable error on a transient failure, then approves on retry', async () => {
    const first = await pay(charge('o1', 'tok_processingErrorOnce'));
    expect(first.error).to.be.instanceOf(PaymentProcessorUnavailableError);
    expect(TRANSIENT_ERROR_NAMES).to.include((first.error as Error).name);
    const retry = await pay(charge('o1', 'tok_processingErrorOnce'));
    expect(retry.result).to.deep.equal({ status: 'APPROVED', confirmationId: paymentId('ch', SEED, 'o1') });
  });

  it('never charges twice: retries replay the first outcome', async () => {
    const first = await pay(charge('o1', 'tok_chargeDeclined'));
    // A retry with an approving token still replays the decline: the order was decided.
    const retry = await pay(charge('o1', 'tok_visa'));
    expect(retry.result).to.deep.equal(first.result);
    expect(emfMetrics(retry.records).map(({ name }) => name)).to.deep.equal([]);
  });

  it('refuses the same order with a different amount', async () => {
    await pay(charge('o1', 'tok_visa', 10));
    const { error } = await pay(charge('o1', 'tok_visa', 11));
    expect((error as Error).name).to.equal('IdempotencyConflict');
  });

  it('refunds an approved charge once; a retried refund returns the same refund', async () => {
    await pay(charge('o1', 'tok_visa'));
    const first = await refund({ orderId: 'o1' });
    const retry = await refund({ orderId: 'o1' });
    expect(first.result).to.deep.equal({
      orderId: 'o1',
      status: 'REFUNDED',
      refundId: paymentId('re', SEED, 'o1'),
      confirmationId: paymentId('ch', SEED, 'o1'),
    });
    expect(retry.result).to.deep.equal(first.result);
    expect(emfMetrics(first.records).map(({ name }) => name)).to.deep.equal(['PaymentsRefunded']);
    expect(await adapters.payments.get('o1')).to.deep.equal({
      status: 'REFUNDED',
      confirmationId: paymentId('ch', SEED, 'o1'),
      refundId: paymentId('re', SEED, 'o1'),
    });
  });

  it('voids an order with no charge; a late charge fails with OrderCompensated', async () => {
    const voided = await refund({ orderId: 'o1' });
    expect(voided.result).to.deep.equal({ orderId: 'o1', status: 'VOIDED' });
    const late = await pay(charge('o1', 'tok_visa'));
    expect((late.error as Error).name).to.equal('OrderCompensated');
  });

  it('a declined order needs no refund', async () => {
    await pay(charge('o1', 'tok_chargeDeclinedFraudulent'));
    expect((await refund({ orderId: 'o1' })).result).to.deep.equal({ orderId: 'o1', status: 'VOIDED' });
  });

  it('reproduces a run: the same seed and orders give the same outcomes', async () => {
    const mixed = { seed: 7, approvalRate: 0.6, declineRate: 0.3, transientRate: 0.1 };
    const runOnce = async () => {
      const run = sqliteAdapters();
      const handler = createChargePaymentHandler({ ledger: run.payments, processor: mixed, observability: testObservability('payment') });
      const outcomes: string[] = [];
      for (let i = 0; i < 30; i++) {
        const { result, error } = await captureStdout(() => handler(charge(`o${i}`, 'tok_random')));
        outcomes.push(error !== undefined ? (error as Error).name : JSON.stringify(result));
      }
      run.close();
      return outcomes;
    };
    const [a, b] = [await runOnce(), await runOnce()];
    expect(a).to.deep.equal(b);
    expect(new Set(a.map(outcome => outcome.slice(0, 14))).size).to.be.greaterThan(1);
  });

  const badCharges: Array<[string, unknown, string]> = [
    ['a zero amount', charge('o1', 'tok_visa', 0), 'amount: expected a positive amount'],
    ['a negative amount', charge('o1', 'tok_visa', -5), 'amount: expected a positive amount'],
    ['a bad currency', { ...charge('o1', 'tok_visa'), currency: 'dollars' }, 'currency: expected an ISO 4217 code'],
    ['an empty token', charge('o1', ''), 'paymentToken: expected a processor token, got ""'],
  ];
  for (const [name, event, detail] of badCharges) {
    it(`refuses ${name} with InvalidEvent`, async () => {
      const { error } = await pay(event);
      expect(error).to.be.instanceOf(InvalidEventError);
      expect((error as InvalidEventError).details).to.deep.equal([detail]);
    });
  }

  for (const card of CARD_NUMBERS) {
    it(`refuses a card number as token (${card.slice(0, 4)}…), never storing, echoing or logging it`, async () => {
      const { error, lines } = await pay(charge('o1', card));
      expect((error as InvalidEventError).details).to.deep.equal(['paymentToken: expected a processor token, got [redacted]']);
      expect(lines.join('\n') + (error as Error).message).to.not.include(card);
      expect(await adapters.payments.get('o1')).to.equal(undefined);
      const rows = JSON.stringify(adapters.db.prepare('SELECT * FROM payments').all());
      expect(rows).to.not.include(card.replace(/\D/g, '').slice(0, 12));
    });
  }

  for (const { name, event } of HOSTILE_EVENTS) {
    it(`charge and refund reject ${name} with InvalidEvent`, async () => {
      for (const run of [pay, refund]) {
        const { error } = await run(event);
        expect(error).to.be.instanceOf(InvalidEventError);
      }
    });
  }
});
