import { createHash } from 'node:crypto';
import { expectString } from '../argumentChecks';
import { invalidIntrinsicArguments } from '../errors';
import type { IntrinsicFunction } from '../intrinsicFunction';

const NAME = 'States.Hash';
/** AWS: "The data you provide must be an object string containing 10,000 characters or less." */
export const MAX_HASH_INPUT_CHARS = 10_000;

/** The algorithms AWS accepts, by their ASL names, mapped to Node's names. */
const ALGORITHMS: Readonly<Record<string, string>> = {
  MD5: 'md5',
  'SHA-1': 'sha1',
  'SHA-256': 'sha256',
  'SHA-384': 'sha384',
  'SHA-512': 'sha512',
};

/** `States.Hash(data, algorithm)`: the lowercase hex digest of the data's UTF-8 bytes. */
export const hash: IntrinsicFunction = {
  name: NAME,
  minArgs: 2,
  maxArgs: 2,
  apply(args) {
    const data = expectString(NAME, args, 0);
    const algorithm = expectString(NAME, args, 1);
    const nodeAlgorithm = Object.hasOwn(ALGORITHMS, algorithm) ? ALGORITHMS[algorithm] : undefined;
    if (nodeAlgorithm === undefined) {
      throw invalidIntrinsicArguments(
        NAME,
        `the hash algorithm '${algorithm}' is not supported, use one of ${Object.keys(ALGORITHMS).join(', ')}`,
      );
    }
    if ([...data].length > MAX_HASH_INPUT_CHARS) {
      throw invalidIntrinsicArguments(NAME, `the input data exceeds the limit of ${MAX_HASH_INPUT_CHARS} characters`);
    }
    return createHash(nodeAlgorithm).update(data, 'utf8').digest('hex');
  },
};
