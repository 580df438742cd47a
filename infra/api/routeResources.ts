/**
 * One route's API Gateway resources: the method, its direct Step Functions integration,
 * and the method and integration responses, from a {@link RouteDefinition}.
 */
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { stepFunctionsActionUri, type RouteDefinition } from './routes';

/** What a route is wired to. */
export interface RouteTargets {
  readonly restApiId: pulumi.Input<string>;
  readonly resource: aws.apigateway.Resource;
  readonly validatorId: pulumi.Input<string>;
  /** The role API Gateway calls Step Functions with, and the policy that empowers it. */
  readonly role: aws.iam.Role;
  readonly rolePolicy: aws.iam.RolePolicy;
  readonly stateMachineArn: pulumi.Output<string>;
  readonly partition: pulumi.Input<string>;
  readonly region: string;
  /** The method's request model or parameters. */
  readonly request: Pick<aws.apigateway.MethodArgs, 'requestModels' | 'requestParameters'>;
}

/** Creates the route's resources (children of `parent`); returns them all, for the deployment to wait on. */
export const createRoute = (
  name: string,
  definition: RouteDefinition,
  targets: RouteTargets,
  parent: pulumi.Resource,
): pulumi.Resource[] => {
  const routeName = `${name}-${definition.name}`;
  const common = { restApi: targets.restApiId, resourceId: targets.resource.id };
  const method = new aws.apigateway.Method(
    routeName,
    {
      ...common,
      httpMethod: definition.httpMethod,
      authorization: 'NONE',
      apiKeyRequired: true,
      requestValidatorId: targets.validatorId,
      ...targets.request,
    },
    { parent },
  );
  const integration = new aws.apigateway.Integration(
    routeName,
    {
      ...common,
      httpMethod: method.httpMethod,
      type: 'AWS',
      // Step Functions' API is POST-only, whatever the route's method.
      integrationHttpMethod: 'POST',
      uri: pulumi.output(targets.partition).apply((partition) => stepFunctionsActionUri(partition, targets.region, definition.action)),
      credentials: targets.role.arn,
      // Only JSON bodies reach the template; anything else is 415.
      passthroughBehavior: 'NEVER',
      requestTemplates: { 'application/json': targets.stateMachineArn.apply(definition.requestTemplate) },
    },
    { parent, dependsOn: [targets.rolePolicy] },
  );
  const methodResponses = definition.methodStatuses.map(
    (statusCode) =>
      new aws.apigateway.MethodResponse(
        `${routeName}-${statusCode}`,
        { ...common, httpMethod: method.httpMethod, statusCode, responseModels: { 'application/json': 'Empty' } },
        { parent },
      ),
  );
  const integrationResponses = definition.integrationResponses.map(
    (response) =>
      new aws.apigateway.IntegrationResponse(
        `${routeName}-${response.statusCode}`,
        {
          ...common,
          httpMethod: method.httpMethod,
          statusCode: response.statusCode,
          ...(response.selectionPattern === undefined ? {} : { selectionPattern: response.selectionPattern }),
          responseTemplates: { 'application/json': response.template },
        },
        { parent, dependsOn: [integration, ...methodResponses] },
      ),
  );
  return [method, integration, ...methodResponses, ...integrationResponses];
};
