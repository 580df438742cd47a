import { array } from './functions/array';
import { arrayContains } from './functions/arrayContains';
import { arrayGetItem } from './functions/arrayGetItem';
import { arrayLength } from './functions/arrayLength';
import { arrayPartition } from './functions/arrayPartition';
import { arrayRange } from './functions/arrayRange';
import { arrayUnique } from './functions/arrayUnique';
import { base64Decode, base64Encode } from './functions/base64';
import { format } from './functions/format';
import { hash } from './functions/hash';
import { jsonMerge } from './functions/jsonMerge';
import { jsonToString } from './functions/jsonToString';
import { mathAdd } from './functions/mathAdd';
import { mathRandom } from './functions/mathRandom';
import { stringSplit } from './functions/stringSplit';
import { stringToJson } from './functions/stringToJson';
import { uuid } from './functions/uuid';
import type { IntrinsicFunction } from './intrinsicFunction';

/** Every intrinsic function AWS Step Functions offers to JSONPath states, by name. */
const FUNCTIONS: ReadonlyMap<string, IntrinsicFunction> = new Map(
  [
    format,
    stringToJson,
    jsonToString,
    array,
    arrayPartition,
    arrayContains,
    arrayRange,
    arrayGetItem,
    arrayLength,
    arrayUnique,
    base64Encode,
    base64Decode,
    hash,
    jsonMerge,
    mathRandom,
    mathAdd,
    stringSplit,
    uuid,
  ].map((fn) => [fn.name, fn]),
);

/** The function of that name (`States.Format`), or `undefined`. */
export function findIntrinsicFunction(name: string): IntrinsicFunction | undefined {
  return FUNCTIONS.get(name);
}

/** The names of all intrinsic functions. */
export function intrinsicFunctionNames(): string[] {
  return [...FUNCTIONS.keys()];
}
