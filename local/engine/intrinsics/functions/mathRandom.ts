import { randomInt } from 'node:crypto';
import { expectNumber, expectRoundedInteger } from '../argumentChecks';
import { invalidIntrinsicArguments } from '../errors';
import type { IntrinsicFunction } from '../intrinsicFunction';
import { JavaRandom } from '../javaRandom';

const NAME = 'States.MathRandom';

/**
 * `States.MathRandom(start, end[, seed])`: a random integer in [start, end), start and end
 * rounded to integers. With a seed the number is repeatable (java.util.Random's sequence).
 */
export const mathRandom: IntrinsicFunction = {
  name: NAME,
  minArgs: 2,
  maxArgs: 3,
  apply(args) {
    const start = expectRoundedInteger(NAME, args, 0);
    const end = expectRoundedInteger(NAME, args, 1);
    const span = end - start;
    if (span <= 0 || span > 0x7fffffff) {
      throw invalidIntrinsicArguments(NAME, `the end (${end}) must be greater than the start (${start})`);
    }
    if (args.length < 3) return start + randomInt(span);
    const seed = Math.trunc(expectNumber(NAME, args, 2));
    return start + new JavaRandom(BigInt(seed)).nextIntBelow(span);
  },
};
