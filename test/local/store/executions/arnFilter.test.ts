import { expect } from 'chai';
import { ArnFilter } from '../../../../local/store/executions/arnFilter';
import { arnHash } from '../../../../local/store/executions/arnHash';

describe('Class: ArnFilter', () => {
  const arn = (i: number): string => `arn:aws:states:us-east-1:123456789012:execution:orders:${i.toString(16)}-order`;

  describe('Method: mayContain', () => {
    it('finds every added hash, across the layers it grows, and rarely one never added', () => {
      // Prepare: enough entries for several layers.
      const filter = new ArnFilter();
      const added = 100_000;
      for (let i = 0; i < added; i++) filter.add(arnHash(arn(i)));

      // Act
      let missed = 0;
      for (let i = 0; i < added; i++) if (!filter.mayContain(arnHash(arn(i)))) missed++;
      let falsePositives = 0;
      for (let i = added; i < 2 * added; i++) if (filter.mayContain(arnHash(arn(i)))) falsePositives++;

      // Assess
      expect(missed).to.equal(0);
      expect(falsePositives / added).to.be.below(0.005);
    });

    it('contains nothing when empty', () => {
      expect(new ArnFilter().mayContain(arnHash(arn(1)))).to.equal(false);
    });
  });
});
