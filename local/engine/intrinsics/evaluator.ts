import { invalidIntrinsicSyntax } from './errors';
import { findIntrinsicFunction } from './registry';
import type { IntrinsicArgument, IntrinsicCall } from './syntax';

/** Resolves the path arguments of a call. */
export interface PathResolver {
  resolvePath(path: string): unknown;
}

/** Evaluates a parsed call: its arguments left to right, innermost calls first, then the function. */
export function evaluateCall(call: IntrinsicCall, resolver: PathResolver): unknown {
  const fn = findIntrinsicFunction(call.name);
  // parseIntrinsic only builds calls of known functions; a hand-built tree may not.
  if (fn === undefined) throw invalidIntrinsicSyntax(undefined, call.name, `unknown intrinsic function ${call.name}`);
  const args = call.args.map((arg) => evaluateArgument(arg, resolver));
  return fn.apply(args, call);
}

function evaluateArgument(arg: IntrinsicArgument, resolver: PathResolver): unknown {
  switch (arg.kind) {
    case 'string':
    case 'literal':
      return arg.value;
    case 'path':
      return resolver.resolvePath(arg.path);
    case 'call':
      return evaluateCall(arg, resolver);
  }
}
