import type { IntrinsicFunction } from '../intrinsicFunction';

/** `States.Array(values...)`: the values as an array, in order. */
export const array: IntrinsicFunction = {
  name: 'States.Array',
  minArgs: 0,
  maxArgs: Infinity,
  apply(args) {
    return args.map((value) => (value === undefined ? null : value));
  },
};
