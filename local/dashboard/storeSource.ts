/**
 * A {@link MonitoringSource} over the engine's ExecutionStore (in memory or SQLite), with the
 * invocation logs and API requests local mode records. The history of an ended execution never
 * changes, so it is read from the store once and kept.
 */
import { presentEvent } from '../engine/history';
import type { ExecutionRecord, ExecutionStore } from '../engine/store/types';
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
  // Kept with the end they were read at (stop date and redrive count): a redriven execution
  // runs again and ends anew.
  const endedHistories = new Map<string, { end: string; events: HistoryEvent[] }>();
  const endedMetricLines = new Map<string, { end: string; invocations: InvocationLog[] }>();
  const endOf = (r: ExecutionRecord): string | undefined =>
    r.status === 'RUNNING' || r.stopDate === undefined ? undefined : `${r.stopDate}#${r.redriveCount}`;
  // Each execution's end when last listed or read (undefined while it runs).
  const seenEnd = new Map<string, string | undefined>();
  const see = (r: ExecutionRecord): ExecutionRecord => {
    seenEnd.set(r.executionArn, endOf(r));
    return r;
  };
  const remember = <V>(cache: Map<string, V>, key: string, value: V): void => {
    if (cache.size >= cacheSize) cache.delete(cache.keys().next().value as string);
    cache.set(key, value);
  };

  function getHistory(executionArn: string): HistoryEvent[] {
    const cached = endedHistories.get(executionArn);
    if (cached !== undefined && seenEnd.get(executionArn) === cached.end) return cached.events;
    // Read the record first: an execution that had ended before its history was read has all of it.
    const record = store.getExecution(executionArn);
    const end = record === undefined ? undefined : endOf(see(record));
    // The store keeps payloads as JSON values; GetExecutionHistory presents them as text.
    const events = store.getHistory(executionArn).map((r) => presentEvent(r.event));
    if (end !== undefined && events.length > 0) remember(endedHistories, executionArn, { end, events });
    return events;
  }

  /** The invocations of the executions overlapping the window, keeping only their EMF lines. */
  function gatherInvocations(logs: InvocationLogSource, window: TimeWindow): InvocationLog[] {
    const out: InvocationLog[] = [];
    for (const e of store.listExecutions().map(see)) {
      if (Date.parse(e.startDate) >= window.until || (e.stopDate !== undefined && Date.parse(e.stopDate) < window.since)) continue;
      const cached = endedMetricLines.get(e.executionArn);
      const end = endOf(e);
      let invocations = cached !== undefined && cached.end === end ? cached.invocations : undefined;
      if (invocations === undefined) {
        invocations = logs.forExecution(e.executionArn).map((i) => ({ ...i, lines: i.lines.filter((l) => l.text.includes('"_aws"')) }));
        if (end !== undefined) remember(endedMetricLines, e.executionArn, { end, invocations });
      }
      for (const i of invocations) if (inWindow(i.startedAt, window)) out.push(i);
    }
    return out;
  }

  return {
    listExecutions: (filter = {}) => store.listExecutions(filter).map((r) => toMonitored(see(r))),
    getExecution: (arn) => {
      const r = store.getExecution(arn);
      return r === undefined ? undefined : toMonitored(see(r));
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
