import { expect } from 'chai';
import fc from 'fast-check';
import { checkProcessorConfig, decideCharge, DEFAULT_PROCESSOR_CONFIG, paymentId, type ProcessorConfig } from '../../../handlers/payment/processor';
import { TEST_TOKENS } from '../../../handlers/payment/testTokens';

describe('Function: decideCharge', () => {
  it('is a pure function of (seed, orderId, attempt) for random tokens', () => {
    fc.assert(
      fc.property(fc.integer(), fc.string(), fc.integer({ min: 1, max: 10 }), (seed, orderId, attempt) => {
        const config = { ...DEFAULT_PROCESSOR_CONFIG, seed };
        expect(decideCharge(config, orderId, attempt, 'tok_random')).to.deep.equal(decideCharge(config, orderId, attempt, 'tok_other'));
      }),
    );
  });

  it('depends on the seed', () => {
    const decisions = (seed: number) =>
      Array.from({ length: 200 }, (_, i) => decideCharge({ ...DEFAULT_PROCESSOR_CONFIG, seed }, `o${i}`, 1, 'tok_x').kind).join();
    expect(decisions(1)).to.not.equal(decisions(2));
    expect(decisions(1)).to.equal(decisions(1));
  });

  const rates: Array<[string, ProcessorConfig, { approved: number; declined: number; transient: number }]> = [
    ['default', DEFAULT_PROCESSOR_CONFIG, { approved: 0.9, declined: 0.07, transient: 0.03 }],
    ['all declines', { seed: 7, approvalRate: 0, declineRate: 1, transientRate: 0 }, { approved: 0, declined: 1, transient: 0 }],
    ['weights need not sum to 1', { seed: 7, approvalRate: 2, declineRate: 1, transientRate: 1 }, { approved: 0.5, declined: 0.25, transient: 0.25 }],
  ];
  for (const [name, config, expected] of rates) {
    it(`follows the configured rates (${name})`, () => {
      const counts = { approved: 0, declined: 0, transient: 0 };
      const n = 10_000;
      for (let i = 0; i < n; i++) counts[decideCharge(config, `order-${i}`, 1, 'tok_random').kind]++;
      for (const kind of ['approved', 'declined', 'transient'] as const) expect(counts[kind] / n).to.be.closeTo(expected[kind], 0.015);
    });
  }

  it('gives random declines a reason', () => {
    const reasons = new Set<string>();
    for (let i = 0; i < 2_000; i++) {
      const decision = decideCharge({ seed: 1, approvalRate: 0, declineRate: 1, transientRate: 0 }, `o${i}`, 1, 'tok_random');
      if (decision.kind === 'declined') reasons.add(decision.reason);
    }
    expect([...reasons].sort()).to.deep.equal(['card_declined', 'expired_card', 'fraud_suspected', 'incorrect_cvc', 'insufficient_funds', 'lost_card', 'stolen_card']);
  });

  const tokens: Array<[string, number, string]> = [
    ['tok_visa', 1, 'approved'],
    ['tok_mastercard', 1, 'approved'],
    ['tok_chargeDeclined', 1, 'declined:card_declined'],
    ['tok_chargeDeclinedInsufficientFunds', 1, 'declined:insufficient_funds'],
    ['tok_chargeDeclinedExpiredCard', 1, 'declined:expired_card'],
    ['tok_chargeDeclinedIncorrectCvc', 1, 'declined:incorrect_cvc'],
    ['tok_chargeDeclinedLostCard', 1, 'declined:lost_card'],
    ['tok_chargeDeclinedStolenCard', 1, 'declined:stolen_card'],
    ['tok_chargeDeclinedFraudulent', 1, 'declined:fraud_suspected'],
    ['tok_processingError', 1, 'transient'],
    ['tok_processingError', 5, 'transient'],
    ['tok_processingErrorOnce', 1, 'transient'],
    ['tok_processingErrorOnce', 2, 'approved'],
  ];
  for (const [token, attempt, expected] of tokens) {
    it(`test token ${token}, attempt ${attempt} → ${expected}`, () => {
      // Even a processor that declines everything obeys the test tokens.
      const decision = decideCharge({ seed: 1, approvalRate: 0, declineRate: 1, transientRate: 0 }, 'o', attempt, token);
      expect(decision.kind === 'declined' ? `declined:${decision.reason}` : decision.kind).to.equal(expected);
    });
  }

  it('has a test token for every decline reason', () => {
    const forced = Object.values(TEST_TOKENS).flatMap((outcome) => (outcome.kind === 'declined' ? [outcome.reason] : []));
    expect(new Set(forced).size).to.equal(7);
  });
});

describe('Function: checkProcessorConfig', () => {
  const bad: ProcessorConfig[] = [
    { seed: 1, approvalRate: -1, declineRate: 1, transientRate: 0 },
    { seed: 1, approvalRate: 0, declineRate: 0, transientRate: 0 },
    { seed: Number.NaN, approvalRate: 1, declineRate: 0, transientRate: 0 },
    { seed: 1, approvalRate: Number.POSITIVE_INFINITY, declineRate: 0, transientRate: 0 },
  ];
  for (const config of bad) {
    it(`rejects ${JSON.stringify(config)}`, () => expect(() => checkProcessorConfig(config)).to.throw(RangeError));
  }
});

describe('Function: paymentId', () => {
  it('is stable per (seed, orderId) and distinct between them', () => {
    expect(paymentId('ch', 1, 'o1')).to.equal(paymentId('ch', 1, 'o1'));
    expect(paymentId('ch', 1, 'o1')).to.match(/^ch_[0-9a-f]{24}$/);
    expect(new Set([paymentId('ch', 1, 'o1'), paymentId('ch', 2, 'o1'), paymentId('ch', 1, 'o2'), paymentId('re', 1, 'o1')]).size).to.equal(4);
  });
});
