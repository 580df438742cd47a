import { Json } from './json';

/**
 * One task for the caller to run. Lambda resources arrive decoded: `kind: 'lambda'` with the
 * function (name or ARN, as the definition gives it) and the payload; anything else arrives as
 * the raw resource ARN and the state's effective parameters.
 */
export type TaskRequest =
  | {
      kind: 'lambda';
      functionName: string;
      payload: Json;
      resource: string;
      stateName: string;
      executionArn: string;
      timeoutSeconds?: number;
      /** Aborted when the execution stops or a sibling branch fails. */
      signal: AbortSignal;
    }
  | {
      kind: 'resource';
      resource: string;
      parameters: Json;
      stateName: string;
      executionArn: string;
      timeoutSeconds?: number;
      /** Aborted when the execution stops or a sibling branch fails. */
      signal: AbortSignal;
    };

/**
 * Runs a task and resolves with its result. To fail it, throw an error: its `errorType` (or
 * `name`) becomes the ASL error; for Lambda tasks the cause is the JSON Lambda returns
 * (`errorMessage`, `errorType`, `requestId`, `stackTrace` or `trace`), for other tasks the
 * error's `cause` property or its message.
 */
export type InvokeTask = (request: TaskRequest) => Promise<unknown>;
