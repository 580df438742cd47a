/** API Gateway's part of local mode (the order API) and a Step Functions API endpoint. */
export { createOrderApi, MAX_ORDER_BODY_BYTES, type AccessLogEntry, type OrderApiOptions } from './orderApi';
export type { ExecutionDescription, ExecutionStatus, OrderExecutions, StartedExecution } from './orderExecutions';
export { ApiKeyRegistry, digestApiKey, type ApiKeyDefinition } from './apiKeys';
export { UsagePlanMeter, type UsagePlan, type UsageVerdict } from './usagePlan';
export { isValidExecutionName, MAX_EXECUTION_NAME_LENGTH } from './executionName';
export { createStepFunctionsApi, AMZ_JSON_1_0, type StepFunctionsApiOptions } from './stepFunctionsApi';
export type * from './stepFunctionsOperations';
export * from './stepFunctionsErrors';
export { routeByAmzTarget, listenLocalGateway, type LocalGateway, type ListenOptions } from './localGateway';
