/**
 * The local datapoints of each metric the monitoring definition names: Step Functions'
 * metrics from the executions, Lambda's from the task attempts in their histories, API
 * Gateway's from the recorded requests, and the business metrics from the handlers' EMF lines.
 */
import { SERVICE_DIMENSION, type Metric } from '../../../workflow/monitoring';
import { readEmfLine, type EmfDatapoint } from './emf';
import type { MonitoringSnapshot } from './snapshot';

/** One datapoint; `series` names the value of a business metric's `groupBy` dimension. */
export interface Datapoint {
  readonly time: number;
  readonly value: number;
  readonly series?: string;
}

/** The function name in a Lambda ARN (`…:function:name[:qualifier]`), or the name as given. */
export const functionNameOf = (resource: string | undefined): string | undefined => {
  if (resource === undefined) return undefined;
  const match = /:function:([^:]+)/.exec(resource);
  return match?.[1] ?? resource;
};

/** A task attempt's times (epoch milliseconds) and outcome. */
interface TimedAttempt {
  readonly scheduledMs: number;
  readonly startedMs?: number;
  readonly endedMs?: number;
  readonly failed: boolean;
  readonly error?: string;
}

// Every widget of a dashboard reads the same snapshot: index its attempts and EMF lines once.
const attemptsCache = new WeakMap<MonitoringSnapshot, Map<string, TimedAttempt[]>>();
const attemptsOf = (snapshot: MonitoringSnapshot, fn: string): readonly TimedAttempt[] => {
  let byFunction = attemptsCache.get(snapshot);
  if (byFunction === undefined) {
    byFunction = new Map();
    for (const e of snapshot.executions) {
      for (const v of e.visits) {
        for (const a of v.attempts) {
          const name = functionNameOf(a.resource);
          if (name === undefined) continue;
          const timed: TimedAttempt = {
            scheduledMs: Date.parse(a.scheduledAt),
            ...(a.startedAt !== undefined ? { startedMs: Date.parse(a.startedAt) } : {}),
            ...(a.endedAt !== undefined ? { endedMs: Date.parse(a.endedAt) } : {}),
            failed: a.outcome === 'failed',
            ...(a.error !== undefined ? { error: a.error } : {}),
          };
          const list = byFunction.get(name);
          if (list === undefined) byFunction.set(name, [timed]);
          else list.push(timed);
        }
      }
    }
    attemptsCache.set(snapshot, byFunction);
  }
  return byFunction.get(fn) ?? [];
};

const emfCache = new WeakMap<MonitoringSnapshot, EmfDatapoint[]>();
const emfOf = (snapshot: MonitoringSnapshot): EmfDatapoint[] => {
  let points = emfCache.get(snapshot);
  if (points === undefined) {
    points = snapshot.invocations.flatMap((inv) => inv.lines.flatMap((line) => readEmfLine(line.text)));
    emfCache.set(snapshot, points);
  }
  return points;
};

const THROTTLED = 'Lambda.TooManyRequestsException';
/** Errors Step Functions or the Lambda service raised, not the function: not in Lambda's Errors. */
const isServiceError = (error: string | undefined): boolean => error === undefined || error.startsWith('Lambda.') || error.startsWith('States.');

const at = (iso: string | undefined): number => (iso === undefined ? Number.NaN : Date.parse(iso));

/** The datapoints of a metric in the snapshot's window (others are dropped by the caller). */
export function datapointsOf(metric: Metric, snapshot: MonitoringSnapshot): Datapoint[] {
  if (metric.kind === 'business') {
    return emfOf(snapshot)
      .filter((d) => d.namespace === metric.namespace && d.name === metric.metricName)
      .map((d) => {
        const series = metric.groupBy !== undefined ? d.dimensions[metric.groupBy] : d.dimensions[SERVICE_DIMENSION];
        return { time: d.timestamp, value: d.value, ...(series !== undefined ? { series } : {}) };
      });
  }
  switch (metric.namespace) {
    case 'AWS/States': {
      const ended = (status: string) =>
        snapshot.executions.filter((e) => e.execution.status === status).map((e) => ({ time: at(e.execution.stopDate), value: 1 }));
      switch (metric.metricName) {
        case 'ExecutionsStarted':
          return snapshot.executions.map((e) => ({ time: at(e.execution.startDate), value: 1 }));
        case 'ExecutionsSucceeded':
          return ended('SUCCEEDED');
        case 'ExecutionsFailed':
          return ended('FAILED');
        case 'ExecutionsTimedOut':
          return ended('TIMED_OUT');
        case 'ExecutionsAborted':
          return ended('ABORTED');
        case 'ExecutionThrottled':
          // The local engine never throttles.
          return [];
        case 'ExecutionTime':
          return snapshot.executions
            .filter((e) => e.execution.stopDate !== undefined)
            .map((e) => ({ time: at(e.execution.stopDate), value: at(e.execution.stopDate) - at(e.execution.startDate) }));
      }
      break;
    }
    case 'AWS/Lambda': {
      const mine = attemptsOf(snapshot, metric.scope.fn);
      const invoked = mine.filter((a): a is TimedAttempt & { startedMs: number } => a.error !== THROTTLED && a.startedMs !== undefined);
      switch (metric.metricName) {
        case 'Invocations':
          return invoked.map((a) => ({ time: a.startedMs, value: 1 }));
        case 'Errors':
          return invoked.filter((a) => a.failed && !isServiceError(a.error)).map((a) => ({ time: a.endedMs ?? a.startedMs, value: 1 }));
        case 'Duration':
          return invoked.flatMap((a) => (a.endedMs !== undefined ? [{ time: a.startedMs, value: a.endedMs - a.startedMs }] : []));
        case 'Throttles':
          return mine.filter((a) => a.error === THROTTLED).map((a) => ({ time: a.endedMs ?? a.scheduledMs, value: 1 }));
      }
      break;
    }
    case 'AWS/ApiGateway': {
      const requests = snapshot.apiRequests.map((r) => ({ ...r, t: at(r.time) }));
      switch (metric.metricName) {
        case 'Count':
          return requests.map((r) => ({ time: r.t, value: 1 }));
        case '4XXError':
          return requests.map((r) => ({ time: r.t, value: r.statusCode >= 400 && r.statusCode < 500 ? 1 : 0 }));
        case '5XXError':
          return requests.map((r) => ({ time: r.t, value: r.statusCode >= 500 ? 1 : 0 }));
        case 'Latency':
          return requests.map((r) => ({ time: r.t, value: r.latencyMs }));
        case 'IntegrationLatency':
          // Local mode has no separate integration: nothing to report.
          return [];
      }
    }
  }
  return [];
}
