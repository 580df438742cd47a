/**
 * The six task handlers wired to the SQLite adapters, for local mode: the same handler code
 * as on AWS, with the ports injected.
 */
import type { TaskFunctionName, TaskOutput } from '../../../workflow/contracts';
import { TASK_FUNCTIONS, type TaskHandler } from '../../../handlers/index';
import type { ProcessorConfig } from '../../../handlers/payment/processor';
import type { Observability } from '../../../handlers/shared/observability';
import type { SqliteDatabase } from './sqliteDatabase';
import { SqliteInventoryStore } from './sqliteInventoryStore';
import { SqliteNotificationLog } from './sqliteNotificationLog';
import { SqliteOutboxPublisher } from './sqliteOutboxPublisher';
import { SqlitePaymentLedger } from './sqlitePaymentLedger';

/** Options of {@link createLocalTaskHandlers}. */
export interface LocalTaskHandlerOptions {
  /** The simulated processor's seed and rates. @default DEFAULT_PROCESSOR_CONFIG */
  readonly processor?: ProcessorConfig;
  /** Logger and metrics per service. @default Powertools, printing to stdout */
  readonly observability?: (service: string) => Observability;
}

/** The SQLite adapters of every port, on one database. */
export interface LocalAdapters {
  readonly inventory: SqliteInventoryStore;
  readonly payments: SqlitePaymentLedger;
  readonly notifications: SqliteNotificationLog;
  readonly outbox: SqliteOutboxPublisher;
}

/** Creates (and migrates) the SQLite adapters on the database. */
export function createLocalAdapters(db: SqliteDatabase): LocalAdapters {
  return {
    inventory: new SqliteInventoryStore(db),
    payments: new SqlitePaymentLedger(db),
    notifications: new SqliteNotificationLog(db),
    outbox: new SqliteOutboxPublisher(db),
  };
}

/** Each task function's handler factory on the given adapters: one call, one handler instance. */
export type LocalTaskHandlerFactories = { [N in TaskFunctionName]: () => TaskHandler<TaskOutput<N>> };

/**
 * Every task function's handler factory, on the given adapters. Each call builds a fresh
 * handler with its own logger and metrics (what loading the module in a new Lambda execution
 * environment gives); the adapters are shared, as every environment reaches the same tables.
 */
export function createLocalTaskHandlerFactories(adapters: LocalAdapters, options: LocalTaskHandlerOptions = {}): LocalTaskHandlerFactories {
  const obs = (service: string): { observability?: Observability } =>
    options.observability === undefined ? {} : { observability: options.observability(service) };
  return {
    validateOrder: () => TASK_FUNCTIONS.validateOrder.factory({ ...obs('order-validation') }),
    reserveInventory: () => TASK_FUNCTIONS.reserveInventory.factory({ store: adapters.inventory, ...obs('inventory') }),
    releaseInventory: () => TASK_FUNCTIONS.releaseInventory.factory({ store: adapters.inventory, ...obs('inventory') }),
    chargePayment: () =>
      TASK_FUNCTIONS.chargePayment.factory({
        ledger: adapters.payments,
        ...(options.processor !== undefined ? { processor: options.processor } : {}),
        ...obs('payment'),
      }),
    refundPayment: () =>
      TASK_FUNCTIONS.refundPayment.factory({
        ledger: adapters.payments,
        ...(options.processor !== undefined ? { seed: options.processor.seed } : {}),
        ...obs('payment'),
      }),
    notifyCustomer: () => TASK_FUNCTIONS.notifyCustomer.factory({ log: adapters.notifications, publisher: adapters.outbox, ...obs('notification') }),
  };
}

/** Every task function's handler, on the given adapters: one instance each. */
export function createLocalTaskHandlers(
  adapters: LocalAdapters,
  options: LocalTaskHandlerOptions = {},
): { [N in TaskFunctionName]: TaskHandler<TaskOutput<N>> } {
  const f = createLocalTaskHandlerFactories(adapters, options);
  return {
    validateOrder: f.validateOrder(),
    reserveInventory: f.reserveInventory(),
    releaseInventory: f.releaseInventory(),
    chargePayment: f.chargePayment(),
    refundPayment: f.refundPayment(),
    notifyCustomer: f.notifyCustomer(),
  };
}
