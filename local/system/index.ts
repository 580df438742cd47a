/** Local mode, composed: see {@link startOrderSystem}. */
export { startOrderSystem, STATE_MACHINE_NAME, LOCAL_ACCOUNT, LOCAL_REGION, DEFAULT_INVENTORY_FILE, DEFAULT_USAGE_PLAN } from './orderSystem';
export type { OrderSystem, OrderSystemOptions, StopReport } from './orderSystem';
export { InvocationLogStore, type StoredInvocation } from './invocationLogs';
export { lambdaTaskInvoker, type InvocationSink } from './lambdaTasks';
export { EngineOrderExecutions } from './orderExecutions';
export { EngineStepFunctions } from './stepFunctionsOperations';
export { readInventorySeed, seedInventory, InventorySeed, InvalidInventorySeedError } from './inventorySeed';
export * from './dataDir';
