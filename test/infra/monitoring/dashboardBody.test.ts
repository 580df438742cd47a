/** Rendering the monitoring definition for CloudWatch: layout, metric rows, alarms. */
import { expect } from 'chai';
import { metricAlarmSettings } from '../../../infra/monitoring/alarmArgs';
import { dashboardConsoleUrl, renderDashboardBody } from '../../../infra/monitoring/dashboardBody';
import { businessMetricSearch, type MetricTargets } from '../../../infra/monitoring/metricTargets';
import { byTaskFunction } from '../../../infra/taskFunctionRecord';
import {
  BUSINESS_METRICS,
  ORDER_WORKFLOW_ALARMS,
  ORDER_WORKFLOW_DASHBOARD,
  stateMachineMetric,
  type DashboardDefinition,
} from '../../../workflow/monitoring';

const targets: MetricTargets = {
  region: 'eu-west-1',
  stateMachineArn: 'arn:aws:states:eu-west-1:111122223333:stateMachine:orders',
  functionNames: byTaskFunction((fn) => `fn-${fn}`),
  apiName: 'orders-api',
  apiStage: 'v1',
};

describe('Function: renderDashboardBody', () => {
  const body = renderDashboardBody(ORDER_WORKFLOW_DASHBOARD, targets);

  it('renders one widget per definition widget, inside the 24-column grid, without overlaps', () => {
    expect(body.widgets).to.have.length(ORDER_WORKFLOW_DASHBOARD.widgets.length);
    const cells = new Set<string>();
    for (const w of body.widgets) {
      expect(w.x + w.width).to.be.at.most(24);
      for (let x = w.x; x < w.x + w.width; x += 1) {
        for (let y = w.y; y < w.y + w.height; y += 1) {
          expect(cells.has(`${x},${y}`), `overlap at ${x},${y}`).to.equal(false);
          cells.add(`${x},${y}`);
        }
      }
    }
  });

  it('wraps a widget that does not fit to the next row', () => {
    const definition: DashboardDefinition = {
      title: 't',
      periodSeconds: 60,
      widgets: [
        { kind: 'text', markdown: 'a', width: 12 },
        { kind: 'text', markdown: 'b', width: 8 },
        { kind: 'text', markdown: 'c', width: 8 },
      ],
    };
    expect(renderDashboardBody(definition, targets).widgets.map((w) => [w.x, w.y])).to.deep.equal([
      [0, 0],
      [12, 0],
      [0, 2],
    ]);
  });

  it("keys state machine, function and API metrics by the deployed resources' dimensions", () => {
    const rows = body.widgets.flatMap((w) => (Array.isArray(w.properties['metrics']) ? w.properties['metrics'] : []));
    expect(rows).to.deep.include([
      'AWS/States',
      'ExecutionsStarted',
      'StateMachineArn',
      targets.stateMachineArn,
      { id: 'started', label: 'Started', stat: 'Sum' },
    ]);
    expect(rows).to.deep.include(['AWS/Lambda', 'Errors', 'FunctionName', 'fn-chargePayment', { id: 'chargePayment', label: 'chargePayment', stat: 'Sum' }]);
    expect(rows).to.deep.include(['AWS/ApiGateway', '5XXError', 'ApiName', 'orders-api', 'Stage', 'v1', { id: 'serverErrors', label: '5xx', stat: 'Sum' }]);
    expect(rows).to.deep.include([{ expression: '100 * (succeeded) / (succeeded + failed + timedOut + aborted)', id: 'successRate', label: 'Succeeded / finished' }]);
  });

  it('finds business metrics by search, one series per dimension value', () => {
    expect(businessMetricSearch(BUSINESS_METRICS.PaymentsDeclined, 'Sum', 300)).to.equal(
      `SEARCH('{OrderWorkflow,reason,service} MetricName="PaymentsDeclined"', 'Sum', 300)`,
    );
  });

  it('links to the dashboard in the console', () => {
    expect(dashboardConsoleUrl('eu-west-1', 'order-workflow-dev')).to.equal(
      'https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#dashboards:name=order-workflow-dev',
    );
  });
});

describe('Function: metricAlarmSettings', () => {
  it('binds an alarm to its resource and names it under the prefix', () => {
    const [first] = ORDER_WORKFLOW_ALARMS;
    expect(first).not.to.equal(undefined);
    if (first === undefined) return;
    expect(metricAlarmSettings(first, targets, 'order-workflow-dev')).to.deep.equal({
      alarmName: 'order-workflow-dev-executions-failed',
      alarmDescription: first.description,
      namespace: 'AWS/States',
      metricName: 'ExecutionsFailed',
      dimensions: { StateMachineArn: targets.stateMachineArn },
      statistic: 'Sum',
      period: 300,
      evaluationPeriods: 1,
      threshold: 1,
      comparisonOperator: 'GreaterThanOrEqualToThreshold',
      treatMissingData: 'notBreaching',
    });
  });

  it('uses an extended statistic for a percentile', () => {
    const settings = metricAlarmSettings(
      { id: 'slow', description: 'slow', metric: stateMachineMetric('ExecutionTime'), stat: 'p99', periodSeconds: 60, evaluationPeriods: 3, threshold: 5000, comparison: 'GreaterThanThreshold' },
      targets,
      'p',
    );
    expect(settings).to.deep.include({ extendedStatistic: 'p99' });
    expect(settings).not.to.have.property('statistic');
  });
});
