/**
 * The engine's Task runner for local mode: each Lambda Task is an Invoke on the local Lambda
 * runtime, read the way Step Functions reads it (a result, or an error and cause), and each
 * invocation's logs are kept with the execution that made it.
 */
import { StatesError, StatesErrorName, type InvokeTask } from '../engine';
import { invocationOutcome, invokeFailureOutcome, type InvocationRecord, type LambdaRuntime } from '../lambda';

/** Receives each completed invocation with the execution and state that made it. */
export type InvocationSink = (executionArn: string, stateName: string, invocation: InvocationRecord) => void;

/** Runs Lambda Tasks on `runtime`; any other Task resource fails with States.Runtime. */
export function lambdaTaskInvoker(runtime: LambdaRuntime, onInvocation?: InvocationSink): InvokeTask {
  return async (request) => {
    if (request.kind !== 'lambda') {
      throw new StatesError(StatesErrorName.Runtime, `Local mode runs Lambda tasks only; '${request.resource}' is not a Lambda resource`);
    }
    let invocation: InvocationRecord;
    try {
      invocation = await runtime.invoke(request.functionName, request.payload);
    } catch (error) {
      const failed = invokeFailureOutcome(error);
      throw failed.ok ? error : new StatesError(failed.error, failed.cause);
    }
    onInvocation?.(request.executionArn, request.stateName, invocation);
    const outcome = invocationOutcome(invocation);
    if (outcome.ok) return outcome.output;
    throw new StatesError(outcome.error, outcome.cause);
  };
}
