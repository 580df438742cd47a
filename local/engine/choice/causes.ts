import { StatesError, StatesErrorName } from '../errors';

/*
 * The errors of JSONPath-mode Choice states. Like the JSONPath module's, States.Runtime causes are
 * the detail only: the engine puts AWS's "An error occurred while executing the state ..." in front.
 */

/**
 * A Variable (or a `...Path` operand) that selects nothing, for every operator but IsPresent.
 *
 * @example "Invalid path '$.type': The choice state's condition path references an invalid value."
 */
export function invalidConditionPath(path: string): StatesError {
  return new StatesError(
    StatesErrorName.Runtime,
    `Invalid path '${path}': The choice state's condition path references an invalid value.`,
  );
}

/** A rule that is not a comparison, `And`, `Or` or `Not` (AWS rejects such definitions). */
export function invalidChoiceRule(rule: unknown): StatesError {
  return new StatesError(StatesErrorName.Runtime, `Invalid choice rule: ${JSON.stringify(rule)}`);
}

/**
 * The cause of States.NoChoiceMatched. Not confirmed against a recorded AWS execution (the public
 * corpus has none); kept here alone so it is one edit when one turns up.
 */
export const NO_CHOICE_MATCHED_CAUSE = 'No Choice Rule matched and no Default was specified.';

/** No rule matched and the state has no Default. */
export function noChoiceMatched(): StatesError {
  return new StatesError(StatesErrorName.NoChoiceMatched, NO_CHOICE_MATCHED_CAUSE);
}
