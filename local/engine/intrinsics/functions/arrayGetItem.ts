import { expectArray, expectNumber } from '../argumentChecks';
import { invalidIntrinsicArguments } from '../errors';
import type { IntrinsicFunction } from '../intrinsicFunction';

const NAME = 'States.ArrayGetItem';

/** `States.ArrayGetItem(array, index)`: the item at a zero-based index. */
export const arrayGetItem: IntrinsicFunction = {
  name: NAME,
  minArgs: 2,
  maxArgs: 2,
  apply(args) {
    const items = expectArray(NAME, args, 0);
    const index = expectNumber(NAME, args, 1);
    if (!Number.isInteger(index) || index < 0 || index >= items.length) {
      throw invalidIntrinsicArguments(NAME, `the index ${index} is out of bounds for an array of ${items.length} items`);
    }
    return items[index];
  },
};
