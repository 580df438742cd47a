/**
 * The task functions: one Lambda per handler, each with its own log group, role and
 * exactly the tables and topic it uses.
 */
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import type { TaskFunctionName } from '../workflow/contracts';
import { BUSINESS_METRICS_NAMESPACE } from '../workflow/monitoring';
import type { HandlerBundler } from './bundle/handlerBundler';
import { COMPONENT_TYPES } from './componentTypes';
import { FUNCTION_ACCESS, environmentVariableOf, type DataResources } from './functionAccess';
import { taskFunctionPolicy } from './iam/grants';
import { trustPolicy } from './iam/policyDocument';
import type { StackSettings } from './settings';
import { allByTaskFunction, byTaskFunction, type TaskFunctionRecord } from './taskFunctionRecord';

/** What the task functions are built from. */
export interface TaskFunctionsArgs {
  readonly settings: Pick<StackSettings, 'lambdaMemoryMb' | 'lambdaTimeoutSeconds' | 'logRetentionDays' | 'functionLogLevel'>;
  /** Physical names start with this (e.g. `order-workflow-dev`). */
  readonly namePrefix: string;
  readonly bundler: HandlerBundler;
  readonly data: DataResources;
}

/** One deployed task function. */
export interface TaskFunction {
  readonly function: aws.lambda.Function;
  readonly logGroup: aws.cloudwatch.LogGroup;
  readonly role: aws.iam.Role;
}

/** The six task functions. */
export class TaskFunctions extends pulumi.ComponentResource {
  public readonly byName: TaskFunctionRecord<TaskFunction>;
  /** Every function's ARN, by logical name: what the state machine's definition resolves. */
  public readonly arns: pulumi.Output<TaskFunctionRecord<string>>;
  /** Every function's physical name, by logical name: what CloudWatch metrics are keyed by. */
  public readonly names: pulumi.Output<TaskFunctionRecord<string>>;

  public constructor(name: string, args: TaskFunctionsArgs, opts?: pulumi.ComponentResourceOptions) {
    super(COMPONENT_TYPES.functions, name, {}, opts);
    const byName = byTaskFunction((fn) => this.taskFunction(name, fn, args));
    this.byName = byName;
    this.arns = allByTaskFunction(byTaskFunction((fn) => byName[fn].function.arn));
    this.names = allByTaskFunction(byTaskFunction((fn) => byName[fn].function.name));
    this.registerOutputs({ arns: this.arns, names: this.names });
  }

  private taskFunction(name: string, fn: TaskFunctionName, args: TaskFunctionsArgs): TaskFunction {
    const { settings } = args;
    const functionName = `${args.namePrefix}-${fn}`;
    const access = FUNCTION_ACCESS[fn];
    const bundle = args.bundler(fn);

    const logGroup = new aws.cloudwatch.LogGroup(
      `${name}-${fn}`,
      { name: `/aws/lambda/${functionName}`, retentionInDays: settings.logRetentionDays },
      { parent: this },
    );
    const role = new aws.iam.Role(
      `${name}-${fn}`,
      { assumeRolePolicy: JSON.stringify(trustPolicy('lambda.amazonaws.com')) },
      { parent: this },
    );
    const tables = access.tables.map((grant) => ({ arn: args.data.tables[grant.table].arn, actions: grant.actions }));
    const policy = new aws.iam.RolePolicy(
      `${name}-${fn}`,
      {
        role: role.id,
        policy: pulumi
          .all([logGroup.arn, pulumi.all(tables.map((t) => t.arn)), pulumi.all(access.topics.map((topic) => args.data.topics[topic].arn))])
          .apply(([logGroupArn, tableArns, topicArns]) =>
            JSON.stringify(
              taskFunctionPolicy({
                logGroupArn,
                tables: tableArns.map((tableArn, index) => ({ tableArn, actions: tables[index]?.actions ?? [] })),
                topics: topicArns.map((topicArn) => ({ topicArn })),
              }),
            ),
          ),
      },
      { parent: this },
    );

    const environment: { [key: string]: pulumi.Input<string> } = {
      POWERTOOLS_SERVICE_NAME: access.serviceName,
      POWERTOOLS_METRICS_NAMESPACE: BUSINESS_METRICS_NAMESPACE,
      POWERTOOLS_LOG_LEVEL: settings.functionLogLevel,
      ...Object.fromEntries(access.tables.map((grant) => [environmentVariableOf(grant.table), args.data.tables[grant.table].name])),
      ...Object.fromEntries(access.topics.map((topic) => [environmentVariableOf(topic), args.data.topics[topic].arn])),
    };

    const lambda = new aws.lambda.Function(
      `${name}-${fn}`,
      {
        name: functionName,
        description: `Order workflow task ${fn}`,
        runtime: aws.lambda.Runtime.NodeJS22dX,
        architectures: ['arm64'],
        handler: bundle.handler,
        code: new pulumi.asset.FileArchive(bundle.dir),
        memorySize: settings.lambdaMemoryMb,
        timeout: settings.lambdaTimeoutSeconds,
        role: role.arn,
        environment: { variables: environment },
        tracingConfig: { mode: 'Active' },
        loggingConfig: {
          logFormat: 'JSON',
          logGroup: logGroup.name,
          applicationLogLevel: settings.functionLogLevel,
          systemLogLevel: 'WARN',
        },
      },
      // The role must be able to write logs before the first invocation.
      { parent: this, dependsOn: [policy, logGroup] },
    );
    return { function: lambda, logGroup, role };
  }
}
