/**
 * A task function by its logical name, carrying the types of its input event and result.
 * The resource (a Lambda ARN, a local name) is resolved only when the workflow is rendered.
 */
export interface TaskFunction<Name extends string, Input, Output> {
  readonly name: Name;
  /** Phantom: the input event type (never set at run time). */
  readonly __input?: (input: Input) => void;
  /** Phantom: the result type (never set at run time). */
  readonly __output?: Output;
}

/**
 * Declares a task function: `taskFunction<ChargeInput, ChargeResult>()('chargePayment')`.
 * @example const charge = taskFunction<ChargePaymentInput, ChargeResult>()('chargePayment');
 */
export function taskFunction<Input, Output>(): <Name extends string>(name: Name) => TaskFunction<Name, Input, Output> {
  return (name) => ({ name });
}
