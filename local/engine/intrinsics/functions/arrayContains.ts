import { expectArray } from '../argumentChecks';
import type { IntrinsicFunction } from '../intrinsicFunction';
import { jsonEquals } from '../jsonEquality';

const NAME = 'States.ArrayContains';

/** `States.ArrayContains(array, value)`: whether an item deep-equals the value. */
export const arrayContains: IntrinsicFunction = {
  name: NAME,
  minArgs: 2,
  maxArgs: 2,
  apply(args) {
    const items = expectArray(NAME, args, 0);
    const wanted = args[1] === undefined ? null : args[1];
    return items.some((item) => jsonEquals(item, wanted));
  },
};
