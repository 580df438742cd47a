import { expectArray, expectRoundedInteger } from '../argumentChecks';
import { invalidIntrinsicArguments } from '../errors';
import type { IntrinsicFunction } from '../intrinsicFunction';

const NAME = 'States.ArrayPartition';

/** `States.ArrayPartition(array, chunkSize)`: chunks of `chunkSize` items, the last one shorter. */
export const arrayPartition: IntrinsicFunction = {
  name: NAME,
  minArgs: 2,
  maxArgs: 2,
  apply(args) {
    const items = expectArray(NAME, args, 0);
    const size = expectRoundedInteger(NAME, args, 1);
    if (size < 1) throw invalidIntrinsicArguments(NAME, `the chunk size must be a non-zero, positive integer, got ${size}`);
    const chunks = [];
    for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
    return chunks;
  },
};
