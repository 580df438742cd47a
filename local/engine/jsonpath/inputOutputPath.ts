import { invalidPath } from './causes';
import { JsonPathSyntaxError, PathNotFoundError } from './errors';
import { PathScope, readPath } from './readPath';

/**
 * Selects part of a value with InputPath or OutputPath: absent means `$` (all of it), `null`
 * gives `{}`, a path gives what it selects in `scope.input` (or in `$$` / a variable).
 *
 * @example selectWithPath('$.a', { input: { a: 1 }, context: {}, variables: {} }) // 1
 * @throws StatesError States.Runtime "Invalid path '$.x' : No results for path: $['x']" when the
 *   path selects nothing.
 */
export function selectWithPath(path: string | null | undefined, scope: PathScope): unknown {
  if (path === null) return {};
  try {
    return readPath(path ?? '$', scope);
  } catch (error) {
    if (error instanceof PathNotFoundError || error instanceof JsonPathSyntaxError) throw invalidPath(error.path, error.message);
    throw error;
  }
}

/**
 * The effective input of a state: its raw input (`scope.input`) through InputPath.
 *
 * @see selectWithPath
 */
export function applyInputPath(inputPath: string | null | undefined, scope: PathScope): unknown {
  return selectWithPath(inputPath, scope);
}

/**
 * The output of a state: the value after ResultPath (`scope.input`) through OutputPath.
 *
 * @see selectWithPath
 */
export function applyOutputPath(outputPath: string | null | undefined, scope: PathScope): unknown {
  return selectWithPath(outputPath, scope);
}
