import { expectString } from '../argumentChecks';
import { invalidIntrinsicArguments } from '../errors';
import type { IntrinsicFunction } from '../intrinsicFunction';

/** AWS: both functions take "a data string of up to 10,000 characters". */
export const MAX_BASE64_INPUT_CHARS = 10_000;

const ENCODE = 'States.Base64Encode';
const DECODE = 'States.Base64Decode';
/** The standard alphabet, padding optional but only at the end (as Java's basic decoder). */
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** `States.Base64Encode(text)`: the Base64 of the text's UTF-8 bytes. */
export const base64Encode: IntrinsicFunction = {
  name: ENCODE,
  minArgs: 1,
  maxArgs: 1,
  apply(args) {
    const text = limited(ENCODE, expectString(ENCODE, args, 0));
    return Buffer.from(text, 'utf8').toString('base64');
  },
};

/** `States.Base64Decode(base64)`: the decoded bytes as UTF-8 text. */
export const base64Decode: IntrinsicFunction = {
  name: DECODE,
  minArgs: 1,
  maxArgs: 1,
  apply(args) {
    const encoded = limited(DECODE, expectString(DECODE, args, 0));
    const unpadded = encoded.replace(/=+$/, '');
    const wellFormed =
      BASE64.test(encoded) &&
      unpadded.length % 4 !== 1 &&
      (unpadded.length === encoded.length || encoded.length % 4 === 0);
    if (!wellFormed) throw invalidIntrinsicArguments(DECODE, 'the argument is not a valid Base64 string');
    return Buffer.from(encoded, 'base64').toString('utf8');
  },
};

function limited(fn: string, text: string): string {
  if ([...text].length > MAX_BASE64_INPUT_CHARS) {
    throw invalidIntrinsicArguments(fn, `the input string exceeds the limit of ${MAX_BASE64_INPUT_CHARS} characters`);
  }
  return text;
}
