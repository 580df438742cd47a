/**
 * The PaymentLedger contract, run against every adapter (SQLite, DynamoDB via dynalite).
 */
import { expect } from 'chai';
import type { ChargeTerms, PaymentLedger } from '../../../handlers/ports';
import type { StoreFixture } from './inventoryStoreContract';

const terms = (orderId: string): ChargeTerms => ({ orderId, amount: 30.97, currency: 'USD' });

/** Defines the contract tests of {@link PaymentLedger}. */
export function describePaymentLedgerContract(adapter: string, fixture: StoreFixture<PaymentLedger>): void {
  describe(`Contract: PaymentLedger (${adapter})`, function () {
    this.timeout(60_000);
    let ledger: PaymentLedger;

    beforeEach(async () => {
      ledger = await fixture.make();
    });
    afterEach(async () => {
      await fixture.dispose?.();
    });

    it('numbers the attempts of an order and keeps the first terms', async () => {
      expect(await ledger.beginAttempt(terms('o1'))).to.deep.equal({ kind: 'attempt', attempt: 1, terms: terms('o1') });
      expect(await ledger.beginAttempt({ ...terms('o1'), amount: 99 })).to.deep.equal({ kind: 'attempt', attempt: 2, terms: terms('o1') });
      expect(await ledger.get('o1')).to.equal(undefined);
    });

    it('records the first final outcome and replays it', async () => {
      await ledger.beginAttempt(terms('o1'));
      expect(await ledger.complete('o1', { status: 'APPROVED', confirmationId: 'ch_1' })).to.deep.equal({ status: 'APPROVED', confirmationId: 'ch_1' });
      expect(await ledger.complete('o1', { status: 'DECLINED', declineReason: 'card_declined' })).to.deep.equal({
        status: 'APPROVED',
        confirmationId: 'ch_1',
      });
      expect(await ledger.beginAttempt(terms('o1'))).to.deep.equal({
        kind: 'final',
        record: { status: 'APPROVED', confirmationId: 'ch_1' },
        terms: terms('o1'),
      });
    });

    it('refunds an approved charge once; replays return the same refund', async () => {
      await ledger.beginAttempt(terms('o1'));
      await ledger.complete('o1', { status: 'APPROVED', confirmationId: 'ch_1' });
      const first = await ledger.refund('o1', 're_1');
      const second = await ledger.refund('o1', 're_2');
      expect(first).to.deep.equal({ status: 'REFUNDED', confirmationId: 'ch_1', refundId: 're_1' });
      expect(second).to.deep.equal(first);
      expect(await ledger.get('o1')).to.deep.equal({ status: 'REFUNDED', confirmationId: 'ch_1', refundId: 're_1' });
    });

    it('voids an order with no charge, so a late attempt finds it final', async () => {
      expect(await ledger.refund('o1', 're_1')).to.deep.equal({ status: 'VOIDED' });
      expect(await ledger.refund('o1', 're_1')).to.deep.equal({ status: 'VOIDED' });
      const late = await ledger.beginAttempt(terms('o1'));
      expect(late.kind === 'final' && late.record).to.deep.equal({ status: 'VOIDED' });
    });

    it('voids an order whose attempts all failed transiently', async () => {
      await ledger.beginAttempt(terms('o1'));
      expect(await ledger.refund('o1', 're_1')).to.deep.equal({ status: 'VOIDED' });
      expect(await ledger.get('o1')).to.deep.equal({ status: 'VOIDED' });
    });

    it('leaves a declined charge declined (nothing to refund)', async () => {
      await ledger.beginAttempt(terms('o1'));
      await ledger.complete('o1', { status: 'DECLINED', declineReason: 'insufficient_funds' });
      expect(await ledger.refund('o1', 're_1')).to.deep.equal({ status: 'VOIDED' });
      expect(await ledger.get('o1')).to.deep.equal({ status: 'DECLINED', declineReason: 'insufficient_funds' });
    });

    it('gives parallel attempts distinct numbers', async () => {
      const outcomes = await Promise.all(Array.from({ length: 10 }, () => ledger.beginAttempt(terms('o1'))));
      const attempts = outcomes.map((outcome) => (outcome.kind === 'attempt' ? outcome.attempt : 0)).sort((a, b) => a - b);
      expect(attempts).to.deep.equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    });

    it('lets exactly one of parallel completions win', async () => {
      await ledger.beginAttempt(terms('o1'));
      const outcomes = await Promise.all(
        Array.from({ length: 10 }, (_, i) => ledger.complete('o1', { status: 'APPROVED', confirmationId: `ch_${i}` })),
      );
      expect(new Set(outcomes.map((outcome) => JSON.stringify(outcome))).size).to.equal(1);
    });
  });
}
