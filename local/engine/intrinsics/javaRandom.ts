/**
 * java.util.Random's generator (a 48-bit linear congruential generator), so that a seeded
 * States.MathRandom gives the numbers AWS's Java runtime gives for the same seed.
 */
export class JavaRandom {
  private static readonly MULTIPLIER = 0x5deece66dn;
  private static readonly ADDEND = 0xbn;
  private static readonly MASK = (1n << 48n) - 1n;

  private seed: bigint;

  public constructor(seed: bigint) {
    this.seed = (BigInt.asIntN(64, seed) ^ JavaRandom.MULTIPLIER) & JavaRandom.MASK;
  }

  /** Random.nextInt(): 32 random bits as a signed int. */
  public nextInt(): number {
    return this.next(32);
  }

  /** Random.nextInt(bound): uniform in [0, bound), bound positive. */
  public nextIntBelow(bound: number): number {
    if (!Number.isInteger(bound) || bound <= 0 || bound > 0x7fffffff) throw new RangeError(`bound must be a positive int, got ${bound}`);
    if ((bound & -bound) === bound) return Number((BigInt(bound) * BigInt(this.next(31))) >> 31n);
    for (;;) {
      const bits = this.next(31);
      const value = bits % bound;
      // Java rejects the last, incomplete stretch of values (its int overflow test).
      if (bits - value + (bound - 1) <= 0x7fffffff) return value;
    }
  }

  private next(bits: number): number {
    this.seed = (this.seed * JavaRandom.MULTIPLIER + JavaRandom.ADDEND) & JavaRandom.MASK;
    return Number(BigInt.asIntN(32, this.seed >> BigInt(48 - bits)));
  }
}
