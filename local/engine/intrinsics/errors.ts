import { StatesError, StatesErrorName } from '../errors';

/*
 * AWS reports every intrinsic failure as States.Runtime: its error-handling guide reserves
 * States.IntrinsicFailure "for future use". The causes below are the detail only; the engine puts
 * AWS's "An error occurred while executing the state ..." preamble in front (see failures.ts).
 */

/** A call whose text is not a valid intrinsic invocation (AWS rejects these definitions). */
export function invalidIntrinsicSyntax(fieldName: string | undefined, expression: string, problem: string): StatesError {
  const field = fieldName === undefined ? '' : ` for the field '${fieldName}'`;
  return new StatesError(
    StatesErrorName.Runtime,
    `The value${field} must be a valid JSONPath or a valid intrinsic function call: ${problem} in '${expression}'`,
  );
}

/** A call whose arguments the function cannot work with. */
export function invalidIntrinsicArguments(functionName: string, detail: string): StatesError {
  return new StatesError(StatesErrorName.Runtime, `Invalid arguments in ${functionName}: ${detail}`);
}
