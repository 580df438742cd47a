/**
 * Local mode's functions as deployed on the Lambda worker thread: the worker's own connection
 * to the services database (WAL, so it and the main thread's connection share it safely), the
 * adapters and handlers on it, and each task invocation's logs recorded in that database.
 */
import type { HostedFunctions } from '../../lambda';
import { openSqliteDatabase } from '../../store/adapters/sqliteDatabase';
import { createLocalAdapters } from '../../store/adapters/localTaskHandlers';
import { snapshotEnvironment } from '../environmentSnapshot';
import { InvocationLogStore } from '../invocationLogs';
import { orderFunctionDefinitions, type OrderFunctionSettings } from '../orderFunctions';
import { cachePreparedStatements } from '../statementCache';

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
  const db = cachePreparedStatements(openSqliteDatabase(settings.servicesDatabase));
  // Checkpoints are the WAL checkpointer's job (see walCheckpointer).
  db.pragma('wal_autocheckpoint = 0');
  // Flushed before each batch of answers leaves the worker; the timer is only a safety net.
  const logs = new InvocationLogStore(db, 1_000);
  return {
    functions: orderFunctionDefinitions(createLocalAdapters(db), settings),
    record: (caller, invocation) => logs.record(caller.executionArn, caller.stateName, invocation),
    flush: () => logs.flush(),
    close: () => {
      logs.flush();
      db.close();
    },
  };
}
