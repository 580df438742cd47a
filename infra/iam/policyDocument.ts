/**
 * IAM policy documents as plain data. Every document the stack attaches is built here, so
 * that one test can walk them all for wildcards.
 */

/** One `Allow` statement. `Sid` names what it grants. */
export interface PolicyStatement {
  readonly Sid: string;
  readonly Effect: 'Allow';
  readonly Action: readonly string[];
  readonly Resource: readonly string[];
}

/** An identity policy. */
export interface PolicyDocument {
  readonly Version: '2012-10-17';
  readonly Statement: readonly PolicyStatement[];
}

/** A role's trust policy: which service may assume it, on behalf of which account. */
export interface TrustPolicyDocument {
  readonly Version: '2012-10-17';
  readonly Statement: readonly {
    readonly Effect: 'Allow';
    readonly Principal: { readonly Service: string };
    readonly Action: 'sts:AssumeRole';
    readonly Condition?: { readonly StringEquals: { readonly 'aws:SourceAccount': string } };
  }[];
}

/**
 * The statements whose `Resource` is `*` because AWS offers nothing narrower, by `Sid`.
 * Any other wildcard is a bug (a test fails on it).
 */
export const REQUIRED_WILDCARDS = {
  TracesToXRay:
    'X-Ray trace and sampling actions (PutTraceSegments, PutTelemetryRecords, GetSamplingRules, GetSamplingTargets) do not support resource-level permissions.',
  LogDelivery:
    'Step Functions logging goes through CloudWatch Logs vended-log delivery; its actions (Create/Get/Update/Delete/ListLogDeliveries, PutResourcePolicy, DescribeResourcePolicies, DescribeLogGroups) are not resource-scoped, and AWS documents them with Resource "*".',
  ApiGatewayAccountLogs:
    "API Gateway's account-wide CloudWatch role writes the execution and access logs of every API in the account and region, into log groups it creates itself; scoped here to the account and region's log groups.",
} as const;

/** The `Sid` of a statement that needs a wildcard. */
export type RequiredWildcardSid = keyof typeof REQUIRED_WILDCARDS;

/** Wraps statements into a document. */
export const policyDocument = (...statements: readonly PolicyStatement[]): PolicyDocument => ({
  Version: '2012-10-17',
  Statement: statements,
});

/** The trust policy that lets one AWS service assume a role, for this account only when given. */
export const trustPolicy = (service: string, sourceAccount?: string): TrustPolicyDocument => ({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { Service: service },
      Action: 'sts:AssumeRole',
      ...(sourceAccount === undefined ? {} : { Condition: { StringEquals: { 'aws:SourceAccount': sourceAccount } } }),
    },
  ],
});

/** Sending trace segments to X-Ray (Lambda's active tracing). */
export const xrayWriteStatement = (): PolicyStatement => ({
  Sid: 'TracesToXRay',
  Effect: 'Allow',
  Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'],
  Resource: ['*'],
});

/** Sending traces and reading sampling rules (Step Functions' X-Ray tracing). */
export const xrayTracingStatement = (): PolicyStatement => ({
  Sid: 'TracesToXRay',
  Effect: 'Allow',
  Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'xray:GetSamplingRules', 'xray:GetSamplingTargets'],
  Resource: ['*'],
});

/** Writing log streams of exactly one log group. */
export const writeLogGroupStatement = (logGroupArn: string): PolicyStatement => ({
  Sid: 'WriteOwnLogs',
  Effect: 'Allow',
  Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
  // The group itself, and its streams (log-stream ARNs extend the group's ARN).
  Resource: [logGroupArn, `${logGroupArn}:*`],
});

/** Vended-log delivery, which Step Functions' logging configuration needs. */
export const logDeliveryStatement = (): PolicyStatement => ({
  Sid: 'LogDelivery',
  Effect: 'Allow',
  Action: [
    'logs:CreateLogDelivery',
    'logs:GetLogDelivery',
    'logs:UpdateLogDelivery',
    'logs:DeleteLogDelivery',
    'logs:ListLogDeliveries',
    'logs:PutResourcePolicy',
    'logs:DescribeResourcePolicies',
    'logs:DescribeLogGroups',
  ],
  Resource: ['*'],
});
