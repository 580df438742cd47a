/*
 * A local AWS Step Functions engine: runs any Amazon States Language definition (JSONPath and
 * JSONata), records AWS-shaped history, checkpoints through a store and resumes after a crash.
 */
export { createEngine, EngineApiError } from './engine';
export type { Engine, EngineOptions, ExecutionDescription, ExecutionListItem, ExecutionTarget } from './engine';
export { FakeClock, systemClock, SleepAbortedError, delay } from './clock';
export { Cancellation } from './cancellation';
export type { CancelToken } from './cancellation';
export type { Clock } from './clock';
export { validateDefinition, InvalidDefinitionError } from './definition';
export type { StateMachineDefinition, StateDefinition, Retrier, Catcher, QueryLanguage } from './definition';
export { StatesError, StatesErrorName } from './errors';
export type { HistoryEvent } from './history';
export type { Json, JsonObject } from './json';
export { InvalidNameError, validateName } from './names';
export { MemoryExecutionStore } from './store/memoryStore';
export type { ExecutionRecord, ExecutionStatus, ExecutionStep, ExecutionStore, StateMachineRecord, StateMachineType } from './store/types';
export type { InvokeTask, TaskRequest } from './tasks';
