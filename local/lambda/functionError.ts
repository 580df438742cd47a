/**
 * The payloads Lambda returns, with `FunctionError: 'Unhandled'`, when a function fails.
 * Step Functions takes `errorType` as the ASL error and the payload's JSON text as the cause.
 */
import { types } from 'node:util';
import { MAX_SYNC_RESPONSE_BYTES } from './limits';

/** A function error as the Node.js runtime reports it. */
export interface FunctionErrorPayload {
  readonly errorType: string;
  readonly errorMessage: string;
  readonly trace?: readonly string[];
}

/**
 * What the Node.js runtime reports for a value thrown (or rejected) by a handler: an Error's
 * `name`, `message` and stack lines; for anything else its `typeof` and string form.
 */
export function thrownToFunctionError(thrown: unknown): FunctionErrorPayload {
  try {
    if (types.isNativeError(thrown) || thrown instanceof Error) {
      return {
        errorType: thrown.name,
        errorMessage: thrown.message,
        trace: typeof thrown.stack === 'string' ? thrown.stack.split('\n') : [],
      };
    }
    return { errorType: typeof thrown, errorMessage: String(thrown), trace: [] };
  } catch {
    // A hostile error (a throwing getter, a null-prototype object) must not escape.
    return {
      errorType: 'handled',
      errorMessage:
        'callback called with Error argument, but there was a problem while retrieving one or more of its message, name, and stack',
    };
  }
}

/** What Lambda reports when a function runs past its timeout: Sandbox.Timedout. */
export function timedOutFunctionError(requestId: string, timeoutMs: number): FunctionErrorPayload {
  return {
    errorType: 'Sandbox.Timedout',
    errorMessage: `RequestId: ${requestId} Error: Task timed out after ${(timeoutMs / 1000).toFixed(2)} seconds`,
  };
}

/** What Lambda reports when a function's result is over the synchronous response limit. */
export function responseTooLargeFunctionError(): FunctionErrorPayload {
  return {
    errorType: 'Function.ResponseSizeTooLarge',
    errorMessage: `Response payload size exceeded maximum allowed payload size (${MAX_SYNC_RESPONSE_BYTES} bytes).`,
  };
}
