import { expectRoundedInteger } from '../argumentChecks';
import { invalidIntrinsicArguments } from '../errors';
import type { IntrinsicFunction } from '../intrinsicFunction';

const NAME = 'States.ArrayRange';
/** AWS: "The newly generated array can't contain more than 1000 items." */
export const MAX_RANGE_ITEMS = 1000;

/** `States.ArrayRange(first, last, step)`: first, first+step, ... up to last inclusive. */
export const arrayRange: IntrinsicFunction = {
  name: NAME,
  minArgs: 3,
  maxArgs: 3,
  apply(args) {
    const first = expectRoundedInteger(NAME, args, 0);
    const last = expectRoundedInteger(NAME, args, 1);
    const step = expectRoundedInteger(NAME, args, 2);
    if (step === 0) throw invalidIntrinsicArguments(NAME, 'the step (argument 3) must be a non-zero integer');
    const span = (last - first) / step;
    const count = span < 0 ? 0 : Math.floor(span) + 1;
    if (count > MAX_RANGE_ITEMS) {
      throw invalidIntrinsicArguments(NAME, `the range would have ${count} items, more than the ${MAX_RANGE_ITEMS} allowed`);
    }
    return Array.from({ length: count }, (_, index) => first + index * step);
  },
};
