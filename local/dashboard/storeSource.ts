/**
 * A {@link MonitoringSource} over the engine's ExecutionStore (in memory or SQLite), with the
 * invocation logs and API requests local mode records. The history of an ended execution never
 * changes, so it is read from the store once and kept.
 */
import { presentEvent } from '../engine/history';
import type { ExecutionStore } from '../engine/store/types';
import { inWindow } from './metrics/window';
import type { ApiRequest, HistoryEvent, InvocationLog, MonitoredExecution, MonitoringSource, TimeWindow } from './source';

/** Where the invocation logs come from (e.g. an {@link InvocationLogBook}, or {@link invocationLogsOf}). */
export interface InvocationLogSource {
  forExecution(executionArn: string): InvocationLog[];
  /**
   * The invocations that started in the window. Without it, they are gathered from the
   * executions that overlap the window (an ended execution's are read once and kept).
   */
  between?(window: TimeWindow): InvocationLog[];
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
  const endedMetricLines = new Map<string, InvocationLog[]>();
  const remember = <V>(cache: Map<string, V>, key: string, value: V): void => {
    if (cache.size >= cacheSize) cache.delete(cache.keys().next().value as string);
    cache.set(key, value);
  };

  function getHistory(executionArn: string): HistoryEvent[] {
    const cached = endedHistories.get(executionArn);
    if (cached !== undefined) return cached;
    // Read the status first: an execution that had ended before its history was read has all of it.
    const ended = store.getExecution(executionArn)?.status !== 'RUNNING';
    // The store keeps payloads as JSON values; GetExecutionHistory presents them as text.
    const events = store.getHistory(executionArn).map((r) => presentEvent(r.event));
    if (ended && events.length > 0) remember(endedHistories, executionArn, events);
    return events;
  }

  /** The invocations of the executions overlapping the window, keeping only their EMF lines. */
  function gatherInvocations(logs: InvocationLogSource, window: TimeWindow): InvocationLog[] {
    const out: InvocationLog[] = [];
    for (const e of store.listExecutions()) {
      if (Date.parse(e.startDate) >= window.until || (e.stopDate !== undefined && Date.parse(e.stopDate) < window.since)) continue;
      let invocations = endedMetricLines.get(e.executionArn);
      if (invocations === undefined) {
        invocations = logs.forExecution(e.executionArn).map((i) => ({ ...i, lines: i.lines.filter((l) => l.text.includes('"_aws"')) }));
        if (e.status !== 'RUNNING') remember(endedMetricLines, e.executionArn, invocations);
      }
      for (const i of invocations) if (inWindow(i.startedAt, window)) out.push(i);
    }
    return out;
  }

  return {
    listExecutions: (filter = {}) => store.listExecutions(filter).map(toMonitored),
    getExecution: (arn) => {
      const r = store.getExecution(arn);
      return r === undefined ? undefined : toMonitored(r);
    },
    getHistory,
    getInvocationLogs: (arn) => options.invocationLogs?.forExecution(arn) ?? [],
    listInvocationLogs: (window) => {
      const logs = options.invocationLogs;
      if (logs === undefined) return [];
      return logs.between !== undefined ? logs.between(window) : gatherInvocations(logs, window);
    },
    listApiRequests: (window) => options.apiRequests?.between(window) ?? [],
    getDefinition: (arn) => store.getStateMachine(arn)?.definition,
  };
}
