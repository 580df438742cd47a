/**
 * Monitoring: the CloudWatch dashboard and the alarms, both rendered from the one
 * definition in workflow/monitoring, and the SNS topic the alarms notify.
 */
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { ORDER_WORKFLOW_ALARMS, ORDER_WORKFLOW_DASHBOARD } from '../../workflow/monitoring';
import { COMPONENT_TYPES } from '../componentTypes';
import { metricAlarmSettings } from './alarmArgs';
import { dashboardConsoleUrl, renderDashboardBody } from './dashboardBody';
import type { MetricTargets } from './metricTargets';

/** What monitoring watches and whom it tells. */
export interface OrderMonitoringArgs {
  readonly namePrefix: string;
  readonly targets: pulumi.Input<MetricTargets>;
  /** Subscribed to the alarm topic when given (the address must confirm). */
  readonly alarmEmail?: string;
}

/** The dashboard, the alarms and the alarm topic. */
export class OrderMonitoring extends pulumi.ComponentResource {
  public readonly alarmTopic: aws.sns.Topic;
  public readonly dashboard: aws.cloudwatch.Dashboard;
  public readonly alarms: readonly aws.cloudwatch.MetricAlarm[];
  public readonly dashboardUrl: pulumi.Output<string>;

  public constructor(name: string, args: OrderMonitoringArgs, opts?: pulumi.ComponentResourceOptions) {
    super(COMPONENT_TYPES.monitoring, name, {}, opts);
    const parent = { parent: this };
    const targets = pulumi.output(args.targets);

    // Unencrypted on purpose: CloudWatch cannot publish to a topic under the AWS-managed
    // SNS key, and alarm messages carry no customer data.
    this.alarmTopic = new aws.sns.Topic(`${name}-alarms`, {}, parent);
    if (args.alarmEmail !== undefined) {
      new aws.sns.TopicSubscription(
        `${name}-alarms-email`,
        { topic: this.alarmTopic.arn, protocol: 'email', endpoint: args.alarmEmail },
        parent,
      );
    }

    this.dashboard = new aws.cloudwatch.Dashboard(
      name,
      {
        dashboardName: args.namePrefix,
        dashboardBody: targets.apply((t) => JSON.stringify(renderDashboardBody(ORDER_WORKFLOW_DASHBOARD, t))),
      },
      parent,
    );

    this.alarms = ORDER_WORKFLOW_ALARMS.map((alarm) => {
      const settings = targets.apply((t) => metricAlarmSettings(alarm, t, args.namePrefix));
      return new aws.cloudwatch.MetricAlarm(
        `${name}-${alarm.id}`,
        {
          name: settings.alarmName,
          alarmDescription: settings.alarmDescription,
          namespace: settings.namespace,
          metricName: settings.metricName,
          dimensions: settings.dimensions,
          statistic: settings.statistic,
          extendedStatistic: settings.extendedStatistic,
          period: settings.period,
          evaluationPeriods: settings.evaluationPeriods,
          threshold: settings.threshold,
          comparisonOperator: settings.comparisonOperator,
          treatMissingData: settings.treatMissingData,
          alarmActions: [this.alarmTopic.arn],
          okActions: [this.alarmTopic.arn],
        },
        parent,
      );
    });

    this.dashboardUrl = pulumi
      .all([targets, this.dashboard.dashboardName])
      .apply(([t, dashboardName]) => dashboardConsoleUrl(t.region, dashboardName));
    this.registerOutputs({ dashboardUrl: this.dashboardUrl, alarmTopicArn: this.alarmTopic.arn });
  }
}
