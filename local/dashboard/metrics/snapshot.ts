/**
 * What a time window's metrics are computed from, read once from the source: the executions
 * that overlap the window with their state visits, the invocations' logs and the API requests.
 */
import { stateVisits, type StateVisit } from '../analysis/visits';
import type { ApiRequest, HistoryEvent, InvocationLog, MonitoredExecution, MonitoringSource, TimeWindow } from '../source';

/** An execution with its history read as visits. */
export interface ObservedExecution {
  readonly execution: MonitoredExecution;
  readonly visits: readonly StateVisit[];
}

/** The data of one window. */
export interface MonitoringSnapshot {
  readonly window: TimeWindow;
  readonly executions: readonly ObservedExecution[];
  readonly invocations: readonly InvocationLog[];
  readonly apiRequests: readonly ApiRequest[];
}

// An ended execution's history is the same array each time (the source keeps it): read it once.
const visitsOfHistory = new WeakMap<readonly HistoryEvent[], StateVisit[]>();
const visitsOf = (events: HistoryEvent[]): StateVisit[] => {
  let visits = visitsOfHistory.get(events);
  if (visits === undefined) {
    visits = stateVisits(events);
    visitsOfHistory.set(events, visits);
  }
  return visits;
};

/** True when the execution ran during some part of the window. */
const overlaps = (e: MonitoredExecution, window: TimeWindow): boolean =>
  Date.parse(e.startDate) < window.until && (e.stopDate === undefined || Date.parse(e.stopDate) >= window.since);

/** Reads a window's data from a source. */
export function takeSnapshot(source: MonitoringSource, window: TimeWindow, stateMachineArn?: string): MonitoringSnapshot {
  const executions = source
    .listExecutions(stateMachineArn !== undefined ? { stateMachineArn } : {})
    .filter((e) => overlaps(e, window))
    .map((execution) => ({ execution, visits: visitsOf(source.getHistory(execution.executionArn)) }));
  return { window, executions, invocations: source.listInvocationLogs(window), apiRequests: source.listApiRequests(window) };
}
