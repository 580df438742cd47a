/**
 * The order API: a REST API whose routes call Step Functions directly (no Lambda in
 * between), guarded by an API key and a usage plan, validating bodies against the Order
 * model, with JSON error responses and access logs.
 */
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { COMPONENT_TYPES } from '../componentTypes';
import { orderApiPolicy } from '../iam/grants';
import { trustPolicy } from '../iam/policyDocument';
import type { StackSettings } from '../settings';
import { ACCESS_LOG_FORMAT, GATEWAY_RESPONSES } from './gatewayResponses';
import { orderRequestSchema } from './orderRequestSchema';
import { createAccountLogging } from './accountLogging';
import { createRoute } from './routeResources';
import { ORDER_STATUS_ROUTE, SUBMIT_ORDER_ROUTE } from './routes';

/** What the API is built from. */
export interface OrderApiArgs {
  readonly settings: Pick<
    StackSettings,
    'region' | 'apiStageName' | 'apiRateLimit' | 'apiBurstLimit' | 'apiQuotaPerDay' | 'logRetentionDays' | 'manageApiGatewayAccount'
  >;
  readonly namePrefix: string;
  readonly stateMachineArn: pulumi.Input<string>;
  readonly accountId: pulumi.Input<string>;
  readonly partition: pulumi.Input<string>;
}

/** The REST API in front of the state machine. */
export class OrderApi extends pulumi.ComponentResource {
  public readonly restApi: aws.apigateway.RestApi;
  public readonly stage: aws.apigateway.Stage;
  public readonly apiKey: aws.apigateway.ApiKey;
  public readonly accessLogGroup: aws.cloudwatch.LogGroup;
  /** The base URL: `POST {url}/orders`, `GET {url}/orders/{orderId}`. */
  public readonly url: pulumi.Output<string>;

  public constructor(name: string, args: OrderApiArgs, opts?: pulumi.ComponentResourceOptions) {
    super(COMPONENT_TYPES.api, name, {}, opts);
    const { settings } = args;
    const parent = { parent: this };
    const stateMachineArn = pulumi.output(args.stateMachineArn);

    this.restApi = new aws.apigateway.RestApi(
      name,
      {
        name: `${args.namePrefix}-api`,
        description: 'Order workflow: submit orders and read their status',
        endpointConfiguration: { types: 'REGIONAL' },
        apiKeySource: 'HEADER',
      },
      parent,
    );
    const restApiId = this.restApi.id;

    // Who API Gateway is when it calls Step Functions.
    const role = new aws.iam.Role(
      `${name}-states`,
      { assumeRolePolicy: JSON.stringify(trustPolicy('apigateway.amazonaws.com')) },
      parent,
    );
    const rolePolicy = new aws.iam.RolePolicy(
      `${name}-states`,
      { role: role.id, policy: stateMachineArn.apply((arn) => JSON.stringify(orderApiPolicy(arn))) },
      parent,
    );

    const orderModel = new aws.apigateway.Model(
      `${name}-order`,
      {
        restApi: restApiId,
        name: 'Order',
        contentType: 'application/json',
        schema: JSON.stringify(orderRequestSchema()),
      },
      parent,
    );
    const validator = new aws.apigateway.RequestValidator(
      `${name}-validator`,
      { restApi: restApiId, name: 'body-and-parameters', validateRequestBody: true, validateRequestParameters: true },
      parent,
    );

    const orders = new aws.apigateway.Resource(
      `${name}-orders`,
      { restApi: restApiId, parentId: this.restApi.rootResourceId, pathPart: 'orders' },
      parent,
    );
    const order = new aws.apigateway.Resource(
      `${name}-order`,
      { restApi: restApiId, parentId: orders.id, pathPart: '{orderId}' },
      parent,
    );

    const targets = {
      restApiId,
      validatorId: validator.id,
      role,
      rolePolicy,
      stateMachineArn,
      partition: args.partition,
      region: settings.region,
    };
    const routeResources = [
      ...createRoute(
        name,
        SUBMIT_ORDER_ROUTE,
        { ...targets, resource: orders, request: { requestModels: { 'application/json': orderModel.name } } },
        this,
      ),
      ...createRoute(
        name,
        ORDER_STATUS_ROUTE,
        { ...targets, resource: order, request: { requestParameters: { 'method.request.path.orderId': true } } },
        this,
      ),
    ];

    const gatewayResponses = GATEWAY_RESPONSES.map(
      (response) =>
        new aws.apigateway.Response(
          `${name}-${response.responseType.toLowerCase().replace(/_/g, '-')}`,
          {
            restApiId,
            responseType: response.responseType,
            ...(response.statusCode === undefined ? {} : { statusCode: response.statusCode }),
            responseTemplates: { 'application/json': response.template },
          },
          parent,
        ),
    );

    const deployment = new aws.apigateway.Deployment(
      name,
      {
        restApi: restApiId,
        description: 'Order workflow API',
        // A new deployment whenever what the API does changes.
        triggers: {
          routes: stateMachineArn.apply((arn) =>
            JSON.stringify([SUBMIT_ORDER_ROUTE, ORDER_STATUS_ROUTE].map((r) => ({ ...r, requestTemplate: r.requestTemplate(arn) }))),
          ),
          model: JSON.stringify(orderRequestSchema()),
          gatewayResponses: JSON.stringify(GATEWAY_RESPONSES),
        },
      },
      { parent: this, dependsOn: [...routeResources, ...gatewayResponses, orderModel, validator] },
    );

    this.accessLogGroup = new aws.cloudwatch.LogGroup(
      `${name}-access`,
      { name: `/aws/apigateway/${args.namePrefix}-access`, retentionInDays: settings.logRetentionDays },
      parent,
    );
    const account = settings.manageApiGatewayAccount
      ? [createAccountLogging(name, { region: settings.region, accountId: args.accountId, partition: args.partition }, this)]
      : [];
    this.stage = new aws.apigateway.Stage(
      name,
      {
        restApi: restApiId,
        deployment: deployment.id,
        stageName: settings.apiStageName,
        xrayTracingEnabled: true,
        accessLogSettings: { destinationArn: this.accessLogGroup.arn, format: ACCESS_LOG_FORMAT },
      },
      // Access logging needs the account's CloudWatch role to be set first.
      { parent: this, dependsOn: account },
    );

    const usagePlan = new aws.apigateway.UsagePlan(
      name,
      {
        name: `${args.namePrefix}-usage`,
        description: 'Per-key throttling and daily quota of the order API',
        apiStages: [{ apiId: restApiId, stage: this.stage.stageName }],
        throttleSettings: { rateLimit: settings.apiRateLimit, burstLimit: settings.apiBurstLimit },
        quotaSettings: { limit: settings.apiQuotaPerDay, period: 'DAY' },
      },
      parent,
    );
    this.apiKey = new aws.apigateway.ApiKey(name, { name: `${args.namePrefix}-key`, enabled: true }, parent);
    new aws.apigateway.UsagePlanKey(name, { keyId: this.apiKey.id, keyType: 'API_KEY', usagePlanId: usagePlan.id }, parent);

    this.url = this.stage.invokeUrl;
    this.registerOutputs({ url: this.url, accessLogGroupName: this.accessLogGroup.name });
  }
}
