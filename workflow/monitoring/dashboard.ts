/**
 * The order workflow's dashboard, as data: which widgets, in which order, each querying
 * which metrics. infra/ renders it as a CloudWatch dashboard body; local/ renders it as
 * the web dashboard.
 */
import { TASK_FUNCTION_NAMES } from '../contracts';
import {
  BUSINESS_METRICS,
  apiMetric,
  functionMetric,
  stateMachineMetric,
  type Metric,
  type Statistic,
} from './metrics';

/** One metric, aggregated with one statistic. `id` is a valid CloudWatch query id. */
export interface MetricQuery {
  readonly kind: 'metric';
  /** Starts with a lowercase letter; letters, digits and underscores only. */
  readonly id: string;
  readonly metric: Metric;
  readonly stat: Statistic;
  readonly label: string;
  /** False for an input of an expression that is not drawn itself. @default true */
  readonly visible?: boolean;
}

/** `100 * sum(numerator) / sum(denominator)`, over other queries of the same widget. */
export interface PercentQuery {
  readonly kind: 'percent';
  readonly id: string;
  readonly label: string;
  readonly numerator: readonly string[];
  readonly denominator: readonly string[];
}

/** A query of a graph widget. */
export type Query = MetricQuery | PercentQuery;

/** Widths are in CloudWatch's 24-column grid. */
export type WidgetWidth = 6 | 8 | 12 | 24;

/** A chart: time series, or the latest value as a number. */
export interface GraphWidget {
  readonly kind: 'graph';
  readonly title: string;
  readonly view: 'timeSeries' | 'singleValue';
  readonly queries: readonly Query[];
  readonly width: WidgetWidth;
  /** The left Y axis' label, e.g. the unit. */
  readonly unit?: string;
}

/** A heading or note, in Markdown. */
export interface TextWidget {
  readonly kind: 'text';
  readonly markdown: string;
  readonly width: WidgetWidth;
}

/** Any widget. */
export type Widget = GraphWidget | TextWidget;

/** A dashboard: widgets laid out left to right, top to bottom. */
export interface DashboardDefinition {
  readonly title: string;
  /** The period every query aggregates over, in seconds. */
  readonly periodSeconds: number;
  readonly widgets: readonly Widget[];
}

const FIVE_MINUTES = 300;

const executionsWidget: GraphWidget = {
  kind: 'graph',
  title: 'Executions',
  view: 'timeSeries',
  width: 12,
  unit: 'Count',
  queries: [
    { kind: 'metric', id: 'started', metric: stateMachineMetric('ExecutionsStarted'), stat: 'Sum', label: 'Started' },
    { kind: 'metric', id: 'succeeded', metric: stateMachineMetric('ExecutionsSucceeded'), stat: 'Sum', label: 'Succeeded' },
    { kind: 'metric', id: 'failed', metric: stateMachineMetric('ExecutionsFailed'), stat: 'Sum', label: 'Failed' },
    { kind: 'metric', id: 'timedOut', metric: stateMachineMetric('ExecutionsTimedOut'), stat: 'Sum', label: 'Timed out' },
    { kind: 'metric', id: 'throttled', metric: stateMachineMetric('ExecutionThrottled'), stat: 'Sum', label: 'Throttled' },
  ],
};

const successRateWidget: GraphWidget = {
  kind: 'graph',
  title: 'Success rate',
  view: 'singleValue',
  width: 6,
  unit: '%',
  queries: [
    { kind: 'metric', id: 'succeeded', metric: stateMachineMetric('ExecutionsSucceeded'), stat: 'Sum', label: 'Succeeded', visible: false },
    { kind: 'metric', id: 'failed', metric: stateMachineMetric('ExecutionsFailed'), stat: 'Sum', label: 'Failed', visible: false },
    { kind: 'metric', id: 'timedOut', metric: stateMachineMetric('ExecutionsTimedOut'), stat: 'Sum', label: 'Timed out', visible: false },
    { kind: 'metric', id: 'aborted', metric: stateMachineMetric('ExecutionsAborted'), stat: 'Sum', label: 'Aborted', visible: false },
    {
      kind: 'percent',
      id: 'successRate',
      label: 'Succeeded / finished',
      numerator: ['succeeded'],
      denominator: ['succeeded', 'failed', 'timedOut', 'aborted'],
    },
  ],
};

