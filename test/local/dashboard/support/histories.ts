/**
 * Hand-built executions, histories and invocation logs in AWS's shapes, for the pure metric
 * functions: each step says when a state was entered, how long it took, its attempts and errors.
 */
import { stateVisits, type HistoryEvent, type InvocationLog, type MonitoredExecution, type MonitoredStatus } from '../../../../local/dashboard';
import type { ObservedExecution } from '../../../../local/dashboard/metrics/snapshot';

/** One state visit. Offsets are milliseconds after the execution's start. */
export interface Step {
  readonly name: string;
  readonly type?: 'Task' | 'Pass' | 'Fail' | 'Choice';
  readonly at: number;
  readonly durationMs: number;
  /** The function a Task invokes. @default the state's name */
  readonly fn?: string;
  /** Each attempt's error; undefined for the one that succeeded. */
  readonly attempts?: readonly (string | undefined)[];
  /** The last error ends the execution here (no exit). */
  readonly failsExecution?: { readonly error: string; readonly cause: string };
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** The history of an execution that ran these steps from `start`. */
export function historyOf(start: number, steps: readonly Step[]): HistoryEvent[] {
  const events: HistoryEvent[] = [];
  const add = (at: number, type: string, details?: Record<string, unknown>, key?: string): void => {
    const id = events.length + 1;
    events.push({ timestamp: iso(at), type, id, previousEventId: id - 1, ...(details && key ? { [key]: details } : {}) });
  };
  add(start, 'ExecutionStarted', { input: '{}' }, 'executionStartedEventDetails');
  for (const step of steps) {
    const type = step.type ?? 'Task';
    const t0 = start + step.at;
    add(t0, `${type}StateEntered`, { name: step.name, input: '{}' }, 'stateEnteredEventDetails');
    const attempts = step.attempts ?? (type === 'Task' ? [undefined] : []);
    attempts.forEach((error, i) => {
      const ta = t0 + (i * step.durationMs) / Math.max(1, attempts.length);
      const resource = `arn:aws:lambda:us-east-1:000000000000:function:${step.fn ?? step.name}`;
      add(ta, 'LambdaFunctionScheduled', { resource, input: '{}' }, 'lambdaFunctionScheduledEventDetails');
      add(ta, 'LambdaFunctionStarted');
      const te = ta + step.durationMs / Math.max(1, attempts.length);
      if (error === undefined) add(te, 'LambdaFunctionSucceeded', { output: '{}' }, 'lambdaFunctionSucceededEventDetails');
      else add(te, 'LambdaFunctionFailed', { error, cause: `${error} cause` }, 'lambdaFunctionFailedEventDetails');
    });
    if (step.failsExecution !== undefined) {
      add(t0 + step.durationMs, 'ExecutionFailed', step.failsExecution, 'executionFailedEventDetails');
      return events;
    }
    if (type !== 'Fail') add(t0 + step.durationMs, `${type}StateExited`, { name: step.name, output: '{}' }, 'stateExitedEventDetails');
  }
  return events;
}

let counter = 0;

/** An execution with its visits. */
export function observed(status: MonitoredStatus, start: number, durationMs: number | undefined, steps: readonly Step[] = [], error?: { error: string; cause: string }): ObservedExecution {
  counter += 1;
  const execution: MonitoredExecution = {
    executionArn: `arn:aws:states:us-east-1:123456789012:execution:M:e${counter}`,
    stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:M',
    name: `e${counter}`,
    status,
    startDate: iso(start),
    ...(durationMs !== undefined ? { stopDate: iso(start + durationMs) } : {}),
    ...(error ?? {}),
  };
  return { execution, visits: stateVisits(historyOf(start, steps)) };
}

/** An invocation that wrote one EMF count with one dimension. */
export function emfInvocation(at: number, metric: string, dimension: string, value: string, count = 1): InvocationLog {
  const line = JSON.stringify({
    _aws: { Timestamp: at, CloudWatchMetrics: [{ Namespace: 'OrderWorkflow', Dimensions: [['service', dimension]], Metrics: [{ Name: metric, Unit: 'Count' }] }] },
    service: 'svc',
    [dimension]: value,
    [metric]: count,
  });
  return { functionName: 'f', requestId: `r-${at}-${value}`, startedAt: iso(at), durationMs: 1, functionError: false, lines: [{ time: iso(at), stream: 'stdout', text: line }] };
}
