/**
 * The Pulumi program under mocks, with only `aws:region` set: which resources it creates
 * and their key inputs.
 */
import { expect } from 'chai';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { ORDER_STATUS_ROUTE, SUBMIT_ORDER_ROUTE } from '../../infra/api/routes';
import { orderRequestSchema } from '../../infra/api/orderRequestSchema';
import { COMPONENT_TYPES } from '../../infra/componentTypes';
import { FUNCTION_ACCESS, environmentVariableOf } from '../../infra/functionAccess';
import { TABLE_PARTITION_KEYS } from '../../handlers/aws/tables';
import { TASK_FUNCTION_NAMES } from '../../workflow/contracts';
import { renderOrderProcessing } from '../../workflow/orderProcessing';
import { loadProgram, named, ofType, str, type LoadedProgram } from './support/loadProgram';
import { MOCK_ACCOUNT, MOCK_API_ID, MOCK_API_KEY_VALUE, MOCK_REGION, type RecordedResource } from './support/pulumiMocks';

const PREFIX = 'order-workflow-test';
const lambdaArn = (fn: string): string => `arn:aws:lambda:${MOCK_REGION}:${MOCK_ACCOUNT}:function:${PREFIX}-${fn}`;
const STATE_MACHINE_ARN = `arn:aws:states:${MOCK_REGION}:${MOCK_ACCOUNT}:stateMachine:${PREFIX}-orders`;

const record = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value)) : {};

