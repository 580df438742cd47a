/**
 * The conformance harness's adapter (../shared/conformance/harness.mjs): runs each recorded case
 * on our engine, with the case's Lambda functions as task handlers and time shrunk.
 */
import { Clock, createEngine, delay } from '../../local/engine';
import type { Json, StateMachineDefinition, TaskRequest } from '../../local/engine';

type LambdaFn = (payload: unknown) => Promise<unknown>;

interface CaseContext {
  lambdas: Record<string, LambdaFn>;
  resolveLambda: (nameOrArn: string) => LambdaFn | undefined;
}

/** Waits, retries and timeouts at a thousandth of their length, none longer than 20 ms. */
const shrunkClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) => delay(Math.min(20, Math.max(0, ms / 1000)), signal),
};

export const info = { name: 'order-workflow local engine', version: '0.1.0' };

class ResourceNotFound extends Error {
  public constructor(name: string) {
    super(`Function not found: ${name}`);
    this.name = 'Lambda.ResourceNotFoundException';
  }
}

export default async function run(definition: unknown, input: unknown, cx: CaseContext): Promise<Record<string, unknown>> {
  const engine = createEngine({
    clock: shrunkClock,
    accountId: '111111111111',
    invokeTask: async (request: TaskRequest) => {
      if (request.kind !== 'lambda') throw Object.assign(new Error(`unsupported resource ${request.resource}`), { name: 'States.Runtime' });
      const fn = cx.resolveLambda(request.functionName);
      if (fn === undefined) throw new ResourceNotFound(request.functionName);
      return fn(request.payload);
    },
  });
  const { executionArn } = engine.startExecution(definition as StateMachineDefinition, (input ?? {}) as Json);
  const d = await engine.awaitExecution(executionArn);
  const history = engine.getExecutionHistory(executionArn).events;
  const result: Record<string, unknown> = { status: d.status, history };
  if (d.output !== undefined) result.output = JSON.parse(d.output);
  if (d.status !== 'SUCCEEDED') {
    result.error = d.error ?? null;
    result.cause = d.cause ?? null;
  }
  return result;
}
