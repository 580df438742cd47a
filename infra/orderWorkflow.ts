/**
 * The whole deployment: data and messaging, the task functions, the state machine, the
 * API and monitoring, wired together. index.ts calls this with the stack's settings.
 */
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { OrderApi } from './api/orderApi';
import type { HandlerBundler } from './bundle/handlerBundler';
import { OrderData } from './data';
import { TaskFunctions } from './functions';
import { OrderMessaging } from './messaging';
import { OrderMonitoring } from './monitoring/orderMonitoring';
import type { StackSettings } from './settings';
import { OrderStateMachine, type DefinitionRenderer } from './stateMachine';
import { allByTaskFunction, byTaskFunction, type TaskFunctionRecord } from './taskFunctionRecord';

/** What the deployment is built from. */
export interface OrderWorkflowArgs {
  readonly settings: StackSettings;
  /** Physical names start with this, e.g. `order-workflow-dev`. */
  readonly namePrefix: string;
  readonly bundler: HandlerBundler;
  readonly renderDefinition: DefinitionRenderer;
}

/** The stack's outputs. */
export interface OrderWorkflowOutputs {
  /** `POST {apiUrl}/orders`, `GET {apiUrl}/orders/{orderId}`. */
  readonly apiUrl: pulumi.Output<string>;
  /** The `x-api-key` header's value (secret). */
  readonly apiKey: pulumi.Output<string>;
  readonly stateMachineArn: pulumi.Output<string>;
  readonly dashboardUrl: pulumi.Output<string>;
  readonly alarmTopicArn: pulumi.Output<string>;
  readonly logGroupNames: pulumi.Output<{
    readonly stateMachine: string;
    readonly apiAccess: string;
    readonly functions: TaskFunctionRecord<string>;
  }>;
}

/** Creates every resource of the order workflow. */
export const deployOrderWorkflow = (args: OrderWorkflowArgs): OrderWorkflowOutputs => {
  const { settings, namePrefix } = args;
  const accountId = aws.getCallerIdentityOutput().accountId;
  const partition = aws.getPartitionOutput().partition;

  const data = new OrderData('order-data');
  const messaging = new OrderMessaging('order-messaging');
  const functions = new TaskFunctions('task-functions', {
    settings,
    namePrefix,
    bundler: args.bundler,
    data: { tables: data.tables, topics: { notificationTopicArn: messaging.notificationTopic } },
  });
  const stateMachine = new OrderStateMachine('order-processing', {
    settings,
    stateMachineName: `${namePrefix}-orders`,
    renderDefinition: args.renderDefinition,
    functionArns: functions.arns,
    accountId,
  });
  const api = new OrderApi('order-api', {
    settings,
    namePrefix,
    stateMachineArn: stateMachine.stateMachine.arn,
    accountId,
    partition,
  });
  const monitoring = new OrderMonitoring('order-monitoring', {
    namePrefix,
    ...(settings.alarmEmail === undefined ? {} : { alarmEmail: settings.alarmEmail }),
    targets: pulumi
      .all([stateMachine.stateMachine.arn, functions.names, api.restApi.name, api.stage.stageName])
      .apply(([stateMachineArn, functionNames, apiName, apiStage]) => ({
        region: settings.region,
        stateMachineArn,
        functionNames,
        apiName,
        apiStage,
      })),
  });

  return {
    apiUrl: api.url,
    apiKey: pulumi.secret(api.apiKey.value),
    stateMachineArn: stateMachine.stateMachine.arn,
    dashboardUrl: monitoring.dashboardUrl,
    alarmTopicArn: monitoring.alarmTopic.arn,
    logGroupNames: pulumi
      .all([
        stateMachine.logGroup.name,
        api.accessLogGroup.name,
        allByTaskFunction(byTaskFunction((fn) => functions.byName[fn].logGroup.name)),
      ])
      .apply(([stateMachineLog, apiAccess, functionLogs]) => ({ stateMachine: stateMachineLog, apiAccess, functions: functionLogs })),
  };
};
