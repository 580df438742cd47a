import { expect } from 'chai';
import { JavaRandom } from '../../../../local/engine/intrinsics/javaRandom';

describe('Class: JavaRandom', () => {
  describe('Method: nextInt', () => {
    it('gives java.util.Random(42).nextInt(), -1170105035', () => {
      expect(new JavaRandom(42n).nextInt()).to.equal(-1170105035);
    });
  });

  describe('Method: nextIntBelow', () => {
    it('gives java.util.Random(42).nextInt(10), 0', () => {
      expect(new JavaRandom(42n).nextIntBelow(10)).to.equal(0);
    });

    for (const bound of [1, 16, 1000, 2147483647]) {
      it(`stays in [0, ${bound})`, () => {
        // Prepare
        const random = new JavaRandom(7n);

        // Act
        const values = Array.from({ length: 200 }, () => random.nextIntBelow(bound));

        // Assess
        for (const value of values) expect(value).to.be.at.least(0).and.below(bound);
      });
    }

    it('is repeatable for a seed and differs between seeds', () => {
      // Act
      const draw = (seed: bigint) => {
        const random = new JavaRandom(seed);
        return Array.from({ length: 10 }, () => random.nextIntBelow(1000));
      };

      // Assess
      expect(draw(5n)).to.deep.equal(draw(5n));
      expect(draw(5n)).to.not.deep.equal(draw(6n));
    });

    it('rejects a bound that is not a positive int', () => {
      expect(() => new JavaRandom(1n).nextIntBelow(0)).to.throw(RangeError);
    });
  });
});
