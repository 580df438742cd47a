import { isLeft } from 'fp-ts/Either';
import type * as t from 'io-ts';
import { formatDecodeErrors } from '../../workflow/decodeErrors';
import { InvalidEventError } from '../errors';

/**
 * Decodes a Lambda event with its contract codec, or throws {@link InvalidEventError}
 * carrying the decoder's messages (each naming the field).
 */
export function decodeEvent<A>(codec: t.Decoder<unknown, A>, event: unknown, step: string): A {
  const result = codec.decode(event);
  if (isLeft(result)) throw new InvalidEventError(step, formatDecodeErrors(result.left));
  return result.right;
}
