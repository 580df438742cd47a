/**
 * Binds the monitoring definition's metric scopes to the deployed resources: the
 * dimensions CloudWatch keys each service's metrics by.
 */
import type { TaskFunctionName } from '../../workflow/contracts';
import { SERVICE_DIMENSION, type BusinessMetric, type MetricScope } from '../../workflow/monitoring';

/** The deployed resources' identifiers that metrics are keyed by. */
export interface MetricTargets {
  readonly region: string;
  readonly stateMachineArn: string;
  readonly functionNames: { readonly [N in TaskFunctionName]: string };
  readonly apiName: string;
  readonly apiStage: string;
}

/** A dimension name and value. */
export interface Dimension {
  readonly name: string;
  readonly value: string;
}

/** The dimensions of a service metric of the given scope. */
export const dimensionsOf = (scope: MetricScope, targets: MetricTargets): readonly Dimension[] => {
  switch (scope.resource) {
    case 'stateMachine':
      return [{ name: 'StateMachineArn', value: targets.stateMachineArn }];
    case 'function':
      return [{ name: 'FunctionName', value: targets.functionNames[scope.fn] }];
    case 'api':
      return [
        { name: 'ApiName', value: targets.apiName },
        { name: 'Stage', value: targets.apiStage },
      ];
  }
};

/**
 * The CloudWatch search that finds every series of a business metric, whatever the
 * emitting service's name: one series per value of its `groupBy` dimension.
 */
export const businessMetricSearch = (metric: BusinessMetric, stat: string, periodSeconds: number): string => {
  const schema = [metric.namespace, ...(metric.groupBy === undefined ? [] : [metric.groupBy]), SERVICE_DIMENSION].join(',');
  return `SEARCH('{${schema}} MetricName="${metric.metricName}"', '${stat}', ${periodSeconds})`;
};
