import { expectString } from '../argumentChecks';
import type { IntrinsicFunction } from '../intrinsicFunction';

const NAME = 'States.StringSplit';

/**
 * `States.StringSplit(text, delimiters)`: the pieces between delimiter characters. Every character
 * of the second argument is a delimiter, and empty pieces are dropped (AWS gives [" ", " "] for
 * ", , ," split on ","), as Java's StringTokenizer does.
 */
export const stringSplit: IntrinsicFunction = {
  name: NAME,
  minArgs: 2,
  maxArgs: 2,
  apply(args) {
    const text = expectString(NAME, args, 0);
    const delimiters = new Set(expectString(NAME, args, 1));
    const pieces: string[] = [];
    let piece = '';
    for (const char of text) {
      if (!delimiters.has(char)) {
        piece += char;
      } else if (piece !== '') {
        pieces.push(piece);
        piece = '';
      }
    }
    if (piece !== '') pieces.push(piece);
    return pieces;
  },
};
