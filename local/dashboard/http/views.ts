/**
 * The JSON the dashboard's pages read: the executions list, one execution in detail (states,
 * timeline, graph, failure analysis, logs), and the failures of a window.
 */
import { analyseFailure, type FailureAnalysis } from '../analysis/failure';
import { stateReports, timeline, type StateReport, type TimelineEntry } from '../analysis/outcomes';
import { stateVisits, type StateVisit } from '../analysis/visits';
import { allStateNames, allStates, readStateGraph, type StateGraph } from '../graph/asl';
import { toMermaid } from '../graph/mermaid';
import { metricsReport, type ErrorPattern } from '../metrics/report';
import { takeSnapshot } from '../metrics/snapshot';
import { inWindow } from '../metrics/window';
import type { InvocationLog, MonitoredExecution, MonitoredStatus, MonitoringSource, TimeWindow } from '../source';

/** A row of the executions list. */
export interface ExecutionRow {
  readonly executionArn: string;
  readonly stateMachineArn: string;
  readonly name: string;
  readonly status: MonitoredStatus;
  readonly startDate: string;
  readonly stopDate?: string;
  readonly durationMs?: number;
  readonly error?: string;
  readonly cause?: string;
}

/** Which executions to list. */
export interface ExecutionQuery {
  readonly status?: MonitoredStatus;
  /** Started in this window. */
  readonly window?: TimeWindow;
  /** Part of the error name, any case. */
  readonly error?: string;
  readonly stateMachineArn?: string;
  /** @default 200 */
  readonly limit?: number;
}

const rowOf = (e: MonitoredExecution): ExecutionRow => ({
  executionArn: e.executionArn,
  stateMachineArn: e.stateMachineArn,
  name: e.name,
  status: e.status,
  startDate: e.startDate,
  ...(e.stopDate !== undefined ? { stopDate: e.stopDate, durationMs: Date.parse(e.stopDate) - Date.parse(e.startDate) } : {}),
  ...(e.error !== undefined ? { error: e.error } : {}),
  ...(e.cause !== undefined ? { cause: e.cause } : {}),
});

/** The executions list, newest first, with how many matched before the limit. */
export function listExecutionRows(source: MonitoringSource, query: ExecutionQuery): { total: number; executions: ExecutionRow[] } {
  const needle = query.error?.toLowerCase();
  const matched = source
    .listExecutions({ ...(query.status !== undefined ? { status: query.status } : {}), ...(query.stateMachineArn !== undefined ? { stateMachineArn: query.stateMachineArn } : {}) })
    .filter((e) => query.window === undefined || inWindow(e.startDate, query.window))
    .filter((e) => needle === undefined || needle === '' || (e.error ?? '').toLowerCase().includes(needle));
  return { total: matched.length, executions: matched.slice(0, query.limit ?? 200).map(rowOf) };
}

/** One execution, analysed. */
export interface ExecutionDetail {
  readonly execution: ExecutionRow & { readonly input?: string; readonly output?: string };
  readonly states: readonly StateReport[];
  readonly timeline: readonly TimelineEntry[];
  /** The workflow graph, each state coloured by its outcome; absent without a definition. */
  readonly mermaid?: string;
  readonly failure?: FailureAnalysis;
  readonly invocations: readonly InvocationLog[];
}

const graphOf = (source: MonitoringSource, stateMachineArn: string): StateGraph | undefined => {
  const text = source.getDefinition(stateMachineArn);
  if (text === undefined) return undefined;
  try {
    return readStateGraph(text);
  } catch {
    return undefined;
  }
};

const failureOf = (execution: MonitoredExecution, visits: readonly StateVisit[], graph: StateGraph | undefined): FailureAnalysis => {
  const states = graph === undefined ? [] : allStates(graph);
  return analyseFailure(execution, visits, (name) => states.find((s) => s.name === name)?.errorPath);
};

const FAILED: readonly MonitoredStatus[] = ['FAILED', 'TIMED_OUT', 'ABORTED'];

/** One execution in detail; undefined when it does not exist. */
export function executionDetail(source: MonitoringSource, executionArn: string): ExecutionDetail | undefined {
  const execution = source.getExecution(executionArn);
  if (execution === undefined) return undefined;
  const visits = stateVisits(source.getHistory(executionArn));
  const graph = graphOf(source, execution.stateMachineArn);
  const states = stateReports(graph === undefined ? [] : allStateNames(graph), visits, execution.status);
  const failure = FAILED.includes(execution.status) ? failureOf(execution, visits, graph) : undefined;
  return {
    execution: {
      ...rowOf(execution),
      ...(execution.input !== undefined ? { input: execution.input } : {}),
      ...(execution.output !== undefined ? { output: execution.output } : {}),
    },
    states,
    timeline: timeline(visits, execution.status),
    ...(graph !== undefined ? { mermaid: toMermaid(graph, new Map(states.map((s) => [s.name, s.outcome])), failure?.failurePoint?.state) } : {}),
    ...(failure !== undefined ? { failure } : {}),
    invocations: source.getInvocationLogs(executionArn),
  };
}

/** A failed execution, summarised for the failures view. */
export interface FailureRow extends ExecutionRow {
  readonly failedState?: string;
  readonly failureKind?: string;
  readonly stateError?: string;
  readonly retries: number;
}

/** The failures of a window: the error patterns, and each failed execution with its failure point. */
export function failuresView(source: MonitoringSource, window: TimeWindow, stateMachineArn?: string, limit = 200): { errors: readonly ErrorPattern[]; executions: FailureRow[]; total: number } {
  const snapshot = takeSnapshot(source, window, stateMachineArn);
  const failed = snapshot.executions.filter((e) => FAILED.includes(e.execution.status) && inWindow(e.execution.stopDate, window));
  const graphs = new Map<string, StateGraph | undefined>();
  const graphFor = (arn: string): StateGraph | undefined => {
    if (!graphs.has(arn)) graphs.set(arn, graphOf(source, arn));
    return graphs.get(arn);
  };
  const executions = failed.slice(0, limit).map(({ execution, visits }): FailureRow => {
    const analysis = failureOf(execution, visits, graphFor(execution.stateMachineArn));
    const point = analysis.failurePoint;
    return {
      ...rowOf(execution),
      ...(point !== undefined ? { failedState: point.state, failureKind: point.kind } : {}),
      ...(point?.error !== undefined ? { stateError: point.error } : {}),
      retries: analysis.retries,
    };
  });
  return { errors: metricsReport(snapshot).errors, executions, total: failed.length };
}
