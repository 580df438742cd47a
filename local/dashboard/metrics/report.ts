/**
 * The numbers of one time window, as GET /metrics serves them: executions started, succeeded
 * and failed, success rate, durations per execution and per state, retries, error patterns,
 * and the handlers' business metrics. Counts come from the same datapoints the overview's
 * charts draw, so the two always agree.
 */
import { BUSINESS_METRICS, stateMachineMetric, type BusinessMetricName, type StateMachineMetricName } from '../../../workflow/monitoring';
import { retriesOf } from '../analysis/outcomes';
import type { StateVisit } from '../analysis/visits';
import { datapointsOf, type Datapoint } from './datapoints';
import type { MonitoringSnapshot } from './snapshot';
import { percentiles, type Percentiles } from './statistics';

/** One state's numbers over the window. */
export interface StateMetrics {
  readonly state: string;
  /** Visits that entered the state in the window. */
  readonly entered: number;
  /** Finished visits' durations. */
  readonly durationMs: Percentiles;
  readonly retries: number;
  readonly errors: number;
}

/** The latest occurrence of an error pattern. */
export interface ErrorExample {
  readonly executionArn: string;
  readonly timestamp: string;
  readonly cause?: string;
}

/** Errors of one name raised by one state. */
export interface ErrorPattern {
  readonly state: string;
  readonly error: string;
  readonly count: number;
  /** How many distinct executions met it. */
  readonly executions: number;
  readonly latest: ErrorExample;
}

/** A business metric's total, and its counts by its `groupBy` dimension. */
export interface BusinessMetricCounts {
  readonly total: number;
  readonly dimension?: string;
  readonly by: { readonly [value: string]: number };
}

/** What GET /metrics answers. */
export interface MetricsReport {
  readonly window: { readonly since: string; readonly until: string };
  readonly executions: {
    readonly started: number;
    readonly succeeded: number;
    readonly failed: number;
    readonly timedOut: number;
    readonly aborted: number;
    /** Running at the window's end. */
    readonly running: number;
    /** Percent of executions that ended in the window and succeeded; null when none ended. */
    readonly successRate: number | null;
  };
  /** Of executions that ended in the window. */
  readonly durationMs: Percentiles;
  readonly retries: number;
  readonly states: readonly StateMetrics[];
  readonly errors: readonly ErrorPattern[];
  readonly business: { readonly [N in BusinessMetricName]: BusinessMetricCounts };
}

const sumIn = (points: readonly Datapoint[], snapshot: MonitoringSnapshot): number =>
  points.filter((p) => p.time >= snapshot.window.since && p.time < snapshot.window.until).reduce((n, p) => n + p.value, 0);

const countOf = (name: StateMachineMetricName, snapshot: MonitoringSnapshot): number => sumIn(datapointsOf(stateMachineMetric(name), snapshot), snapshot);

interface ErrorHit {
  readonly state: string;
  readonly error: string;
  readonly cause?: string;
  readonly timestamp: string;
  readonly executionArn: string;
}

const errorHits = (executionArn: string, visit: StateVisit): ErrorHit[] => {
  const hits = visit.failures.map((f) => ({ state: visit.name, error: f.error ?? f.type, cause: f.cause, timestamp: f.timestamp, executionArn }));
  const ef = visit.executionFailure;
  // A Fail state (or a step whose error failed the execution without an error event of its own).
  if (ef !== undefined && !hits.some((h) => h.error === ef.error)) {
    hits.push({ state: visit.name, error: ef.error ?? 'ExecutionFailed', cause: ef.cause, timestamp: ef.timestamp, executionArn });
  }
  return hits;
};

