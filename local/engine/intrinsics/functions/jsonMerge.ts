import { expectObject, wrongType } from '../argumentChecks';
import { invalidIntrinsicArguments } from '../errors';
import type { IntrinsicFunction } from '../intrinsicFunction';

const NAME = 'States.JsonMerge';

/**
 * `States.JsonMerge(left, right, false)`: a shallow merge, the right object's keys winning.
 * AWS supports only the shallow mode, so the third argument must be `false`.
 */
export const jsonMerge: IntrinsicFunction = {
  name: NAME,
  minArgs: 3,
  maxArgs: 3,
  apply(args) {
    const left = expectObject(NAME, args, 0);
    const right = expectObject(NAME, args, 1);
    const deep = args[2];
    if (typeof deep !== 'boolean') throw wrongType(NAME, 2, 'a boolean', deep);
    if (deep) throw invalidIntrinsicArguments(NAME, 'deep merging is not supported, the third argument must be false');
    return { ...left, ...right };
  },
};
