/**
 * The metrics the order workflow is watched by: which service emits each, under which
 * name, and from which of the stack's resources. Pure data: the CloudWatch dashboard
 * (infra/) and the local web dashboard (local/) both render from these definitions.
 */
import type { TaskFunctionName } from '../contracts';

/** The namespace the handlers' EMF business metrics are published under. */
export const BUSINESS_METRICS_NAMESPACE = 'OrderWorkflow';

/**
 * The dimension Powertools Metrics adds to every business metric (from
 * `POWERTOOLS_SERVICE_NAME`). A business metric's full dimension set is this one plus its
 * `groupBy` dimension, if any.
 */
export const SERVICE_DIMENSION = 'service';

/** The statistic a query aggregates datapoints with. */
export type Statistic = 'Sum' | 'Average' | 'Maximum' | 'Minimum' | 'SampleCount' | 'p50' | 'p90' | 'p99';

/**
 * Which resource of the stack a service metric belongs to. The renderer turns a scope
 * into that resource's dimensions (e.g. `StateMachineArn`, `FunctionName`, `ApiName` and
 * `Stage`).
 */
export type MetricScope =
  | { readonly resource: 'stateMachine' }
  | { readonly resource: 'function'; readonly fn: TaskFunctionName }
  | { readonly resource: 'api' };

/** Step Functions' execution metrics (namespace `AWS/States`, dimension `StateMachineArn`). */
export type StateMachineMetricName =
  | 'ExecutionsStarted'
  | 'ExecutionsSucceeded'
  | 'ExecutionsFailed'
  | 'ExecutionsTimedOut'
  | 'ExecutionsAborted'
  | 'ExecutionThrottled'
  | 'ExecutionTime';

/** Lambda's function metrics (namespace `AWS/Lambda`, dimension `FunctionName`). */
export type FunctionMetricName = 'Invocations' | 'Errors' | 'Duration' | 'Throttles';

/** API Gateway's REST API metrics (namespace `AWS/ApiGateway`, dimensions `ApiName`, `Stage`). */
export type ApiMetricName = 'Count' | '4XXError' | '5XXError' | 'Latency' | 'IntegrationLatency';

/** A metric an AWS service emits for one of the stack's resources. */
export type ServiceMetric =
  | {
      readonly kind: 'service';
      readonly namespace: 'AWS/States';
      readonly metricName: StateMachineMetricName;
      readonly scope: { readonly resource: 'stateMachine' };
    }
  | {
      readonly kind: 'service';
      readonly namespace: 'AWS/Lambda';
      readonly metricName: FunctionMetricName;
      readonly scope: { readonly resource: 'function'; readonly fn: TaskFunctionName };
    }
  | {
      readonly kind: 'service';
      readonly namespace: 'AWS/ApiGateway';
      readonly metricName: ApiMetricName;
      readonly scope: { readonly resource: 'api' };
    };

/** The business metrics the handlers emit (EMF, namespace {@link BUSINESS_METRICS_NAMESPACE}). */
export type BusinessMetricName = 'PaymentsDeclined' | 'OutOfStock' | 'OrdersRejected' | 'NotificationsFailed';

/**
 * A business metric, emitted by one task function. With `groupBy`, each datapoint also
 * carries that dimension (e.g. the decline `reason`) and a query shows one series per value.
 */
export interface BusinessMetric {
  readonly kind: 'business';
  readonly namespace: typeof BUSINESS_METRICS_NAMESPACE;
  readonly metricName: BusinessMetricName;
  /** The task function whose handler emits it. */
  readonly emittedBy: TaskFunctionName;
  /** The extra dimension, one series per value; absent for an ungrouped count. */
  readonly groupBy?: string;
}

/** Any metric the dashboard or an alarm reads. */
export type Metric = ServiceMetric | BusinessMetric;

/** A State Machine execution metric. */
export const stateMachineMetric = (metricName: StateMachineMetricName): ServiceMetric => ({
  kind: 'service',
  namespace: 'AWS/States',
  metricName,
  scope: { resource: 'stateMachine' },
});

/** A Lambda metric of one task function. */
export const functionMetric = (metricName: FunctionMetricName, fn: TaskFunctionName): ServiceMetric => ({
  kind: 'service',
  namespace: 'AWS/Lambda',
  metricName,
  scope: { resource: 'function', fn },
});

/** An API Gateway metric of the order API's stage. */
export const apiMetric = (metricName: ApiMetricName): ServiceMetric => ({
  kind: 'service',
  namespace: 'AWS/ApiGateway',
  metricName,
  scope: { resource: 'api' },
});

/**
 * The handlers' business metrics, by name: who emits each and what it is grouped by.
 * The handlers must emit exactly these names and dimensions (a test checks their bundles).
 */
export const BUSINESS_METRICS: { readonly [N in BusinessMetricName]: BusinessMetric } = {
  PaymentsDeclined: {
    kind: 'business',
    namespace: BUSINESS_METRICS_NAMESPACE,
    metricName: 'PaymentsDeclined',
    emittedBy: 'chargePayment',
    groupBy: 'reason',
  },
  OutOfStock: {
    kind: 'business',
    namespace: BUSINESS_METRICS_NAMESPACE,
    metricName: 'OutOfStock',
    emittedBy: 'reserveInventory',
    groupBy: 'sku',
  },
  OrdersRejected: {
    kind: 'business',
    namespace: BUSINESS_METRICS_NAMESPACE,
    metricName: 'OrdersRejected',
    emittedBy: 'validateOrder',
    groupBy: 'rule',
  },
  NotificationsFailed: {
    kind: 'business',
    namespace: BUSINESS_METRICS_NAMESPACE,
    metricName: 'NotificationsFailed',
    emittedBy: 'notifyCustomer',
    groupBy: 'outcome',
  },
};