/** Groups errors by state and name, most frequent first. */
export function errorPatterns(hits: readonly ErrorHit[]): ErrorPattern[] {
  const groups = new Map<string, ErrorHit[]>();
  for (const hit of hits) {
    const key = JSON.stringify([hit.state, hit.error]);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [hit]);
    else group.push(hit);
  }
  return [...groups.values()]
    .map((group): ErrorPattern => {
      const latest = group.reduce((a, b) => (Date.parse(b.timestamp) >= Date.parse(a.timestamp) ? b : a));
      return {
        state: latest.state,
        error: latest.error,
        count: group.length,
        executions: new Set(group.map((h) => h.executionArn)).size,
        latest: { executionArn: latest.executionArn, timestamp: latest.timestamp, ...(latest.cause !== undefined ? { cause: latest.cause } : {}) },
      };
    })
    .sort((a, b) => b.count - a.count || a.state.localeCompare(b.state) || a.error.localeCompare(b.error));
}

const businessCounts = (name: BusinessMetricName, snapshot: MonitoringSnapshot): BusinessMetricCounts => {
  const metric = BUSINESS_METRICS[name];
  const points = datapointsOf(metric, snapshot).filter((p) => p.time >= snapshot.window.since && p.time < snapshot.window.until);
  const by: { [value: string]: number } = {};
  for (const p of points) {
    const key = p.series ?? '(none)';
    by[key] = (by[key] ?? 0) + p.value;
  }
  return { total: points.reduce((n, p) => n + p.value, 0), ...(metric.groupBy !== undefined ? { dimension: metric.groupBy } : {}), by };
};

/** Computes a window's report. */
export function metricsReport(snapshot: MonitoringSnapshot): MetricsReport {
  const { window } = snapshot;
  const succeeded = countOf('ExecutionsSucceeded', snapshot);
  const failed = countOf('ExecutionsFailed', snapshot);
  const timedOut = countOf('ExecutionsTimedOut', snapshot);
  const aborted = countOf('ExecutionsAborted', snapshot);
  const ended = succeeded + failed + timedOut + aborted;
  const durations = datapointsOf(stateMachineMetric('ExecutionTime'), snapshot)
    .filter((p) => p.time >= window.since && p.time < window.until)
    .map((p) => p.value);

  const states = new Map<string, { entered: number; durations: number[]; retries: number; errors: number }>();
  const hits: ErrorHit[] = [];
  let retries = 0;
  for (const { execution, visits } of snapshot.executions) {
    for (const visit of visits) {
      if (visit.enteredMs < window.since || visit.enteredMs >= window.until) continue;
      const s = states.get(visit.name) ?? { entered: 0, durations: [], retries: 0, errors: 0 };
      s.entered += 1;
      if (visit.exitedMs !== undefined) s.durations.push(visit.exitedMs - visit.enteredMs);
      s.retries += retriesOf(visit);
      if (visit.failures.length > 0 || visit.executionFailure !== undefined) {
        const found = errorHits(execution.executionArn, visit);
        s.errors += found.length;
        hits.push(...found);
      }
      retries += retriesOf(visit);
      states.set(visit.name, s);
    }
  }
  const business = {
    PaymentsDeclined: businessCounts('PaymentsDeclined', snapshot),
    OutOfStock: businessCounts('OutOfStock', snapshot),
    OrdersRejected: businessCounts('OrdersRejected', snapshot),
    NotificationsFailed: businessCounts('NotificationsFailed', snapshot),
  };
  return {
    window: { since: new Date(window.since).toISOString(), until: new Date(window.until).toISOString() },
    executions: {
      started: countOf('ExecutionsStarted', snapshot),
      succeeded,
      failed,
      timedOut,
      aborted,
      running: snapshot.executions.filter((e) => e.execution.status === 'RUNNING').length,
      successRate: ended === 0 ? null : (100 * succeeded) / ended,
    },
    durationMs: percentiles(durations),
    retries,
    states: [...states.entries()].map(([state, s]) => ({ state, entered: s.entered, durationMs: percentiles(s.durations), retries: s.retries, errors: s.errors })),
    errors: errorPatterns(hits),
    business,
  };
}
