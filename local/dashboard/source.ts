/**
 * What the dashboard reads, and nothing more: executions, their history, the logs of the
 * task invocations they made, the API's requests and the state machines' definitions.
 * Anything that can answer these questions (the engine's store, a remote API) can feed it.
 */
import type { HistoryEvent } from '../engine/history';

export type { HistoryEvent };

/** An execution's lifecycle status, as DescribeExecution reports it. */
export type MonitoredStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED' | 'PENDING_REDRIVE';

/** An execution as the dashboard sees it. Dates are ISO-8601 text; input and output JSON text. */
export interface MonitoredExecution {
  readonly executionArn: string;
  readonly stateMachineArn: string;
  readonly name: string;
  readonly status: MonitoredStatus;
  readonly startDate: string;
  readonly stopDate?: string;
  readonly input?: string;
  readonly output?: string;
  readonly error?: string;
  readonly cause?: string;
}

/** One line an invocation wrote (Powertools JSON logs, EMF metric lines, START/END/REPORT). */
export interface InvocationLogLine {
  /** ISO-8601. */
  readonly time: string;
  readonly stream: 'stdout' | 'stderr' | 'platform';
  readonly text: string;
}

/** One task function invocation and what it logged. */
export interface InvocationLog {
  readonly functionName: string;
  readonly requestId: string;
  /** The execution and state that made the invocation, when known. */
  readonly executionArn?: string;
  readonly stateName?: string;
  /** ISO-8601. */
  readonly startedAt: string;
  readonly durationMs: number;
  /** True when the function failed (threw, timed out or answered too much). */
  readonly functionError: boolean;
  readonly lines: readonly InvocationLogLine[];
}

/** One request the API answered. */
export interface ApiRequest {
  /** ISO-8601, when the request arrived. */
  readonly time: string;
  readonly statusCode: number;
  readonly latencyMs: number;
}

/** A time window, epoch milliseconds, `since` inclusive, `until` exclusive. */
export interface TimeWindow {
  readonly since: number;
  readonly until: number;
}

/** Which executions to list. */
export interface ExecutionFilter {
  readonly stateMachineArn?: string;
  readonly status?: MonitoredStatus;
}

/** Everything the dashboard reads. Every method is synchronous, as the local stores are. */
export interface MonitoringSource {
  /** Newest first. */
  listExecutions(filter?: ExecutionFilter): MonitoredExecution[];
  getExecution(executionArn: string): MonitoredExecution | undefined;
  /** GetExecutionHistory's events, oldest first; empty for an unknown execution. */
  getHistory(executionArn: string): HistoryEvent[];
  /** The invocations one execution made, oldest first. */
  getInvocationLogs(executionArn: string): InvocationLog[];
  /** Every invocation that started in the window (their EMF lines are the business metrics). */
  listInvocationLogs(window: TimeWindow): InvocationLog[];
  /** The requests the API answered in the window; empty when nobody records them. */
  listApiRequests(window: TimeWindow): ApiRequest[];
  /** The state machine's ASL definition as JSON text. */
  getDefinition(stateMachineArn: string): string | undefined;
}
