import * as pulumi from '@pulumi/pulumi';
import type { TaskFunctionName } from '../workflow/contracts';

/** A value per task function. */
export type TaskFunctionRecord<T> = { readonly [N in TaskFunctionName]: T };

/** Builds a record with one entry per task function (exhaustive: a new function fails to compile here). */
export const byTaskFunction = <T>(f: (fn: TaskFunctionName) => T): TaskFunctionRecord<T> => ({
  validateOrder: f('validateOrder'),
  reserveInventory: f('reserveInventory'),
  releaseInventory: f('releaseInventory'),
  chargePayment: f('chargePayment'),
  refundPayment: f('refundPayment'),
  notifyCustomer: f('notifyCustomer'),
});

/** Waits for every function's value: `pulumi.all` over a task-function record, keeping its type. */
export const allByTaskFunction = (
  record: TaskFunctionRecord<pulumi.Input<string>>,
): pulumi.Output<TaskFunctionRecord<string>> =>
  pulumi.all(record).apply((values: Record<string, string>) => byTaskFunction((fn) => values[fn] ?? ''));
