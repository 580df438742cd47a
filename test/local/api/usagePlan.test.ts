import { expect } from 'chai';
import { UsagePlanMeter, type UsageVerdict } from '../../../local/api';

describe('Class: UsagePlanMeter', () => {
  describe('Method: admit', () => {
    it('lets a full bucket burst, then refills it at rateLimit per second', () => {
      // Prepare
      let clock = 0;
      const meter = new UsagePlanMeter({ throttle: { rateLimit: 10, burstLimit: 3 } }, () => clock);

      // Act
      const verdicts: UsageVerdict[] = [];
      for (let i = 0; i < 4; i++) verdicts.push(meter.admit('k'));
      clock += 50; // half a token
      verdicts.push(meter.admit('k'));
      clock += 50; // a whole token
      verdicts.push(meter.admit('k'));
      clock += 10_000; // refills to the burst limit, not beyond
      for (let i = 0; i < 4; i++) verdicts.push(meter.admit('k'));

      // Assess
      expect(verdicts).to.deep.equal([
        'allowed', 'allowed', 'allowed', 'throttled',
        'throttled',
        'allowed',
        'allowed', 'allowed', 'allowed', 'throttled',
      ]);
    });

    it('counts only admitted requests against the quota, and resets it at UTC midnight', () => {
      let clock = Date.UTC(2026, 5, 1, 23, 59, 57);
      const meter = new UsagePlanMeter({ throttle: { rateLimit: 1, burstLimit: 1 }, quota: { limit: 2, period: 'DAY' } }, () => clock);

      const verdicts = [meter.admit('k'), meter.admit('k')];
      clock += 1_000;
      verdicts.push(meter.admit('k'));
      clock += 1_000;
      verdicts.push(meter.admit('k'));
      clock = Date.UTC(2026, 5, 3);
      verdicts.push(meter.admit('k'));

      expect(verdicts).to.deep.equal(['allowed', 'throttled', 'allowed', 'quotaExceeded', 'allowed']);
    });

    it('keeps a bucket per key, including keys named like prototype members', () => {
      const meter = new UsagePlanMeter({ throttle: { rateLimit: 1, burstLimit: 1 } }, () => 0);
      expect(['__proto__', 'constructor', 'a', '__proto__'].map((key) => meter.admit(key))).to.deep.equal(['allowed', 'allowed', 'allowed', 'throttled']);
    });

    const badPlans = [
      { throttle: { rateLimit: 0, burstLimit: 1 } },
      { throttle: { rateLimit: 1, burstLimit: 0 } },
      { throttle: { rateLimit: Number.NaN, burstLimit: 1 } },
      { throttle: { rateLimit: 1, burstLimit: 1 }, quota: { limit: -1, period: 'DAY' as const } },
    ];
    for (const plan of badPlans) {
      it(`refuses the plan ${JSON.stringify(plan)}`, () => {
        expect(() => new UsagePlanMeter(plan)).to.throw(RangeError);
      });
    }
  });
});
