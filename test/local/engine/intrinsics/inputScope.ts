import { StatesError } from '../../../../local/engine/errors';
import type { IntrinsicScope } from '../../../../local/engine/intrinsics';

/**
 * A scope over a state input, context object and variables, resolving the simple paths the tests
 * use ($.a.b, $.a[0], $$.Execution.Input.x, $name.member). The real JSONPath engine lives elsewhere.
 */
export function inputScope(
  input: unknown,
  options: { context?: unknown; variables?: Record<string, unknown>; fieldName?: string } = {},
): IntrinsicScope & { resolved: string[] } {
  const resolved: string[] = [];
  return {
    fieldName: options.fieldName,
    resolved,
    resolvePath(path: string): unknown {
      resolved.push(path);
      const match = /^(\$\$|\$[A-Za-z_][A-Za-z0-9_]*|\$)(.*)$/.exec(path);
      if (match === null) throw notFound(path);
      const [, root, rest] = match;
      let current: unknown;
      if (root === '$') current = input;
      else if (root === '$$') current = options.context;
      else if (options.variables !== undefined && Object.hasOwn(options.variables, root.slice(1))) current = options.variables[root.slice(1)];
      else throw notFound(path);
      for (const [, name, index] of rest.matchAll(/\.([^.[]+)|\[(\d+)\]/g)) {
        const key = name ?? Number(index);
        if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) throw notFound(path);
        current = (current as Record<string | number, unknown>)[key];
      }
      return current;
    },
  };
}

function notFound(path: string): StatesError {
  return new StatesError('States.Runtime', `The JSONPath '${path}' could not be found`);
}
