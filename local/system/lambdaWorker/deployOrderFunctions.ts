/**
 * Local mode's functions as deployed on the Lambda worker thread: the worker's own connection
 * to the services database (WAL, so it and the main thread's connection share it safely), the
 * adapters and handlers on it, and each task invocation's logs recorded in that database.
 *
 * The worker answers invocations in batches (one per turn of its event loop), so their writes
 * are committed in batches too: each invocation joins the batch's transaction (see
 * {@link GroupCommit}), and `flush`, which the worker calls before a batch of answers leaves,
 * writes the batch's logs and commits it. An answered invocation's writes are on disk; when a
 * commit fails, `flush` throws and the worker answers the batch with failures instead.
 */
import type { HostedFunctions, LambdaFunctionDefinition } from '../../lambda';
import type { LambdaHandler } from '../../lambda/environments';
import { GroupCommit } from '../../store/adapters/groupCommit';
import { createLocalAdapters } from '../../store/adapters/localTaskHandlers';
import { snapshotEnvironment } from '../environmentSnapshot';
import { InvocationLogStore } from '../invocationLogs';
import { orderFunctionDefinitions, type OrderFunctionSettings } from '../orderFunctions';
import { openServicesConnection } from '../servicesConnection';

/** What the worker is started with. */
export interface OrderFunctionsConfig extends OrderFunctionSettings {
  /** `<data dir>/services.db`. */
  readonly servicesDatabase: string;
}

/** This module's path, for the worker to load. */
export const ORDER_FUNCTIONS_MODULE = __filename;

/** Deploys the task functions in this (worker) thread. */
export function deployFunctions(config: unknown): HostedFunctions {
  const settings = config as OrderFunctionsConfig;
  // Powertools reads the environment on every log line: serve it from memory here too.
  snapshotEnvironment();
  const db = openServicesConnection(settings.servicesDatabase);
  // Flushed before each batch of answers leaves the worker; the timer is only a safety net.
  const logs = new InvocationLogStore(db, 1_000);
  const batch = new GroupCommit(db);
  const flush = (): void => {
    try {
      logs.flush();
    } catch (error) {
      // Lost logs must not fail invocations whose work is done: say so, and commit the work.
      process.stderr.write(`lambda worker: could not keep invocation logs: ${error instanceof Error ? error.message : String(error)}\n`);
    }
    batch.commit();
  };
  const functions = orderFunctionDefinitions(createLocalAdapters(db), settings);
  const batched: Record<string, LambdaFunctionDefinition> = {};
  for (const [name, definition] of Object.entries(functions)) batched[name] = joiningBatch(definition, batch);
  return {
    functions: batched,
    record: (caller, invocation) => logs.record(caller.executionArn, caller.stateName, invocation),
    flush,
    close: () => {
      try {
        flush();
      } finally {
        db.close();
      }
    },
  };
}

/** The function with every invocation's writes made part of the open batch. */
function joiningBatch(definition: LambdaFunctionDefinition, batch: GroupCommit): LambdaFunctionDefinition {
  const joining =
    (handler: LambdaHandler): LambdaHandler =>
    (event, context) => {
      batch.join();
      return handler(event, context);
    };
  const { timeoutMs, memoryMb } = definition;
  const settings = memoryMb === undefined ? { timeoutMs } : { timeoutMs, memoryMb };
  return 'handler' in definition
    ? { ...settings, handler: joining(definition.handler) }
    : { ...settings, createHandler: () => joining(definition.createHandler()) };
}
