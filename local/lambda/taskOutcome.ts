/**
 * How Step Functions reads a Lambda Invoke: a result, or an ASL error with its cause.
 * For a function error the error is the payload's `errorType` (`Sandbox.Timedout`, a handler's
 * error name…) and the cause is the payload's JSON text; for a service exception the error is
 * `Lambda.<ExceptionName>` and the cause is the SDK's message.
 */
import { LambdaServiceError } from './errors';
import type { InvocationRecord } from './functionHost';

/** What a Lambda task produced, in Step Functions' terms. */
export type TaskOutcome =
  | { readonly ok: true; readonly output: unknown }
  | { readonly ok: false; readonly error: string; readonly cause: string };

/** What a completed Invoke answers: its payload, and whether the function failed. */
export type InvokeAnswer = Pick<InvocationRecord, 'payload' | 'functionError'>;

/** Maps a completed Invoke to its output or to its ASL error and cause. */
export function invocationOutcome(record: InvokeAnswer): TaskOutcome {
  const payload: unknown = JSON.parse(record.payload);
  if (record.functionError === undefined) return { ok: true, output: payload };
  const errorType =
    typeof payload === 'object' && payload !== null && 'errorType' in payload && typeof payload.errorType === 'string'
      ? payload.errorType
      : undefined;
  // Lambda reports failures without an errorType (e.g. a crashed runtime) as Lambda.Unknown.
  return { ok: false, error: errorType ?? 'Lambda.Unknown', cause: record.payload };
}

/** Maps an Invoke's rejection to an ASL error and cause; other errors are Lambda.Unknown. */
export function invokeFailureOutcome(thrown: unknown): TaskOutcome {
  if (thrown instanceof LambdaServiceError) return { ok: false, error: thrown.aslError, cause: thrown.aslCause };
  return { ok: false, error: 'Lambda.Unknown', cause: thrown instanceof Error ? thrown.message : String(thrown) };
}
