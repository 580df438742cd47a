/** Lambda's part of local mode: see {@link createLambdaRuntime}. */
export { createLambdaRuntime } from './runtime';
export type {
  FunctionSettings,
  InvocationIdentity,
  InvocationRecord,
  LambdaFunctionDefinition,
  LambdaRuntime,
  LambdaRuntimeOptions,
} from './runtime';
export type { LambdaContext } from './context';
export type { LogLine, LogStream } from './logCapture';
export type { FunctionErrorPayload } from './functionError';
export type { ThrottleBehaviour } from './concurrency';
export {
  LambdaServiceError,
  ResourceNotFoundException,
  TooManyRequestsException,
  RequestEntityTooLargeException,
  InvalidRequestContentException,
  ServiceException,
} from './errors';
export { invocationOutcome, invokeFailureOutcome, type InvokeAnswer, type TaskOutcome } from './taskOutcome';
export { MAX_SYNC_REQUEST_BYTES, MAX_SYNC_RESPONSE_BYTES } from './limits';
export {
  startWorkerLambdaRuntime,
  type DeployFunctions,
  type HostedFunctions,
  type InvocationCaller,
  type WorkerLambdaRuntime,
  type WorkerLambdaRuntimeOptions,
} from './worker';
