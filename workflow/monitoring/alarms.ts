/**
 * The order workflow's alarms, as data. infra/ creates one CloudWatch alarm per
 * definition, notifying the alarm topic; local/ can evaluate the same thresholds.
 */
import { TASK_FUNCTION_NAMES } from '../contracts';
import { apiMetric, functionMetric, stateMachineMetric, type ServiceMetric, type Statistic } from './metrics';

/** How the statistic is compared with the threshold. */
export type AlarmComparison = 'GreaterThanOrEqualToThreshold' | 'GreaterThanThreshold';

/** One alarm: it fires when `stat(metric)` over a period compares true with `threshold`. */
export interface AlarmDefinition {
  /** Unique, kebab-case; names the alarm's resource. */
  readonly id: string;
  /** What it means when it fires, for the person paged. */
  readonly description: string;
  readonly metric: ServiceMetric;
  readonly stat: Statistic;
  readonly periodSeconds: number;
  readonly evaluationPeriods: number;
  readonly threshold: number;
  readonly comparison: AlarmComparison;
}

const anyInFiveMinutes = {
  stat: 'Sum',
  periodSeconds: 300,
  evaluationPeriods: 1,
  threshold: 1,
  comparison: 'GreaterThanOrEqualToThreshold',
} as const;

/** Every alarm of the order workflow. */
export const ORDER_WORKFLOW_ALARMS: readonly AlarmDefinition[] = [
  {
    id: 'executions-failed',
    description: 'An order execution failed: a step raised an error the workflow did not handle.',
    metric: stateMachineMetric('ExecutionsFailed'),
    ...anyInFiveMinutes,
  },
  {
    id: 'executions-timed-out',
    description: 'An order execution timed out before reaching a terminal state.',
    metric: stateMachineMetric('ExecutionsTimedOut'),
    ...anyInFiveMinutes,
  },
  {
    id: 'executions-throttled',
    description: 'Step Functions throttled execution starts or state transitions.',
    metric: stateMachineMetric('ExecutionThrottled'),
    ...anyInFiveMinutes,
  },
  {
    id: 'api-5xx',
    description: 'The order API answered with a 5xx status.',
    metric: apiMetric('5XXError'),
    ...anyInFiveMinutes,
  },
  ...TASK_FUNCTION_NAMES.map(
    (fn): AlarmDefinition => ({
      id: `function-errors-${fn}`,
      description: `The ${fn} function failed an invocation (an unhandled error or a timeout).`,
      metric: functionMetric('Errors', fn),
      ...anyInFiveMinutes,
    }),
  ),
];
