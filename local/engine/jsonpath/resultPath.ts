import { cloneJson } from '../json';
import { invalidPath, resultPathMatchFailure } from './causes';
import { JsonPathSyntaxError } from './errors';
import { PathToken, compilePath } from './syntax';
import { cachedBy } from '../../common/boundedCache';

type ReferenceStep = { readonly kind: 'property'; readonly name: string } | { readonly kind: 'index'; readonly index: number };

/**
 * Places a state's result into its input as ResultPath says: `null` keeps the input and discards
 * the result; `$` (the default) replaces the input; a reference path such as `$.a.b` sets that
 * node, creating the objects on the way that do not exist yet. Neither argument is changed.
 *
 * @example applyResultPath({ a: 1 }, '$.r.x', 2) // { a: 1, r: { x: 2 } }
 * @throws StatesError States.ResultPathMatchFailure when the path runs into a value that is not
 *   an object (or, for an index, not an array that long).
 */
export function applyResultPath(input: unknown, resultPath: string | null | undefined, result: unknown): unknown {
  if (resultPath === null) return cloneJson(input);
  if (resultPath === undefined || resultPath.trim() === '$') return cloneJson(result);
  return placeResult(cloneJson(input), resultPath, cloneJson(result));
}

/**
 * Like {@link applyResultPath}, without deep copies: the output shares the input's and the
 * result's nodes, and only the objects and arrays on the path are new. For a caller whose values
 * are never changed in place (the engine's state data), where copying them would be waste.
 *
 * @example placeResult({ a: { b: 1 }, c: [1] }, '$.a.r', 2) // { a: { b: 1, r: 2 }, c: <the input's array> }
 * @throws StatesError as applyResultPath does.
 */
export function placeResult(input: unknown, resultPath: string | null | undefined, result: unknown): unknown {
  if (resultPath === null) return input;
  if (resultPath === undefined || resultPath.trim() === '$') return result;
  const steps = referenceSteps(resultPath);
  const output = shallowCopy(input);
  let node: unknown = output;
  for (let i = 0; i < steps.length; i += 1) {
    const step = steps[i];
    const last = i === steps.length - 1;
    if (step.kind === 'property') {
      if (typeof node !== 'object' || node === null || Array.isArray(node)) throw resultPathMatchFailure(resultPath, input);
      const record = node as Record<string, unknown>;
      if (last) {
        record[step.name] = result;
      } else {
        const child = record[step.name];
        node = record[step.name] = child === undefined || child === null ? {} : shallowCopy(child);
      }
    } else {
      if (!Array.isArray(node)) throw resultPathMatchFailure(resultPath, input);
      const index = step.index < 0 ? node.length + step.index : step.index;
      if (index < 0 || index >= node.length) throw resultPathMatchFailure(resultPath, input);
      if (last) node[index] = result;
      else node = node[index] = shallowCopy(node[index]);
    }
  }
  return output;
}

/** A new object or array with the same entries (anything else as it is). */
function shallowCopy(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.slice();
  const copy: Record<string, unknown> = {};
  for (const key in value) if (Object.prototype.hasOwnProperty.call(value, key)) copy[key] = (value as Record<string, unknown>)[key];
  return copy;
}

/** The steps of a reference path: single names and single indexes only, from `$`. */
const referenceSteps = cachedBy(parseReferenceSteps, 10_000);

function parseReferenceSteps(resultPath: string): ReferenceStep[] {
  let tokens: readonly PathToken[];
  try {
    const compiled = compilePath(resultPath);
    if (compiled.root.kind !== 'input') throw new JsonPathSyntaxError(resultPath, 'A ResultPath must start with $');
    tokens = compiled.tokens;
  } catch (error) {
    if (error instanceof JsonPathSyntaxError) throw invalidPath(resultPath, error.message);
    throw error;
  }
  return tokens.map((token) => {
    if (token.kind === 'property' && token.names.length === 1) return { kind: 'property', name: token.names[0] };
    if (token.kind === 'index' && token.indexes.length === 1) return { kind: 'index', index: token.indexes[0] };
    throw invalidPath(resultPath, 'A ResultPath must be a reference path, selecting a single node');
  });
}