describe('Pulumi program (index.ts) under mocks', function () {
  this.timeout(180_000);
  let program: LoadedProgram;

  before(async () => {
    program = await loadProgram();
  });

  describe('Outputs', () => {
    it('exports the API URL, the API key as a secret, the state machine, the dashboard and the log groups', () => {
      expect(program.outputs.apiUrl).to.equal(`https://${MOCK_API_ID}.execute-api.${MOCK_REGION}.amazonaws.com/v1`);
      expect(program.outputs.apiKey).to.equal(MOCK_API_KEY_VALUE);
      expect(program.outputs.apiKeyIsSecret).to.equal(true);
      expect(program.outputs.stateMachineArn).to.equal(STATE_MACHINE_ARN);
      expect(program.outputs.dashboardUrl).to.equal(
        `https://${MOCK_REGION}.console.aws.amazon.com/cloudwatch/home?region=${MOCK_REGION}#dashboards:name=${PREFIX}`,
      );
      expect(program.outputs.logGroupNames).to.deep.equal({
        stateMachine: `/aws/vendedlogs/states/${PREFIX}-orders`,
        apiAccess: `/aws/apigateway/${PREFIX}-access`,
        functions: Object.fromEntries(TASK_FUNCTION_NAMES.map((fn) => [fn, `/aws/lambda/${PREFIX}-${fn}`])),
      });
    });
  });

  describe('Components', () => {
    it('creates each of the six components once', () => {
      for (const type of Object.values(COMPONENT_TYPES)) expect(ofType(program, type), type).to.have.length(1);
    });

    it('makes every AWS resource the child of a component', () => {
      const awsUrns = program.urns.filter((urn) => urn.includes('aws:'));
      expect(awsUrns).to.have.length.greaterThan(50);
      const componentTypes = Object.values(COMPONENT_TYPES);
      for (const urn of awsUrns) {
        expect(componentTypes.some((type) => urn.includes(`::${type}$aws:`)), urn).to.equal(true);
      }
    });
  });

  describe('State machine', () => {
    let machine: RecordedResource;
    before(() => {
      machine = named(program, 'aws:sfn/stateMachine:StateMachine', 'order-processing');
    });

    it("deploys the workflow's ASL with the functions' ARNs", () => {
      const deployed: unknown = JSON.parse(str(machine, 'definition'));
      expect(deployed).to.deep.equal(renderOrderProcessing(lambdaArn));
    });

    it('is STANDARD, logs errors without execution data to its own log group, and traces', () => {
      const logGroup = named(program, 'aws:cloudwatch/logGroup:LogGroup', 'order-processing');
      expect(machine.inputs['type']).to.equal('STANDARD');
      expect(machine.inputs['loggingConfiguration']).to.deep.equal({
        level: 'ERROR',
        includeExecutionData: false,
        logDestination: `${str(logGroup, 'arn')}:*`,
      });
      expect(machine.inputs['tracingConfiguration']).to.deep.equal({ enabled: true });
      expect(machine.inputs['roleArn']).to.equal(str(named(program, 'aws:iam/role:Role', 'order-processing'), 'arn'));
    });
  });

  describe('Task functions', () => {
    const functionNamed = (fn: string): RecordedResource => named(program, 'aws:lambda/function:Function', `task-functions-${fn}`);

    it('creates one function per task, from its own bundle', () => {
      expect(ofType(program, 'aws:lambda/function:Function')).to.have.length(TASK_FUNCTION_NAMES.length);
      for (const fn of TASK_FUNCTION_NAMES) {
        const bundle = path.join(program.bundleDir, fn, 'index.js');
        expect(existsSync(bundle), bundle).to.equal(true);
        expect(functionNamed(fn).inputs['handler']).to.equal('index.handler');
      }
    });

    const runtimeCases: readonly [string, unknown][] = [
      ['runtime', 'nodejs22.x'],
      ['architectures', ['arm64']],
      ['memorySize', 256],
      ['timeout', 10],
      ['tracingConfig', { mode: 'Active' }],
    ];
    for (const [key, expected] of runtimeCases) {
      it(`sets ${key} to ${JSON.stringify(expected)} on every function`, () => {
        for (const fn of TASK_FUNCTION_NAMES) expect(functionNamed(fn).inputs[key], fn).to.deep.equal(expected);
      });
    }

    it('logs each function to its own log group, kept 14 days', () => {
      for (const fn of TASK_FUNCTION_NAMES) {
        const logGroup = named(program, 'aws:cloudwatch/logGroup:LogGroup', `task-functions-${fn}`);
        expect(logGroup.inputs['retentionInDays']).to.equal(14);
        expect(record(functionNamed(fn).inputs['loggingConfig'])).to.deep.include({ logFormat: 'JSON', logGroup: str(logGroup, 'name') });
      }
    });

    it('tells each function its own tables and topic, and the Powertools settings', () => {
      const tableName = (key: string): string => str(named(program, 'aws:dynamodb/table:Table', `order-data-${key.replace(/Table$/, '')}`), 'name');
      const topicArn = str(named(program, 'aws:sns/topic:Topic', 'order-messaging-customer-notifications'), 'arn');
      for (const fn of TASK_FUNCTION_NAMES) {
        const access = FUNCTION_ACCESS[fn];
        const expected = {
          POWERTOOLS_SERVICE_NAME: access.serviceName,
          POWERTOOLS_METRICS_NAMESPACE: 'OrderWorkflow',
          POWERTOOLS_LOG_LEVEL: 'INFO',
          ...Object.fromEntries(access.tables.map((t) => [environmentVariableOf(t.table), tableName(t.table)])),
          ...Object.fromEntries(access.topics.map((t) => [environmentVariableOf(t), topicArn])),
        };
        expect(record(functionNamed(fn).inputs['environment'])['variables'], fn).to.deep.equal(expected);
      }
    });
  });

  describe('Data and messaging', () => {
    it("creates the adapters' four tables, on demand, keyed as the adapters expect", () => {
      for (const [key, partitionKey] of Object.entries(TABLE_PARTITION_KEYS)) {
        const table = named(program, 'aws:dynamodb/table:Table', `order-data-${key.replace(/Table$/, '')}`);
        expect(table.inputs).to.deep.include({ billingMode: 'PAY_PER_REQUEST', hashKey: partitionKey });
        expect(table.inputs['attributes']).to.deep.equal([{ name: partitionKey, type: 'S' }]);
      }
      expect(ofType(program, 'aws:dynamodb/table:Table')).to.have.length(4);
    });

    it('encrypts the customer notification topic', () => {
      expect(named(program, 'aws:sns/topic:Topic', 'order-messaging-customer-notifications').inputs['kmsMasterKeyId']).to.equal('alias/aws/sns');
    });
  });

  describe('API', () => {
    const api = (type: string, name: string): RecordedResource => named(program, `aws:apigateway/${type}`, name);

    it('is a regional REST API whose key comes from the x-api-key header', () => {
      expect(api('restApi:RestApi', 'order-api').inputs).to.deep.include({ apiKeySource: 'HEADER', endpointConfiguration: { types: 'REGIONAL' } });
    });

    it('validates POST /orders bodies against the Order model and requires the API key', () => {
      const method = api('method:Method', 'order-api-submit-order');
      const validator = api('requestValidator:RequestValidator', 'order-api-validator');
      const model = api('model:Model', 'order-api-order');
      expect(method.inputs).to.deep.include({ httpMethod: 'POST', apiKeyRequired: true, authorization: 'NONE' });
      expect(method.inputs['requestValidatorId']).to.equal('order-api-validator-id');
      expect(validator.inputs).to.deep.include({ validateRequestBody: true });
      expect(method.inputs['requestModels']).to.deep.equal({ 'application/json': 'Order' });
      expect(JSON.parse(str(model, 'schema'))).to.deep.equal(orderRequestSchema());
    });

    const integrationCases = [
      { route: SUBMIT_ORDER_ROUTE, name: 'order-api-submit-order', uri: `arn:aws:apigateway:${MOCK_REGION}:states:action/StartExecution` },
      { route: ORDER_STATUS_ROUTE, name: 'order-api-order-status', uri: `arn:aws:apigateway:${MOCK_REGION}:states:action/DescribeExecution` },
    ];
    for (const { route, name, uri } of integrationCases) {
      it(`calls Step Functions' ${route.action} directly for ${route.httpMethod}, with its own role`, () => {
        const integration = api('integration:Integration', name);
        expect(integration.inputs).to.deep.include({ type: 'AWS', integrationHttpMethod: 'POST', uri, passthroughBehavior: 'NEVER' });
        expect(integration.inputs['credentials']).to.equal(str(named(program, 'aws:iam/role:Role', 'order-api-states'), 'arn'));
        expect(integration.inputs['requestTemplates']).to.deep.equal({ 'application/json': route.requestTemplate(STATE_MACHINE_ARN) });
        for (const response of route.integrationResponses) {
          const deployed = api('integrationResponse:IntegrationResponse', `${name}-${response.statusCode}`);
          expect(deployed.inputs['selectionPattern']).to.equal(response.selectionPattern);
          expect(deployed.inputs['responseTemplates']).to.deep.equal({ 'application/json': response.template });
        }
        for (const status of route.methodStatuses) api('methodResponse:MethodResponse', `${name}-${status}`);
      });
    }

    it('requires the orderId path parameter and the API key on GET /orders/{orderId}', () => {
      const method = api('method:Method', 'order-api-order-status');
      expect(method.inputs).to.deep.include({ httpMethod: 'GET', apiKeyRequired: true });
      expect(method.inputs['requestParameters']).to.deep.equal({ 'method.request.path.orderId': true });
      expect(api('resource:Resource', 'order-api-order').inputs['pathPart']).to.equal('{orderId}');
    });

    it('answers API Gateway errors 400, 403, 413, 429 and 5xx with JSON bodies that carry a message', () => {
      const responses = ofType(program, 'aws:apigateway/response:Response');
      const statuses = new Set(responses.map((r) => r.inputs['statusCode']));
      for (const status of ['400', '403', '404', '413', '429']) expect(statuses, status).to.include(status);
      expect(responses.map((r) => r.inputs['responseType'])).to.include.members(['DEFAULT_5XX', 'DEFAULT_4XX', 'BAD_REQUEST_BODY', 'INVALID_API_KEY']);
      for (const response of responses) {
        const template = String(record(response.inputs['responseTemplates'])['application/json']);
        // Substituted as API Gateway does: messageString is a quoted string, the others plain text.
        const body: unknown = JSON.parse(
          template.replace('$context.error.messageString', '"Invalid request body"').replace(/\$context\.[A-Za-z.]+/g, 'sample'),
        );
        expect(body, String(response.inputs['responseType'])).to.have.property('message').that.is.a('string');
      }
      const badBody = responses.find((r) => r.inputs['responseType'] === 'BAD_REQUEST_BODY');
      expect(badBody?.inputs['responseTemplates']).to.deep.equal({
        'application/json': '{"message":$context.error.messageString,"errors":["$context.error.validationErrorString"]}',
      });
    });

    it('logs access as JSON to its own log group, traces, and throttles per key with a daily quota', () => {
      const stage = api('stage:Stage', 'order-api');
      const accessLogs = named(program, 'aws:cloudwatch/logGroup:LogGroup', 'order-api-access');
      const accessLogSettings = record(stage.inputs['accessLogSettings']);
      expect(accessLogSettings['destinationArn']).to.equal(str(accessLogs, 'arn'));
      expect(Object.keys(JSON.parse(String(accessLogSettings['format'])))).to.include.members(['requestId', 'status', 'resourcePath']);
      expect(stage.inputs).to.deep.include({ stageName: 'v1', xrayTracingEnabled: true });
      const plan = api('usagePlan:UsagePlan', 'order-api');
      expect(plan.inputs['throttleSettings']).to.deep.equal({ rateLimit: 100, burstLimit: 200 });
      expect(plan.inputs['quotaSettings']).to.deep.equal({ limit: 100000, period: 'DAY' });
      expect(plan.inputs['apiStages']).to.deep.equal([{ apiId: MOCK_API_ID, stage: 'v1' }]);
      expect(api('usagePlanKey:UsagePlanKey', 'order-api').inputs).to.deep.include({ keyType: 'API_KEY', keyId: 'order-api-id' });
    });

    it("sets the account's API Gateway logging role (access logs need it)", () => {
      const account = api('account:Account', 'order-api');
      expect(account.inputs['cloudwatchRoleArn']).to.equal(str(named(program, 'aws:iam/role:Role', 'order-api-account-logs'), 'arn'));
    });
  });

  describe('Monitoring', () => {
    it('renders the dashboard and sends every alarm to the alarm topic; no email without config', () => {
      const topicArn = str(named(program, 'aws:sns/topic:Topic', 'order-monitoring-alarms'), 'arn');
      const dashboard = named(program, 'aws:cloudwatch/dashboard:Dashboard', 'order-monitoring');
      expect(JSON.parse(str(dashboard, 'dashboardBody'))).to.have.property('widgets').with.length.greaterThan(10);
      const alarms = ofType(program, 'aws:cloudwatch/metricAlarm:MetricAlarm');
      expect(alarms).to.have.length(4 + TASK_FUNCTION_NAMES.length);
      for (const alarm of alarms) {
        expect(alarm.inputs, alarm.name).to.deep.include({
          statistic: 'Sum',
          threshold: 1,
          comparisonOperator: 'GreaterThanOrEqualToThreshold',
          treatMissingData: 'notBreaching',
          period: 300,
        });
        expect(alarm.inputs['name'], alarm.name).to.match(/^order-workflow-test-/);
        expect(alarm.inputs['alarmActions'], alarm.name).to.deep.equal([topicArn]);
        expect(alarm.inputs['okActions'], alarm.name).to.deep.equal([topicArn]);
      }
      expect(ofType(program, 'aws:sns/topicSubscription:TopicSubscription')).to.have.length(0);
    });
  });
});
