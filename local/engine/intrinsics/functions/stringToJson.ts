import { expectString } from '../argumentChecks';
import { invalidIntrinsicArguments } from '../errors';
import type { IntrinsicFunction } from '../intrinsicFunction';

const NAME = 'States.StringToJson';

/** `States.StringToJson(text)`: the parsed JSON; an empty or blank string gives null (as AWS). */
export const stringToJson: IntrinsicFunction = {
  name: NAME,
  minArgs: 1,
  maxArgs: 1,
  apply(args) {
    const text = expectString(NAME, args, 0);
    if (text.trim() === '') return null;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw invalidIntrinsicArguments(NAME, `the string is not valid JSON: ${text}`);
    }
    return withoutNegativeZero(parsed);
  },
};

/** "-0" parses to 0 on AWS. */
function withoutNegativeZero(value: unknown): unknown {
  return typeof value === 'number' ? value + 0 : value;
}
