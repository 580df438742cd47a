import { expectRoundedInteger } from '../argumentChecks';
import { invalidIntrinsicArguments } from '../errors';
import type { IntrinsicFunction } from '../intrinsicFunction';

const NAME = 'States.MathAdd';
const INT_MIN = -2147483648;
const INT_MAX = 2147483647;

/**
 * `States.MathAdd(a, b)`: the sum of the two values, each first rounded to the nearest integer
 * (halves up: AWS gives 1 for -0.5 + 0.5). Values must lie in [-2147483648, 2147483647].
 */
export const mathAdd: IntrinsicFunction = {
  name: NAME,
  minArgs: 2,
  maxArgs: 2,
  apply(args) {
    const [left, right] = [0, 1].map((index) => {
      const value = expectRoundedInteger(NAME, args, index);
      if (value < INT_MIN || value > INT_MAX) {
        throw invalidIntrinsicArguments(NAME, `argument ${index + 1} (${value}) is outside the range ${INT_MIN} to ${INT_MAX}`);
      }
      return value;
    });
    return left + right;
  },
};
