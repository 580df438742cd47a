import { StatesError, StatesErrorName } from '../errors';

/*
 * The errors AWS Step Functions reports when a JSONPath-mode path fails, worded as AWS words them.
 * Causes are the detail only: the engine puts AWS's "An error occurred while executing the state
 * '<name>' (entered at the event id #<n>). " in front of States.Runtime causes (failures.ts).
 */

/** JSON text of a document as AWS prints it in causes: compact, `null` for nothing. */
export function compactJson(value: unknown): string {
  return JSON.stringify(value === undefined ? null : value);
}

/**
 * A `.$` field of Parameters, ResultSelector, ItemSelector or Assign whose path selects nothing.
 *
 * @example "The JSONPath '$.x' specified for the field 'y.$' could not be found in the input '{\"a\":1}'"
 */
export function fieldPathNotFound(path: string, fieldName: string, document: unknown): StatesError {
  return new StatesError(
    StatesErrorName.Runtime,
    `The JSONPath '${path}' specified for the field '${fieldName}' could not be found in the input '${compactJson(document)}'`,
  );
}

/**
 * InputPath, OutputPath (and other whole-value paths) that fail; `detail` is Jayway's message.
 *
 * @example "Invalid path '$.x' : No results for path: $['x']"
 */
export function invalidPath(path: string, detail: string): StatesError {
  return new StatesError(StatesErrorName.Runtime, `Invalid path '${path}' : ${detail}`);
}

/** A `.$` field whose value is neither a path nor an intrinsic call (AWS rejects such definitions). */
export function invalidFieldValue(fieldName: string, value: unknown): StatesError {
  return new StatesError(
    StatesErrorName.Runtime,
    `The value for the field '${fieldName}' must be a valid JSONPath or a valid intrinsic function call: ${compactJson(value)}`,
  );
}

/** A ResultPath that cannot be placed into the state's input. */
export function resultPathMatchFailure(resultPath: string, input: unknown): StatesError {
  return new StatesError(
    StatesErrorName.ResultPathMatchFailure,
    `Unable to apply ReferencePath ${resultPath} to input ${compactJson(input)}`,
  );
}
