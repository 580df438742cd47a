/** Renders an alarm definition (workflow/monitoring) as a CloudWatch metric alarm's arguments. */
import type { AlarmDefinition } from '../../workflow/monitoring';
import { dimensionsOf, type MetricTargets } from './metricTargets';

/** The metric-alarm settings of one alarm, minus its actions. */
export interface MetricAlarmSettings {
  readonly alarmName: string;
  readonly alarmDescription: string;
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions: { readonly [name: string]: string };
  /** Exactly one of `statistic` and `extendedStatistic` (percentiles) is set. */
  readonly statistic?: string;
  readonly extendedStatistic?: string;
  readonly period: number;
  readonly evaluationPeriods: number;
  readonly threshold: number;
  readonly comparisonOperator: string;
  readonly treatMissingData: 'notBreaching';
}

/** The alarm's CloudWatch settings, named under the stack's prefix. */
export const metricAlarmSettings = (
  alarm: AlarmDefinition,
  targets: MetricTargets,
  namePrefix: string,
): MetricAlarmSettings => ({
  alarmName: `${namePrefix}-${alarm.id}`,
  alarmDescription: alarm.description,
  namespace: alarm.metric.namespace,
  metricName: alarm.metric.metricName,
  dimensions: Object.fromEntries(dimensionsOf(alarm.metric.scope, targets).map((d) => [d.name, d.value])),
  ...(alarm.stat.startsWith('p') ? { extendedStatistic: alarm.stat } : { statistic: alarm.stat }),
  period: alarm.periodSeconds,
  evaluationPeriods: alarm.evaluationPeriods,
  threshold: alarm.threshold,
  comparisonOperator: alarm.comparison,
  // No executions, no datapoints: quiet is healthy.
  treatMissingData: 'notBreaching',
});
