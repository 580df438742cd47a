import { cloneJson } from '../json';
import { PathNotFoundError } from './errors';
import * as evaluateModule from './evaluate';
import * as syntaxModule from './syntax';
import { CompiledPath } from './syntax';

// Bound once at load: under tsx (esbuild) every use of a named import is a call to a getter.
const { compilePath } = syntaxModule;
const { selectPath } = evaluateModule;

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
  return cloneJson(selectNode(path, scope));
}

/** What `readPath` reads, not copied: for a caller that only looks at it (a Choice rule). */
export function selectNode(path: string, scope: PathScope): unknown {
  const compiled = compilePath(path);
  const root = rootDocument(compiled, scope);
  if (compiled.simpleSteps !== undefined) {
    const node = followSimpleSteps(compiled.simpleSteps, root);
    if (node !== MISSING) return node;
    // Selected nothing: the general walk below fails with Jayway's message for this case.
  }
  const selection = selectPath(compiled, root);
  return selection.definite ? selection.value : selection.values;
}

const MISSING = Symbol('missing');

/** The node that single names and indexes lead to, as `selectPath` finds it; MISSING when there is none. */
function followSimpleSteps(steps: ReadonlyArray<string | number>, root: unknown): unknown {
  let node = root;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    if (typeof step === 'string') {
      if (typeof node !== 'object' || node === null || Array.isArray(node) || !Object.prototype.hasOwnProperty.call(node, step)) return MISSING;
      node = (node as Record<string, unknown>)[step];
    } else {
      if (!Array.isArray(node)) return MISSING;
      const index = step < 0 ? node.length + step : step;
      if (index < 0 || index >= node.length) return MISSING;
      node = node[index];
    }
  }
  return node;
}
