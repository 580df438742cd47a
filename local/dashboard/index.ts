/**
 * CloudWatch's part of local mode: execution tracking, metrics, error analysis and the web
 * dashboard. Mount {@link createDashboard} on the API server; feed it a {@link MonitoringSource}
 * (e.g. {@link createStoreMonitoringSource} over the engine's store).
 */
export type {
  ApiRequest,
  ExecutionFilter,
  HistoryEvent,
  InvocationLog,
  InvocationLogLine,
  MonitoredExecution,
  MonitoredStatus,
  MonitoringSource,
  TimeWindow,
} from './source';
export { createStoreMonitoringSource, type ApiRequestSource, type InvocationLogSource, type StoreSourceOptions } from './storeSource';
export { invocationLogsOf, type StoredInvocationLike, type StoredInvocationReader } from './storedInvocations';
export { InvocationLogBook, type CompletedInvocation, type InvocationOrigin } from './invocationLogBook';
export { ApiRequestLog } from './apiRequestLog';
export { createDashboard, type DashboardHandler, type DashboardOptions } from './http/router';
export { startDashboardServer, type DashboardServer } from './http/server';
export { metricsReport, type MetricsReport, type ErrorPattern, type StateMetrics } from './metrics/report';
export { renderOverview, type RenderedDashboard } from './metrics/overview';
export { takeSnapshot, type MonitoringSnapshot } from './metrics/snapshot';
export { analyseFailure, type FailureAnalysis, type FailurePoint } from './analysis/failure';
export { stateReports, timeline, type StateOutcome, type StateReport, type TimelineEntry } from './analysis/outcomes';
export { stateVisits, type StateVisit } from './analysis/visits';
export { readStateGraph, UnreadableDefinitionError, type StateGraph } from './graph/asl';
export { InvalidTimeError } from './metrics/window';
export { toMermaid } from './graph/mermaid';
