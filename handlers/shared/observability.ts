/**
 * Structured logs and EMF metrics with Powertools for AWS Lambda. Every handler gets one
 * `Observability` (namespace `OrderWorkflow`); tests inject their own instances.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

/** The CloudWatch metrics namespace of every service. */
export const METRICS_NAMESPACE = 'OrderWorkflow';

/** The Lambda invocation context, as Powertools' logger reads it. */
export type LambdaContext = Parameters<Logger['addContext']>[0];

/** A handler's logger and metrics. */
export interface Observability {
  readonly logger: Logger;
  readonly metrics: Metrics;
}

/** Creates the Powertools logger and metrics of one service. */
export function createObservability(serviceName: string): Observability {
  return {
    logger: new Logger({ serviceName }),
    metrics: new Metrics({ namespace: METRICS_NAMESPACE, serviceName }),
  };
}

/**
 * Emits one count with its own dimension (e.g. `OrdersRejected` by `rule`), published at
 * once so that dimensions of different values never mix.
 */
export function countBy(metrics: Metrics, name: string, dimension: string, value: string): void {
  const single = singleMetricOf(metrics);
  try {
    single.addDimension(dimension, value);
    single.addMetric(name, MetricUnit.Count, 1);
  } finally {
    // Publishing clears both; this also covers a metric refused before it was published.
    single.clearDimensions();
    single.clearMetrics();
  }
}

/**
 * One single-metric instance per handler's metrics, reused: `metrics.singleMetric()` builds a
 * new `Metrics` each time, which re-reads (and fails to find) several environment variables.
 * A single metric publishes at once and then clears its metric and dimensions, so each use
 * prints the same EMF line a fresh instance would.
 */
const singleMetrics = new WeakMap<Metrics, Metrics>();

function singleMetricOf(metrics: Metrics): Metrics {
  let single = singleMetrics.get(metrics);
  if (single === undefined) {
    single = metrics.singleMetric();
    singleMetrics.set(metrics, single);
  }
  return single;
}

/** Emits one count on the handler's stored metrics (published at the end of the call). */
export function count(metrics: Metrics, name: string): void {
  metrics.addMetric(name, MetricUnit.Count, 1);
}

/** The name and message of a thrown value, safe to log (our errors never carry card data). */
export function describeError(error: unknown): { name: string; message: string } {
  if (error instanceof Error) return { name: error.name, message: error.message.slice(0, 500) };
  return { name: 'Error', message: String(error).slice(0, 500) };
}

/**
 * Runs one invocation of a step: adds the Lambda context to the logs, logs a failure with
 * the step's name and rethrows it, and always publishes the metrics stored during the call.
 */
export async function observeInvocation<R>(obs: Observability, step: string, run: () => Promise<R>, context?: LambdaContext): Promise<R> {
  // Adds the request id, function name and cold start to every log line of this call.
  if (context !== undefined) obs.logger.addContext(context);
  try {
    return await run();
  } catch (error) {
    const { name, message } = describeError(error);
    obs.logger.error('step failed', { step, outcome: 'ERROR', error: name, errorMessage: message });
    countBy(obs.metrics, 'StepErrors', 'error', name);
    throw error;
  } finally {
    if (obs.metrics.hasStoredMetrics()) obs.metrics.publishStoredMetrics();
  }
}
