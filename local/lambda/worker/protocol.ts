/**
 * The messages between the main thread and the Lambda worker. Requests and answers travel in
 * batches (one message per turn of the event loop each way), so that a message's fixed cost is
 * shared by every invocation started or finished in that turn.
 */
import type { InvocationRecord } from '../functionHost';
import type { ThrottleBehaviour } from '../concurrency';
import type { LambdaLocation } from '../functionArn';
import type { InvocationCaller } from './hostedFunctions';

/** What the worker starts from. */
export interface LambdaWorkerData {
  /** The hosted module (absolute path), exporting `deployFunctions`. */
  readonly module: string;
  readonly config: unknown;
  readonly location: LambdaLocation;
  /**
   * How many invocations may run at once. Counted here, where they run: an invocation waiting
   * its turn in the worker holds no execution environment, so it does not count.
   */
  readonly concurrency: number;
  readonly whenThrottled: ThrottleBehaviour;
}

/**
 * One admitted Invoke request. Flat, strings and numbers only, so that cloning it into the
 * worker copies no nested object.
 */
export interface InvokeRequest {
  readonly id: number;
  readonly name: string;
  /** The event, as JSON text. */
  readonly event: string;
  readonly requestId: string;
  /**
   * Set (with `callerState`) when the worker keeps the invocation's logs for this caller
   * ({@link InvocationCaller}); the answer then omits them.
   */
  readonly callerExecution?: string;
  readonly callerState?: string;
}

/** One completed invocation: the whole record, or (logs kept by the worker) what its caller reads. */
export type InvokeReply =
  | { readonly id: number; readonly record: InvocationRecord }
  | { readonly id: number; readonly payload: string; readonly functionError?: 'Unhandled' }
  | { readonly id: number; readonly failure: string }
  /** Refused: every concurrent execution was busy (TooManyRequestsException). */
  | { readonly id: number; readonly throttled: true };

export type ToWorker = { readonly kind: 'invoke'; readonly requests: readonly InvokeRequest[] } | { readonly kind: 'stop' };

export type FromWorker =
  | { readonly kind: 'ready'; readonly functions: ReadonlyArray<{ readonly name: string; readonly timeoutMs: number }> }
  | { readonly kind: 'replies'; readonly replies: readonly InvokeReply[] }
  | { readonly kind: 'stopped' };
