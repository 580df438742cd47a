/**
 * Config variations change what they should and nothing else: the program is run with
 * the defaults and with one key changed, and every input of every resource is compared.
 */
import { expect } from 'chai';
import * as pulumi from '@pulumi/pulumi';
import type { HandlerBundler } from '../../infra/bundle/handlerBundler';
import { deployOrderWorkflow } from '../../infra/orderWorkflow';
import { readStackSettings } from '../../infra/settings';
import { TASK_FUNCTION_NAMES } from '../../workflow/contracts';
import { renderOrderProcessing } from '../../workflow/orderProcessing';
import { loadProgram } from './support/loadProgram';
import { clearRecorded, MOCK_REGION, recordedResources, setStackConfig, settled } from './support/pulumiMocks';

/** The bundles are not what varies here: every run points at the same directories. */
const fixedBundles: HandlerBundler = (fn) => ({ dir: `/bundles/${fn}`, handler: 'index.handler', bytes: 0 });

/** Every leaf input of every resource, as `type name path` → JSON value. */
type Snapshot = Map<string, string>;

const leaves = (value: unknown, prefix: string, into: Snapshot): void => {
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && !pulumi.asset.Archive.isInstance(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) into.set(prefix, '{}');
    for (const [key, item] of entries) leaves(item, prefix === '' ? key : `${prefix}.${key}`, into);
    return;
  }
  // JSON text inputs (policies, definitions, dashboard bodies) compare as text: any change shows.
  into.set(prefix, JSON.stringify(value));
};

/** Runs the program with `config` (order-workflow keys) on top of the region. */
const runWith = async (config: Record<string, string>): Promise<Snapshot> => {
  setStackConfig({
    'aws:region': MOCK_REGION,
    ...Object.fromEntries(Object.entries(config).map(([key, value]) => [`order-workflow:${key}`, value])),
  });
  clearRecorded();
  deployOrderWorkflow({
    settings: readStackSettings(),
    namePrefix: 'order-workflow-test',
    bundler: fixedBundles,
    renderDefinition: renderOrderProcessing,
  });
  await settled();
  const snapshot: Snapshot = new Map();
  for (const resource of recordedResources()) {
    const perResource: Snapshot = new Map();
    leaves(resource.inputs, '', perResource);
    for (const [path, value] of perResource) snapshot.set(`${resource.type} ${resource.name} ${path}`.trimEnd(), value);
  }
  return snapshot;
};

/** The keys whose values differ, appear or disappear between two snapshots. */
const differences = (before: Snapshot, after: Snapshot): string[] =>
  [...new Set([...before.keys(), ...after.keys()])].filter((key) => before.get(key) !== after.get(key)).sort();

const eachFunction = (path: string): string[] =>
  TASK_FUNCTION_NAMES.map((fn) => `aws:lambda/function:Function task-functions-${fn} ${path}`);

describe('Config variations', function () {
  this.timeout(180_000);
  let baseline: Snapshot;

  before(async () => {
    // The program's own run must be over before these runs reuse the mocks.
    await loadProgram();
    baseline = await runWith({});
  });

  after(() => setStackConfig({ 'aws:region': MOCK_REGION }));

  it('runs the same way twice (the comparison is meaningful)', async () => {
    expect(differences(baseline, await runWith({}))).to.deep.equal([]);
    expect(baseline.size).to.be.greaterThan(300);
  });

  const cases: readonly { name: string; config: Record<string, string>; changes: string[] }[] = [
    {
      name: 'stateMachineType=EXPRESS changes the state machine type only',
      config: { stateMachineType: 'EXPRESS' },
      changes: ['aws:sfn/stateMachine:StateMachine order-processing type'],
    },
    {
      name: 'stateMachineLogLevel=ALL changes the state machine log level only',
      config: { stateMachineLogLevel: 'ALL' },
      changes: ['aws:sfn/stateMachine:StateMachine order-processing loggingConfiguration.level'],
    },
    {
      name: 'includeExecutionData=true changes only whether executions log their data',
      config: { includeExecutionData: 'true' },
      changes: ['aws:sfn/stateMachine:StateMachine order-processing loggingConfiguration.includeExecutionData'],
    },
    {
      name: "functionLogLevel=DEBUG changes the functions' log levels only",
      config: { functionLogLevel: 'DEBUG' },
      changes: [...eachFunction('environment.variables.POWERTOOLS_LOG_LEVEL'), ...eachFunction('loggingConfig.applicationLogLevel')].sort(),
    },
    {
      name: 'apiQuotaPerDay=5000 changes the usage plan quota only',
      config: { apiQuotaPerDay: '5000' },
      changes: ['aws:apigateway/usagePlan:UsagePlan order-api quotaSettings.limit'],
    },
    {
      name: 'apiRateLimit and apiBurstLimit change the usage plan throttle only',
      config: { apiRateLimit: '7', apiBurstLimit: '9' },
      changes: [
        'aws:apigateway/usagePlan:UsagePlan order-api throttleSettings.burstLimit',
        'aws:apigateway/usagePlan:UsagePlan order-api throttleSettings.rateLimit',
      ],
    },
    {
      name: "lambdaMemoryMb=512 changes the functions' memory only",
      config: { lambdaMemoryMb: '512' },
      changes: eachFunction('memorySize').sort(),
    },
    {
      name: 'alarmEmail adds the email subscription only',
      config: { alarmEmail: 'ops@example.com' },
      changes: [
        'aws:sns/topicSubscription:TopicSubscription order-monitoring-alarms-email endpoint',
        'aws:sns/topicSubscription:TopicSubscription order-monitoring-alarms-email protocol',
        'aws:sns/topicSubscription:TopicSubscription order-monitoring-alarms-email topic',
      ],
    },
  ];
  for (const { name, config, changes } of cases) {
    it(name, async () => {
      // Act
      const varied = await runWith(config);
      // Assess
      expect(differences(baseline, varied)).to.deep.equal(changes);
    });
  }

  it('manageApiGatewayAccount=false leaves out the account logging role, and changes nothing else', async () => {
    const varied = await runWith({ manageApiGatewayAccount: 'false' });
    const changed = new Set(differences(baseline, varied).map((key) => key.split(' ').slice(0, 2).join(' ')));
    expect([...changed].sort()).to.deep.equal([
      'aws:apigateway/account:Account order-api',
      'aws:iam/role:Role order-api-account-logs',
      'aws:iam/rolePolicy:RolePolicy order-api-account-logs',
    ]);
  });
});
