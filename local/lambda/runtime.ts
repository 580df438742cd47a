/**
 * Lambda's part of local mode: invokes handler functions in-process the way Lambda's
 * synchronous Invoke does for Step Functions (payload limits, timeout, error payloads,
 * concurrency limit, context object, per-invocation logs).
 */
import type { ThrottleBehaviour } from './concurrency';
import { createFunctionHost, type InvocationIdentity, type InvocationRecord, type LambdaFunctionDefinition } from './functionHost';
import { functionArn, type LambdaLocation } from './functionArn';
import { InvokeGate } from './invokeGate';
import type { LogLine } from './logCapture';

export type { FunctionSettings, InvocationIdentity, InvocationRecord, LambdaFunctionDefinition } from './functionHost';

/** How to build a {@link LambdaRuntime}. */
export interface LambdaRuntimeOptions {
  /** The functions, by name (the name in their ARN). */
  readonly functions: Readonly<Record<string, LambdaFunctionDefinition>>;
  /** How many invocations may run at once (the account's concurrency). */
  readonly concurrency: number;
  /**
   * What an Invoke over the concurrency limit does: `throw` TooManyRequestsException as Lambda
   * does, or `queue` until a slot frees.
   * @default 'throw'
   */
  readonly whenThrottled?: ThrottleBehaviour;
  /** @default 'us-east-1' */
  readonly region?: string;
  /** @default '000000000000' */
  readonly accountId?: string;
  /** Called with each log line as it is written (the same lines end up in the record). */
  readonly onLog?: (invocation: InvocationIdentity, line: LogLine) => void;
  /** The clock, in epoch milliseconds. @default Date.now */
  readonly now?: () => number;
}

/** Invokes local functions as Lambda does. */
export interface LambdaRuntime {
  /**
   * Invokes a function synchronously (RequestResponse) with a JSON payload.
   * @param functionName its name, ARN or partial ARN, optionally qualified with `$LATEST`
   * @returns the completed Invoke, including function errors
   * @throws ResourceNotFoundException, TooManyRequestsException, RequestEntityTooLargeException,
   *   InvalidRequestContentException (all `LambdaServiceError`s)
   */
  invoke(functionName: string, payload: unknown): Promise<InvocationRecord>;
  /** A function's ARN, as the ASL's Task Resource names it. */
  functionArn(functionName: string): string;
  /** The functions this runtime knows. */
  readonly functionNames: readonly string[];
  /** Invocations running now. */
  readonly inFlight: number;
}

/** Creates a local Lambda service for the given functions, running them in this thread. */
export function createLambdaRuntime(options: LambdaRuntimeOptions): LambdaRuntime {
  const location: LambdaLocation = { region: options.region ?? 'us-east-1', accountId: options.accountId ?? '000000000000' };
  const host = createFunctionHost(options.functions, {
    location,
    ...(options.onLog !== undefined ? { onLog: options.onLog } : {}),
    ...(options.now !== undefined ? { now: options.now } : {}),
  });
  const gate = new InvokeGate(location, options.concurrency, options.whenThrottled ?? 'throw', (name) => host.has(name));
  return {
    invoke: (reference, payload) => gate.admit(reference, payload, ({ name, event, requestId }) => host.run(name, event, requestId)),
    functionArn: (name) => functionArn(location, name),
    functionNames: host.functionNames,
    get inFlight() {
      return gate.inFlight;
    },
  };
}
