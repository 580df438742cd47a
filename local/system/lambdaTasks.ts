/**
 * The engine's Task runner for local mode: each Lambda Task is an Invoke on the local Lambda
 * runtime, read the way Step Functions reads it (a result, or an error and cause), and each
 * invocation's logs are kept with the execution that made it.
 */
import { StatesError, StatesErrorName, type InvokeTask } from '../engine';
import {
  invocationOutcome,
  invokeFailureOutcome,
  type InvocationCaller,
  type InvocationRecord,
  type InvokeAnswer,
  type LambdaRuntime,
} from '../lambda';

/** Receives each completed invocation with the execution and state that made it. */
export type InvocationSink = (executionArn: string, stateName: string, invocation: InvocationRecord) => void;

/** A Lambda that keeps the logs of the invocations it makes for a caller (e.g. the worker-hosted runtime). */
export interface TaskLambda {
  invokeFor(caller: InvocationCaller, functionName: string, payload: unknown): Promise<InvokeAnswer>;
}

/**
 * Runs Lambda Tasks on `lambda`; any other Task resource fails with States.Runtime. A plain
 * {@link LambdaRuntime} hands each invocation to `onInvocation`; a {@link TaskLambda} keeps
 * the logs itself.
 */
export function lambdaTaskInvoker(lambda: LambdaRuntime | TaskLambda, onInvocation?: InvocationSink): InvokeTask {
  const invoke = 'invokeFor' in lambda ? lambda.invokeFor.bind(lambda) : recording(lambda, onInvocation);
  return async (request) => {
    if (request.kind !== 'lambda') {
      throw new StatesError(StatesErrorName.Runtime, `Local mode runs Lambda tasks only; '${request.resource}' is not a Lambda resource`);
    }
    let answer: InvokeAnswer;
    try {
      answer = await invoke({ executionArn: request.executionArn, stateName: request.stateName }, request.functionName, request.payload);
    } catch (error) {
      const failed = invokeFailureOutcome(error);
      throw failed.ok ? error : new StatesError(failed.error, failed.cause);
    }
    const outcome = invocationOutcome(answer);
    if (outcome.ok) return outcome.output;
    throw new StatesError(outcome.error, outcome.cause);
  };
}

function recording(runtime: LambdaRuntime, onInvocation: InvocationSink | undefined): TaskLambda['invokeFor'] {
  return async (caller, functionName, payload) => {
    const invocation = await runtime.invoke(functionName, payload);
    onInvocation?.(caller.executionArn, caller.stateName, invocation);
    return invocation;
  };
}
