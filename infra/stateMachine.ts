/**
 * The state machine: the workflow's ASL, rendered with the deployed functions' ARNs, with
 * logging to its own log group and X-Ray tracing.
 */
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import type { TaskFunctionName } from '../workflow/contracts';
import { COMPONENT_TYPES } from './componentTypes';
import { stateMachinePolicy } from './iam/grants';
import { trustPolicy } from './iam/policyDocument';
import type { StackSettings } from './settings';

/** Renders the workflow's ASL, resolving each task function to the ARN to invoke. */
export type DefinitionRenderer = (resolve: (fn: TaskFunctionName) => string) => object;

/** What the state machine is built from. */
export interface OrderStateMachineArgs {
  readonly settings: Pick<
    StackSettings,
    'stateMachineType' | 'stateMachineLogLevel' | 'includeExecutionData' | 'logRetentionDays'
  >;
  /** The state machine's physical name (the prefix of its executions' ARNs). */
  readonly stateMachineName: string;
  readonly renderDefinition: DefinitionRenderer;
  readonly functionArns: pulumi.Input<{ readonly [N in TaskFunctionName]: string }>;
  readonly accountId: pulumi.Input<string>;
}

/** The order-processing state machine. */
export class OrderStateMachine extends pulumi.ComponentResource {
  public readonly stateMachine: aws.sfn.StateMachine;
  public readonly logGroup: aws.cloudwatch.LogGroup;
  public readonly role: aws.iam.Role;

  public constructor(name: string, args: OrderStateMachineArgs, opts?: pulumi.ComponentResourceOptions) {
    super(COMPONENT_TYPES.stateMachine, name, {}, opts);
    const { settings } = args;
    const functionArns = pulumi.output(args.functionArns);

    this.logGroup = new aws.cloudwatch.LogGroup(
      name,
      // The vendedlogs prefix keeps the log group's resource policy small (AWS's advice).
      { name: `/aws/vendedlogs/states/${args.stateMachineName}`, retentionInDays: settings.logRetentionDays },
      { parent: this },
    );
    this.role = new aws.iam.Role(
      name,
      { assumeRolePolicy: pulumi.output(args.accountId).apply((account) => JSON.stringify(trustPolicy('states.amazonaws.com', account))) },
      { parent: this },
    );
    const policy = new aws.iam.RolePolicy(
      name,
      {
        role: this.role.id,
        policy: functionArns.apply((arns) => JSON.stringify(stateMachinePolicy(Object.values(arns)))),
      },
      { parent: this },
    );
    this.stateMachine = new aws.sfn.StateMachine(
      name,
      {
        name: args.stateMachineName,
        type: settings.stateMachineType,
        roleArn: this.role.arn,
        definition: functionArns.apply((arns) => JSON.stringify(args.renderDefinition((fn) => arns[fn]))),
        loggingConfiguration: {
          level: settings.stateMachineLogLevel,
          // Off by default: execution input and output hold customer data.
          includeExecutionData: settings.includeExecutionData,
          logDestination: pulumi.interpolate`${this.logGroup.arn}:*`,
        },
        tracingConfiguration: { enabled: true },
      },
      // Step Functions checks at creation that the role can deliver logs.
      { parent: this, dependsOn: [policy] },
    );
    this.registerOutputs({ stateMachineArn: this.stateMachine.arn, logGroupName: this.logGroup.name });
  }
}
