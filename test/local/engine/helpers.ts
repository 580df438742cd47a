import { createEngine, FakeClock } from '../../../local/engine';
import type { Clock, Engine, EngineOptions, ExecutionDescription, HistoryEvent, Json, StateMachineDefinition, TaskRequest } from '../../../local/engine';

/** A task handler keyed by Lambda function name (the last part of its ARN). */
export type Handlers = Record<string, (payload: Json, request: TaskRequest) => Promise<unknown> | unknown>;

/** A Lambda function ARN for a test handler. */
export const fn = (name: string): string => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;

/** Builds an engine whose tasks call `handlers` by function name and whose waits take no time. */
export function testEngine(handlers: Handlers = {}, options: Partial<EngineOptions> = {}): Engine {
  return createEngine({
    timeScale: 0,
    invokeTask: async (request) => {
      const name = request.kind === 'lambda' ? request.functionName.split(':').pop()! : request.resource;
      const handler = handlers[name];
      if (handler === undefined) throw Object.assign(new Error(`no handler ${name}`), { name: 'HandlerMissing' });
      return handler(request.kind === 'lambda' ? request.payload : request.parameters, request);
    },
    ...options,
  });
}

/** The outcome of one execution, with its output parsed and its history. */
export interface RunResult {
  description: ExecutionDescription;
  output: Json | undefined;
  history: HistoryEvent[];
  types: string[];
}

/** Runs a definition to its end. */
export async function runDefinition(definition: StateMachineDefinition, input: Json = {}, handlers: Handlers = {}, options: Partial<EngineOptions> = {}): Promise<RunResult> {
  const engine = testEngine(handlers, options);
  const { executionArn } = engine.startExecution(definition, input);
  const description = await engine.awaitExecution(executionArn);
  const history = engine.getExecutionHistory(executionArn).events;
  return {
    description,
    output: description.output === undefined ? undefined : (JSON.parse(description.output) as Json),
    history,
    types: history.map((e) => e.type),
  };
}

/** A clock that moves only when the test advances it, shared by engine and test. */
export function fakeClock(): FakeClock & Clock {
  return new FakeClock(Date.UTC(2024, 0, 1));
}

/** Error thrown like a Lambda function would (errorType / errorMessage). */
export function lambdaError(errorType: string, errorMessage = 'boom'): Error {
  return Object.assign(new Error(errorMessage), { name: errorType, errorType, errorMessage, stackTrace: ['at handler'] });
}
