/**
 * The six task functions of local mode as Lambda function definitions: the handlers on the
 * SQLite adapters, one instance per execution environment, with the configured timeout and
 * fault injection. Built in whichever thread hosts the execution environments.
 */
import type { LambdaFunctionDefinition } from '../lambda';
import { createLocalTaskHandlerFactories, type LocalAdapters } from '../store/adapters/localTaskHandlers';
import type { ProcessorConfig } from '../../handlers/payment/processor';
import { TASK_FUNCTION_NAMES, type TaskFunctionName } from '../../workflow/contracts';
import { faultInjector, type FaultInjection } from './faultInjection';

/** How the functions are configured: plain data, so that it can be handed to a worker thread. */
export interface OrderFunctionSettings {
  /** Each function's timeout. */
  readonly timeoutMs: number;
  /** The simulated payment processor. @default its seeded defaults */
  readonly processor?: ProcessorConfig;
  /** Transient failures injected into the inventory service (checked). */
  readonly faults: FaultInjection;
}

/** Memory reported to the handlers, as the deployed stack configures it. */
const MEMORY_MB = 256;

/** The task functions on `adapters`, by name. */
export function orderFunctionDefinitions(adapters: LocalAdapters, settings: OrderFunctionSettings): Record<TaskFunctionName, LambdaFunctionDefinition> {
  const factories = createLocalTaskHandlerFactories(adapters, settings.processor !== undefined ? { processor: settings.processor } : {});
  const functions = {} as Record<TaskFunctionName, LambdaFunctionDefinition>;
  for (const name of TASK_FUNCTION_NAMES) {
    // One injector per function: attempts are counted across its environments.
    const inject = faultInjector(name, settings.faults);
    functions[name] = { createHandler: () => inject(factories[name]()), timeoutMs: settings.timeoutMs, memoryMb: MEMORY_MB };
  }
  return functions;
}
