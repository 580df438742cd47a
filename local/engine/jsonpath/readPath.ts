import { cloneJson } from '../json';
import { PathNotFoundError } from './errors';
import { selectPath } from './evaluate';
import { CompiledPath, compilePath } from './syntax';

/** The documents a JSONPath-mode path can read. */
export interface PathScope {
  /** What `$` is: the state's (effective) input, or the task result for ResultSelector. */
  readonly input: unknown;
  /** What `$$` is: the context object. */
  readonly context: unknown;
  /** The Assign variables in scope, read as `$name` or `$name.field`. */
  readonly variables: Readonly<Record<string, unknown>>;
}

/**
 * The document a path's root names: the input for `$`, the context object for `$$`, a
 * variable's value for `$name`.
 *
 * @throws PathNotFoundError when the variable is not defined.
 */
export function rootDocument(path: CompiledPath, scope: PathScope): unknown {
  switch (path.root.kind) {
    case 'input':
      return scope.input;
    case 'context':
      return scope.context;
    case 'variable': {
      const { name } = path.root;
      if (!Object.prototype.hasOwnProperty.call(scope.variables, name)) {
        throw new PathNotFoundError(path.text, `No variable named '${name}' is defined`);
      }
      return scope.variables[name];
    }
  }
}

/**
 * Reads a path as AWS Step Functions (Jayway JsonPath) does: a definite path gives the node it
 * names; an indefinite one (wildcard, deep scan, filter, slice, index list) gives an array of
 * every match, possibly empty. The value returned is a copy, safe to change.
 *
 * @example readPath('$.a[0]', { input: { a: [7] }, context: {}, variables: {} }) // 7
 * @example readPath('$.a[*].b', { input: { a: [{ b: 1 }, {}] }, context: {}, variables: {} }) // [1]
 * @throws JsonPathSyntaxError when `path` is not a path.
 * @throws PathNotFoundError when a definite path selects nothing; its message is Jayway's.
 */
export function readPath(path: string, scope: PathScope): unknown {
  const compiled = compilePath(path);
  const selection = selectPath(compiled, rootDocument(compiled, scope));
  return cloneJson(selection.definite ? selection.value : selection.values);
}
