/**
 * Each task function's Lambda entry file (for esbuild and infra), the name of its handler
 * export, and its factory (for local mode, which injects the SQLite adapters).
 */
import type { TaskFunctionName, TaskOutput } from '../workflow/contracts';
import { createReleaseInventoryHandler } from './inventory/releaseHandler';
import { createReserveInventoryHandler } from './inventory/reserveHandler';
import { createNotifyCustomerHandler } from './notification/handler';
import { createChargePaymentHandler } from './payment/chargeHandler';
import { createRefundPaymentHandler } from './payment/refundHandler';
import type { TaskHandler } from './shared/lazyHandler';
import { createValidateOrderHandler } from './validation/handler';

export type { TaskHandler } from './shared/lazyHandler';

/** One task function's entry and factory. */
export interface TaskFunctionEntry<N extends TaskFunctionName, D> {
  /** The entry file, relative to the project root (esbuild's entry point). */
  readonly entry: string;
  /** The entry file's exported handler (Lambda's `<file>.<export>`). */
  readonly handlerExport: 'handler';
  /** Builds the handler from its dependencies (ports, observability, settings). */
  readonly factory: (deps: D) => TaskHandler<TaskOutput<N>>;
}

/** The task functions, by logical name. */
export const TASK_FUNCTIONS = {
  validateOrder: { entry: 'handlers/validation/handler.ts', handlerExport: 'handler', factory: createValidateOrderHandler },
  reserveInventory: { entry: 'handlers/inventory/reserveHandler.ts', handlerExport: 'handler', factory: createReserveInventoryHandler },
  releaseInventory: { entry: 'handlers/inventory/releaseHandler.ts', handlerExport: 'handler', factory: createReleaseInventoryHandler },
  chargePayment: { entry: 'handlers/payment/chargeHandler.ts', handlerExport: 'handler', factory: createChargePaymentHandler },
  refundPayment: { entry: 'handlers/payment/refundHandler.ts', handlerExport: 'handler', factory: createRefundPaymentHandler },
  notifyCustomer: { entry: 'handlers/notification/handler.ts', handlerExport: 'handler', factory: createNotifyCustomerHandler },
} as const satisfies { [N in TaskFunctionName]: TaskFunctionEntry<N, never> };
