import { randomUUID } from 'node:crypto';
import type { IntrinsicFunction } from '../intrinsicFunction';

/** `States.UUID()`: a random version 4 UUID. */
export const uuid: IntrinsicFunction = {
  name: 'States.UUID',
  minArgs: 0,
  maxArgs: 0,
  apply() {
    return randomUUID();
  },
};
