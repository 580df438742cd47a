import type { IntrinsicFunction } from '../intrinsicFunction';
import { jsonText } from '../jsonText';

/** `States.JsonToString(value)`: compact JSON text, keys in their order. */
export const jsonToString: IntrinsicFunction = {
  name: 'States.JsonToString',
  minArgs: 1,
  maxArgs: 1,
  apply(args) {
    return jsonText(args[0]);
  },
};
