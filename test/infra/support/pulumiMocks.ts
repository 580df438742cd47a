/**
 * Pulumi mocks for the infra tests: every resource the program registers is recorded with
 * its inputs, and given the outputs AWS would return (ARNs, names, URLs) in a fake account.
 */
import * as pulumi from '@pulumi/pulumi';

export const MOCK_ACCOUNT = '123456789012';
export const MOCK_REGION = 'us-east-1';
export const MOCK_API_ID = 'a1b2c3d4e5';
export const MOCK_API_KEY_VALUE = 'mock-api-key-value-0123456789';

/** A resource as the program registered it. */
export interface RecordedResource {
  readonly type: string;
  /** Pulumi's logical name. */
  readonly name: string;
  readonly inputs: Record<string, unknown>;
  /** The outputs the mock returned. */
  readonly state: Record<string, unknown>;
}

const recorded: RecordedResource[] = [];

const text = (value: unknown, fallback: string): string => (typeof value === 'string' ? value : fallback);

/** The outputs AWS would add to a resource's inputs. */
const outputsFor = (type: string, name: string, inputs: Record<string, unknown>): Record<string, unknown> => {
  const physical = text(inputs['name'], `${name}-0a1b2c3`);
  const arn = (service: string, resource: string): string => `arn:aws:${service}:${MOCK_REGION}:${MOCK_ACCOUNT}:${resource}`;
  switch (type) {
    case 'aws:lambda/function:Function':
      return { name: physical, arn: arn('lambda', `function:${physical}`) };
    case 'aws:sfn/stateMachine:StateMachine':
      return { name: physical, arn: arn('states', `stateMachine:${physical}`) };
    case 'aws:cloudwatch/logGroup:LogGroup':
      return { name: physical, arn: arn('logs', `log-group:${physical}`) };
    case 'aws:dynamodb/table:Table':
      return { name: physical, arn: arn('dynamodb', `table/${physical}`) };
    case 'aws:sns/topic:Topic':
      return { name: physical, arn: arn('sns', physical) };
    case 'aws:iam/role:Role':
      return { name: physical, arn: `arn:aws:iam::${MOCK_ACCOUNT}:role/${physical}` };
    case 'aws:apigateway/restApi:RestApi':
      return { name: physical, rootResourceId: 'root0resource', executionArn: arn('execute-api', MOCK_API_ID) };
    case 'aws:apigateway/stage:Stage':
      return {
        invokeUrl: `https://${MOCK_API_ID}.execute-api.${MOCK_REGION}.amazonaws.com/${text(inputs['stageName'], 'stage')}`,
      };
    case 'aws:apigateway/apiKey:ApiKey':
      return { value: MOCK_API_KEY_VALUE };
    case 'aws:cloudwatch/dashboard:Dashboard':
      return { dashboardName: text(inputs['dashboardName'], physical) };
    default:
      return {};
  }
};

const ids: Record<string, string> = {
  'aws:apigateway/restApi:RestApi': MOCK_API_ID,
};

let installed = false;

/** Installs the mocks once per process (call before the program is loaded). */
export const installMocks = (): void => {
  if (installed) return;
  installed = true;
  void pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        const inputs: Record<string, unknown> = { ...args.inputs };
        const state = { ...inputs, ...outputsFor(args.type, args.name, inputs) };
        recorded.push({ type: args.type, name: args.name, inputs, state });
        return { id: ids[args.type] ?? `${args.name}-id`, state };
      },
      call: (args) => {
        switch (args.token) {
          case 'aws:index/getCallerIdentity:getCallerIdentity':
            return { accountId: MOCK_ACCOUNT, arn: `arn:aws:iam::${MOCK_ACCOUNT}:user/test`, userId: 'test', id: MOCK_ACCOUNT };
          case 'aws:index/getPartition:getPartition':
            return { partition: 'aws', dnsSuffix: 'amazonaws.com', reverseDnsPrefix: 'com.amazonaws', id: 'aws' };
          case 'aws:index/getRegion:getRegion':
            return { name: MOCK_REGION, region: MOCK_REGION, id: MOCK_REGION };
          default:
            return args.inputs;
        }
      },
    },
    'order-workflow',
    'test',
    false,
  );
};

/** Sets the stack's config, replacing all of it. Keys are full, e.g. `aws:region`. */
export const setStackConfig = (config: Record<string, string>): void => {
  pulumi.runtime.setAllConfig(config);
};

/** Forgets what was recorded (before running the program again). */
export const clearRecorded = (): void => {
  recorded.length = 0;
};

/** Every resource recorded since the last clear. */
export const recordedResources = (): readonly RecordedResource[] => [...recorded];

/** The recorded resources of one type token. */
export const resourcesOfType = (type: string): readonly RecordedResource[] => recorded.filter((r) => r.type === type);

/** The one recorded resource of a type with a logical name. */
export const resourceNamed = (type: string, name: string): RecordedResource => {
  const found = recorded.filter((r) => r.type === type && r.name === name);
  const [only] = found;
  if (only === undefined || found.length !== 1) throw new Error(`expected one ${type} named ${name}, found ${found.length}`);
  return only;
};

/** The value of an Output, once known. */
export const valueOf = <T>(output: pulumi.Output<T>): Promise<T> =>
  new Promise((resolve) => {
    output.apply((value) => {
      resolve(value);
      return value;
    });
  });

/**
 * Waits until every registration the program started has reached the mocks. Uses the
 * runtime's RPC queue (`waitForRPCs`, internal to @pulumi/pulumi but exported by its module).
 */
export const settled = async (): Promise<void> => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const runtimeSettings: Record<string, unknown> = require('@pulumi/pulumi/runtime/settings');
  const waitForRPCs = runtimeSettings['waitForRPCs'];
  if (typeof waitForRPCs !== 'function') throw new Error('@pulumi/pulumi no longer exports waitForRPCs');
  await waitForRPCs();
};
