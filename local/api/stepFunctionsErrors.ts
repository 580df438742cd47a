/**
 * Step Functions' API errors, by their AWS names, with AWS's message formats. A
 * {@link StepFunctionsOperations} implementation throws these; the endpoint answers them as
 * HTTP 400 `{ "__type": name, "message": … }`, which the AWS SDK turns into its exception classes.
 */

/** A client error of the Step Functions API. */
export abstract class StepFunctionsServiceError extends Error {
  protected constructor(name: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = name;
  }
}

export class ExecutionDoesNotExist extends StepFunctionsServiceError {
  public constructor(executionArn: string, options?: ErrorOptions) {
    super('ExecutionDoesNotExist', `Execution Does Not Exist: '${executionArn}'`, options);
  }
}

export class ExecutionAlreadyExists extends StepFunctionsServiceError {
  public constructor(executionArn: string, options?: ErrorOptions) {
    super('ExecutionAlreadyExists', `Execution Already Exists: '${executionArn}'`, options);
  }
}

export class StateMachineDoesNotExist extends StepFunctionsServiceError {
  public constructor(stateMachineArn: string, options?: ErrorOptions) {
    super('StateMachineDoesNotExist', `State Machine Does Not Exist: '${stateMachineArn}'`, options);
  }
}

export class InvalidArn extends StepFunctionsServiceError {
  public constructor(arn: string, options?: ErrorOptions) {
    super('InvalidArn', `Invalid Arn: '${arn}'`, options);
  }
}

export class InvalidName extends StepFunctionsServiceError {
  public constructor(name: string, options?: ErrorOptions) {
    super('InvalidName', `Invalid Name: '${name}'`, options);
  }
}

export class InvalidExecutionInput extends StepFunctionsServiceError {
  public constructor(detail: string, options?: ErrorOptions) {
    super('InvalidExecutionInput', `Invalid State Machine Execution Input: '${detail}'`, options);
  }
}

export class InvalidToken extends StepFunctionsServiceError {
  public constructor(token: string, options?: ErrorOptions) {
    super('InvalidToken', `Invalid Token: '${token}'`, options);
  }
}

export class ExecutionNotRedrivable extends StepFunctionsServiceError {
  public constructor(message: string, options?: ErrorOptions) {
    super('ExecutionNotRedrivable', message, options);
  }
}

export class ExecutionLimitExceeded extends StepFunctionsServiceError {
  public constructor(message: string, options?: ErrorOptions) {
    super('ExecutionLimitExceeded', message, options);
  }
}

export class ValidationException extends StepFunctionsServiceError {
  public constructor(message: string, options?: ErrorOptions) {
    super('ValidationException', message, options);
  }
}

/** The request body is not the JSON the operation expects (a member of the wrong type). */
export class SerializationException extends StepFunctionsServiceError {
  public constructor(message: string, options?: ErrorOptions) {
    super('SerializationException', message, options);
  }
}

/** The `X-Amz-Target` names no operation served here. */
export class UnknownOperationException extends StepFunctionsServiceError {
  public constructor(target: string, options?: ErrorOptions) {
    super('UnknownOperationException', `Unknown operation ${JSON.stringify(target)}`, options);
  }
}

/**
 * The Step Functions API's client error names. An error with one of these names that is not a
 * {@link StepFunctionsServiceError} (e.g. thrown by an adapter) is answered as a client error too.
 */
export const STEP_FUNCTIONS_CLIENT_ERRORS: ReadonlySet<string> = new Set([
  'ExecutionDoesNotExist',
  'ExecutionAlreadyExists',
  'ExecutionLimitExceeded',
  'ExecutionNotRedrivable',
  'StateMachineDoesNotExist',
  'StateMachineDeleting',
  'InvalidArn',
  'InvalidName',
  'InvalidExecutionInput',
  'InvalidToken',
  'ValidationException',
  'SerializationException',
  'UnknownOperationException',
  'MissingRequiredParameter',
  'ResourceNotFound',
]);
