/**
 * What each role of the stack may do, as policy documents. Each takes the exact ARNs it
 * grants on, so that nothing is granted on a resource outside the stack.
 */
import {
  logDeliveryStatement,
  policyDocument,
  writeLogGroupStatement,
  xrayTracingStatement,
  xrayWriteStatement,
  type PolicyDocument,
  type PolicyStatement,
} from './policyDocument';

/** A DynamoDB table a function reads or writes, and the actions it needs on it. */
export interface TableGrant {
  readonly tableArn: string;
  readonly actions: readonly `dynamodb:${string}`[];
}

/** An SNS topic a function publishes to. */
export interface TopicGrant {
  readonly topicArn: string;
}

/** What one task function reaches. */
export interface FunctionGrants {
  readonly logGroupArn: string;
  readonly tables: readonly TableGrant[];
  readonly topics: readonly TopicGrant[];
}

/** A task function's role: its own log group, its own tables and topics, X-Ray. */
export const taskFunctionPolicy = (grants: FunctionGrants): PolicyDocument =>
  policyDocument(
    writeLogGroupStatement(grants.logGroupArn),
    xrayWriteStatement(),
    ...grants.tables.map(
      (table, index): PolicyStatement => ({
        Sid: `OwnTable${index}`,
        Effect: 'Allow',
        Action: [...table.actions],
        Resource: [table.tableArn],
      }),
    ),
    ...(grants.topics.length === 0
      ? []
      : [
          {
            Sid: 'PublishOwnTopic',
            Effect: 'Allow' as const,
            Action: ['sns:Publish'],
            Resource: grants.topics.map((topic) => topic.topicArn),
          },
        ]),
  );

/** The state machine's role: invoke exactly its task functions, log, trace. */
export const stateMachinePolicy = (functionArns: readonly string[]): PolicyDocument =>
  policyDocument(
    {
      Sid: 'InvokeTaskFunctions',
      Effect: 'Allow',
      Action: ['lambda:InvokeFunction'],
      Resource: [...functionArns],
    },
    logDeliveryStatement(),
    xrayTracingStatement(),
  );

/**
 * The execution ARN prefix of a state machine: its executions' ARNs are this plus the
 * execution name (`arn:aws:states:r:a:execution:<machine>:<name>`).
 */
export const executionArnPrefix = (stateMachineArn: string): string =>
  `${stateMachineArn.replace(':stateMachine:', ':execution:')}:`;

/** The API's role: start and describe executions of exactly one state machine. */
export const orderApiPolicy = (stateMachineArn: string): PolicyDocument =>
  policyDocument(
    {
      Sid: 'StartOrderExecutions',
      Effect: 'Allow',
      Action: ['states:StartExecution'],
      Resource: [stateMachineArn],
    },
    {
      Sid: 'DescribeOrderExecutions',
      Effect: 'Allow',
      Action: ['states:DescribeExecution'],
      // Execution names are the order ids, known only at run time.
      Resource: [`${executionArnPrefix(stateMachineArn)}*`],
    },
  );

/** API Gateway's account-wide logging role (needed for access logs). */
export const apiGatewayAccountLogsPolicy = (partition: string, region: string, accountId: string): PolicyDocument =>
  policyDocument({
    Sid: 'ApiGatewayAccountLogs',
    Effect: 'Allow',
    Action: [
      'logs:CreateLogGroup',
      'logs:CreateLogStream',
      'logs:DescribeLogGroups',
      'logs:DescribeLogStreams',
      'logs:PutLogEvents',
      'logs:GetLogEvents',
      'logs:FilterLogEvents',
    ],
    Resource: [`arn:${partition}:logs:${region}:${accountId}:log-group:*`],
  });
