/**
 * The predefined error names of ASL, for `Retry` and `Catch`. `ALL` matches any error and
 * must stand alone in the last entry; `TaskFailed` matches any error but `States.Timeout`.
 */
export const StatesErrors = {
  ALL: 'States.ALL',
  DataLimitExceeded: 'States.DataLimitExceeded',
  ExceedToleratedFailureThreshold: 'States.ExceedToleratedFailureThreshold',
  HeartbeatTimeout: 'States.HeartbeatTimeout',
  IntrinsicFailure: 'States.IntrinsicFailure',
  ItemReaderFailed: 'States.ItemReaderFailed',
  NoChoiceMatched: 'States.NoChoiceMatched',
  ParameterPathFailure: 'States.ParameterPathFailure',
  Permissions: 'States.Permissions',
  QueryEvaluationError: 'States.QueryEvaluationError',
  ResultPathMatchFailure: 'States.ResultPathMatchFailure',
  ResultWriterFailed: 'States.ResultWriterFailed',
  Runtime: 'States.Runtime',
  TaskFailed: 'States.TaskFailed',
  Timeout: 'States.Timeout',
  BranchFailed: 'States.BranchFailed',
} as const;

/** A predefined ASL error name. */
export type StatesError = (typeof StatesErrors)[keyof typeof StatesErrors];
