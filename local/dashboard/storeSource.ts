/**
 * A {@link MonitoringSource} over the engine's ExecutionStore (in memory or SQLite), with the
 * invocation logs and API requests local mode records. The history of an ended execution never
 * changes, so it is read from the store once and kept.
 */
import type { ExecutionStore } from '../engine/store/types';
import type { ApiRequest, HistoryEvent, InvocationLog, MonitoredExecution, MonitoringSource, TimeWindow } from './source';

/** Where the invocation logs come from (e.g. an {@link InvocationLogBook}). */
export interface InvocationLogSource {
  forExecution(executionArn: string): InvocationLog[];
  between(window: TimeWindow): InvocationLog[];
}

/** Where the API's requests come from (e.g. an {@link ApiRequestLog}). */
export interface ApiRequestSource {
  between(window: TimeWindow): ApiRequest[];
}

/** What else the store-backed source reads. */
export interface StoreSourceOptions {
  /** @default no invocation logs (business metrics and logs stay empty) */
  readonly invocationLogs?: InvocationLogSource;
  /** @default no API requests (the API widgets stay empty) */
  readonly apiRequests?: ApiRequestSource;
  /** How many ended executions' histories to keep in memory. @default 20000 */
  readonly historyCacheSize?: number;
}

const toMonitored = (r: MonitoredExecution): MonitoredExecution => ({
  executionArn: r.executionArn,
  stateMachineArn: r.stateMachineArn,
  name: r.name,
  status: r.status,
  startDate: r.startDate,
  ...(r.stopDate !== undefined ? { stopDate: r.stopDate } : {}),
  ...(r.input !== undefined ? { input: r.input } : {}),
  ...(r.output !== undefined ? { output: r.output } : {}),
  ...(r.error !== undefined ? { error: r.error } : {}),
  ...(r.cause !== undefined ? { cause: r.cause } : {}),
});

/** Reads executions, histories and definitions from the engine's store. */
export function createStoreMonitoringSource(store: ExecutionStore, options: StoreSourceOptions = {}): MonitoringSource {
  const cacheSize = options.historyCacheSize ?? 20_000;
  const endedHistories = new Map<string, HistoryEvent[]>();

  function getHistory(executionArn: string): HistoryEvent[] {
    const cached = endedHistories.get(executionArn);
    if (cached !== undefined) return cached;
    // Read the status first: an execution that had ended before its history was read has all of it.
    const ended = store.getExecution(executionArn)?.status !== 'RUNNING';
    const events = store.getHistory(executionArn).map((r) => r.event);
    if (ended && events.length > 0) {
      if (endedHistories.size >= cacheSize) endedHistories.delete(endedHistories.keys().next().value as string);
      endedHistories.set(executionArn, events);
    }
    return events;
  }

  return {
    listExecutions: (filter = {}) => store.listExecutions(filter).map(toMonitored),
    getExecution: (arn) => {
      const r = store.getExecution(arn);
      return r === undefined ? undefined : toMonitored(r);
    },
    getHistory,
    getInvocationLogs: (arn) => options.invocationLogs?.forExecution(arn) ?? [],
    listInvocationLogs: (window) => options.invocationLogs?.between(window) ?? [],
    listApiRequests: (window) => options.apiRequests?.between(window) ?? [],
    getDefinition: (arn) => store.getStateMachine(arn)?.definition,
  };
}
