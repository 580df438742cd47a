import { evaluateCall } from './evaluator';
import { parseIntrinsic } from './parser';

export { parseIntrinsic } from './parser';
export { intrinsicFunctionNames } from './registry';
export type { IntrinsicArgument, IntrinsicCall } from './syntax';

/** What an intrinsic call needs from the state evaluating it. */
export interface IntrinsicScope {
  /** Resolves a JSONPath argument ($..., $$..., or a $variable reference); throws a StatesError when the path does not resolve. */
  resolvePath(path: string): unknown;
  /** The payload template field being evaluated, e.g. 'greeting.$', for AWS's error texts. */
  fieldName?: string;
}

/**
 * True when a string value of a `.$` field is an intrinsic call (starts with `States.`).
 *
 * @example isIntrinsicCall("States.Format('{}', $.a)") // true
 * @example isIntrinsicCall('$.a') // false
 */
export function isIntrinsicCall(expression: string): boolean {
  return expression.startsWith('States.');
}

/**
 * Parses and evaluates an intrinsic call such as "States.Format('Hello {}', $.name)".
 *
 * Errors are StatesErrors named `States.Runtime` (AWS reports intrinsic failures under that name)
 * whose cause is the detail only: the engine puts the "An error occurred while executing the
 * state ..." preamble in front. Path errors are whatever `scope.resolvePath` throws.
 *
 * @example evaluateIntrinsic("States.MathAdd($.n, 1)", { resolvePath: () => 41 }) // 42
 */
export function evaluateIntrinsic(expression: string, scope: IntrinsicScope): unknown {
  return evaluateCall(parseIntrinsic(expression, scope.fieldName), scope);
}
