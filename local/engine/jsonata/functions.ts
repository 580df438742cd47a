import { createHash, randomUUID } from 'node:crypto';
import { StatesError, StatesErrorName } from '../errors';

/** JSONata marks a result array as a sequence so a one-item result unwraps to its item. */
function sequence(items: unknown[]): unknown[] {
  Object.defineProperty(items, 'sequence', { value: true, enumerable: false });
  return items;
}

function fail(message: string): never {
  throw new StatesError(StatesErrorName.QueryEvaluationError, message);
}

/** `$partition(array, size)`: the array cut into chunks of `size` items. */
function partition(array: unknown, size: unknown): unknown[] {
  if (!Array.isArray(array)) fail('$partition: the first argument must be an array');
  if (typeof size !== 'number' || !Number.isInteger(size) || size <= 0) fail('$partition: the chunk size must be a positive integer');
  const out: unknown[] = [];
  for (let i = 0; i < array.length; i += size) out.push(array.slice(i, i + size));
  return out;
}

/** `$range(start, end, step)`: the numbers from start to end inclusive, `step` apart. */
function range(start: unknown, end: unknown, step: unknown): unknown[] {
  if (typeof start !== 'number' || typeof end !== 'number' || typeof step !== 'number' || step === 0) {
    fail('$range: start, end and a non-zero step must be numbers');
  }
  const out: number[] = [];
  for (let v = start; step > 0 ? v <= end : v >= end; v += step) {
    out.push(v);
    if (out.length > 1000) fail('$range: the result exceeds 1000 items');
  }
  return sequence(out);
}

const HASH_ALGORITHMS: Record<string, string> = {
  MD5: 'md5',
  'SHA-1': 'sha1',
  'SHA-256': 'sha256',
  'SHA-384': 'sha384',
  'SHA-512': 'sha512',
};

/** `$hash(text, algorithm)`: hex digest with MD5, SHA-1, SHA-256, SHA-384 or SHA-512. */
function hash(value: unknown, algorithm: unknown): string {
  const alg = typeof algorithm === 'string' ? HASH_ALGORITHMS[algorithm] : undefined;
  if (alg === undefined) fail(`$hash: unsupported algorithm ${JSON.stringify(algorithm)}`);
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return createHash(alg).update(text, 'utf8').digest('hex');
}

/** `$random([seed])`: a number in [0, 1), reproducible when seeded. */
function random(seed?: unknown): number {
  if (seed === undefined) return Math.random();
  let s = (typeof seed === 'number' ? Math.floor(seed) : hashSeed(String(seed))) >>> 0;
  s = (s + 0x6d2b79f5) >>> 0;
  let t = s;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

function hashSeed(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h;
}

/** `$parse(jsonText)`: the JSON value the text denotes. */
function parse(text: unknown): unknown {
  if (typeof text !== 'string') fail('$parse: the argument must be a string');
  try {
    return JSON.parse(text);
  } catch {
    return fail(`$parse: invalid JSON text ${JSON.stringify(text)}`);
  }
}

/** The functions AWS Step Functions adds to JSONata, as bindings for `evaluate`. */
export const awsJsonataFunctions: Record<string, (...args: never[]) => unknown> = {
  partition: partition as (...args: never[]) => unknown,
  range: range as (...args: never[]) => unknown,
  hash: hash as (...args: never[]) => unknown,
  random: random as (...args: never[]) => unknown,
  uuid: () => randomUUID(),
  parse: parse as (...args: never[]) => unknown,
};
