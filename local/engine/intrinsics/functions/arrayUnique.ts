import { expectArray } from '../argumentChecks';
import type { IntrinsicFunction } from '../intrinsicFunction';
import { canonicalJsonText } from '../jsonEquality';

const NAME = 'States.ArrayUnique';

/** `States.ArrayUnique(array)`: the items without deep-equal repeats, first occurrences kept. */
export const arrayUnique: IntrinsicFunction = {
  name: NAME,
  minArgs: 1,
  maxArgs: 1,
  apply(args) {
    const seen = new Set<string>();
    const unique: unknown[] = [];
    for (const item of expectArray(NAME, args, 0)) {
      const key = canonicalJsonText(item);
      if (seen.has(key)) continue;
      seen.add(key);
      unique.push(item);
    }
    return unique;
  },
};