const executionTimeWidget: GraphWidget = {
  kind: 'graph',
  title: 'Execution time',
  view: 'timeSeries',
  width: 6,
  unit: 'Milliseconds',
  queries: (['p50', 'p90', 'p99'] as const).map((stat) => ({
    kind: 'metric' as const,
    id: stat,
    metric: stateMachineMetric('ExecutionTime'),
    stat,
    label: stat,
  })),
};

/** One series per task function. */
const perFunction = (
  title: string,
  metricName: 'Errors' | 'Duration' | 'Throttles',
  stat: Statistic,
  unit: string,
): GraphWidget => ({
  kind: 'graph',
  title,
  view: 'timeSeries',
  width: 8,
  unit,
  queries: TASK_FUNCTION_NAMES.map((fn) => ({
    kind: 'metric' as const,
    id: fn,
    metric: functionMetric(metricName, fn),
    stat,
    label: fn,
  })),
});

const apiRequestsWidget: GraphWidget = {
  kind: 'graph',
  title: 'API requests',
  view: 'timeSeries',
  width: 12,
  unit: 'Count',
  queries: [
    { kind: 'metric', id: 'requests', metric: apiMetric('Count'), stat: 'Sum', label: 'Requests' },
    { kind: 'metric', id: 'clientErrors', metric: apiMetric('4XXError'), stat: 'Sum', label: '4xx' },
    { kind: 'metric', id: 'serverErrors', metric: apiMetric('5XXError'), stat: 'Sum', label: '5xx' },
  ],
};

const apiLatencyWidget: GraphWidget = {
  kind: 'graph',
  title: 'API latency',
  view: 'timeSeries',
  width: 12,
  unit: 'Milliseconds',
  queries: (['p50', 'p90', 'p99'] as const).map((stat) => ({
    kind: 'metric' as const,
    id: stat,
    metric: apiMetric('Latency'),
    stat,
    label: stat,
  })),
};

/** A business metric's count, one series per value of its `groupBy` dimension. */
const businessWidget = (title: string, metric: Metric): GraphWidget => ({
  kind: 'graph',
  title,
  view: 'timeSeries',
  width: 6,
  unit: 'Count',
  queries: [{ kind: 'metric', id: 'm', metric, stat: 'Sum', label: title }],
});

/** THE dashboard of the order workflow. */
export const ORDER_WORKFLOW_DASHBOARD: DashboardDefinition = {
  title: 'Order workflow',
  periodSeconds: FIVE_MINUTES,
  widgets: [
    { kind: 'text', width: 24, markdown: '## Executions\nEvery order accepted by the API starts one execution.' },
    executionsWidget,
    successRateWidget,
    executionTimeWidget,
    { kind: 'text', width: 24, markdown: '## Task functions' },
    perFunction('Function errors', 'Errors', 'Sum', 'Count'),
    perFunction('Function duration (average)', 'Duration', 'Average', 'Milliseconds'),
    perFunction('Function throttles', 'Throttles', 'Sum', 'Count'),
    { kind: 'text', width: 24, markdown: '## API' },
    apiRequestsWidget,
    apiLatencyWidget,
    { kind: 'text', width: 24, markdown: '## Business outcomes' },
    businessWidget('Payments declined by reason', BUSINESS_METRICS.PaymentsDeclined),
    businessWidget('Out of stock by SKU', BUSINESS_METRICS.OutOfStock),
    businessWidget('Orders rejected by rule', BUSINESS_METRICS.OrdersRejected),
    businessWidget('Notifications failed by outcome', BUSINESS_METRICS.NotificationsFailed),
  ],
};
