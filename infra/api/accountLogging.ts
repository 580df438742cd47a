/**
 * API Gateway's account-wide CloudWatch Logs role: a stage's access logging fails to
 * deploy until the account (per region) has one.
 */
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { apiGatewayAccountLogsPolicy } from '../iam/grants';
import { trustPolicy } from '../iam/policyDocument';

/** Where the account role is created. */
export interface AccountLoggingArgs {
  readonly region: string;
  readonly accountId: pulumi.Input<string>;
  readonly partition: pulumi.Input<string>;
}

/** Creates the role and sets it as the account's API Gateway CloudWatch role. */
export const createAccountLogging = (name: string, args: AccountLoggingArgs, parent: pulumi.Resource): aws.apigateway.Account => {
  const role = new aws.iam.Role(
    `${name}-account-logs`,
    { assumeRolePolicy: JSON.stringify(trustPolicy('apigateway.amazonaws.com')) },
    { parent },
  );
  const policy = new aws.iam.RolePolicy(
    `${name}-account-logs`,
    {
      role: role.id,
      policy: pulumi
        .all([args.partition, args.accountId])
        .apply(([partition, account]) => JSON.stringify(apiGatewayAccountLogsPolicy(partition, args.region, account))),
    },
    { parent },
  );
  return new aws.apigateway.Account(name, { cloudwatchRoleArn: role.arn }, { parent, dependsOn: [policy] });
};
