import { expectString } from '../argumentChecks';
import { invalidIntrinsicArguments } from '../errors';
import type { IntrinsicFunction } from '../intrinsicFunction';
import { jsonText } from '../jsonText';

const NAME = 'States.Format';

/**
 * `States.Format(template, values...)`: each `{}` of the template replaced by the next value.
 * Strings go in as they are, anything else as its JSON text (null → "null", 1.1 → "1.1").
 */
export const format: IntrinsicFunction = {
  name: NAME,
  minArgs: 1,
  maxArgs: Infinity,
  apply(args, call) {
    const template = call.args[0];
    // In a literal, escaped braces (\{ \}) are text, not placeholders.
    const parts = template?.kind === 'string' ? template.formatParts : expectString(NAME, args, 0).split('{}');
    const values = args.slice(1);
    if (parts.length - 1 !== values.length) {
      throw invalidIntrinsicArguments(
        NAME,
        `the template has ${parts.length - 1} placeholder(s) but ${values.length} value(s) were given`,
      );
    }
    return parts.reduce((text, part, index) => text + formatValue(values[index - 1]) + part);
  },
};

function formatValue(value: unknown): string {
  return typeof value === 'string' ? value : jsonText(value);
}
