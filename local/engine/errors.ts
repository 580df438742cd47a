/**
 * Errors as the Amazon States Language names them. `error` is what Retry and Catch match in
 * ErrorEquals; `cause` is the text AWS reports beside it (execution failure, Catch output,
 * history event details).
 */
export class StatesError extends Error {
  /** The ASL error name, e.g. `States.TaskFailed` or a Lambda's `errorType`. */
  public readonly error: string;
  /** The cause text exactly as AWS would report it; `undefined` when AWS reports none. */
  public override readonly cause: string | undefined;

  public constructor(error: string, cause?: string, options?: ErrorOptions) {
    super(cause ?? error, options);
    this.name = error;
    this.error = error;
    this.cause = cause;
  }
}

/** The predefined error names of the ASL specification and AWS Step Functions. */
export const StatesErrorName = {
  ALL: 'States.ALL',
  HeartbeatTimeout: 'States.HeartbeatTimeout',
  Timeout: 'States.Timeout',
  TaskFailed: 'States.TaskFailed',
  Permissions: 'States.Permissions',
  ResultPathMatchFailure: 'States.ResultPathMatchFailure',
  ParameterPathFailure: 'States.ParameterPathFailure',
  QueryEvaluationError: 'States.QueryEvaluationError',
  BranchFailed: 'States.BranchFailed',
  NoChoiceMatched: 'States.NoChoiceMatched',
  IntrinsicFailure: 'States.IntrinsicFailure',
  ExceedToleratedFailureThreshold: 'States.ExceedToleratedFailureThreshold',
  ItemReaderFailed: 'States.ItemReaderFailed',
  ResultWriterFailed: 'States.ResultWriterFailed',
  DataLimitExceeded: 'States.DataLimitExceeded',
  Runtime: 'States.Runtime',
} as const;
