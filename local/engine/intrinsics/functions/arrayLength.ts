import { expectArray } from '../argumentChecks';
import type { IntrinsicFunction } from '../intrinsicFunction';

const NAME = 'States.ArrayLength';

/** `States.ArrayLength(array)`: the number of items. */
export const arrayLength: IntrinsicFunction = {
  name: NAME,
  minArgs: 1,
  maxArgs: 1,
  apply(args) {
    return expectArray(NAME, args, 0).length;
  },
};
