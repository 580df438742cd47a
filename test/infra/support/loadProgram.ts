/**
 * Loads the Pulumi program (index.ts) once per test process, under mocks, with only
 * `aws:region` set, and keeps what it registered for every infra test to inspect.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as pulumi from '@pulumi/pulumi';
import {
  clearRecorded,
  installMocks,
  MOCK_REGION,
  recordedResources,
  setStackConfig,
  settled,
  valueOf,
  type RecordedResource,
} from './pulumiMocks';

/** The program's stack outputs, resolved. */
export interface ProgramOutputs {
  readonly apiUrl: string;
  readonly apiKey: string;
  readonly apiKeyIsSecret: boolean;
  readonly stateMachineArn: string;
  readonly dashboardUrl: string;
  readonly alarmTopicArn: string;
  readonly logGroupNames: unknown;
}

/** What the program registered and exported. */
export interface LoadedProgram {
  readonly resources: readonly RecordedResource[];
  /** Every registered resource's URN (parents are part of a URN's type). */
  readonly urns: readonly string[];
  readonly outputs: ProgramOutputs;
  /** Where the handlers were bundled. */
  readonly bundleDir: string;
}

let loading: Promise<LoadedProgram> | undefined;

const registeredUrns = (): string[] => {
  const monitor: unknown = pulumi.runtime.getMonitor();
  const list = monitor !== null && typeof monitor === 'object' ? Reflect.get(monitor, 'getRegisteredResources') : undefined;
  if (typeof list !== 'function') throw new Error('the mock monitor no longer lists registered resources');
  const registered: unknown = Reflect.apply(list, monitor, []);
  return registered instanceof Map ? [...registered.keys()].map(String) : [];
};

const load = async (): Promise<LoadedProgram> => {
  setStackConfig({ 'aws:region': MOCK_REGION });
  installMocks();
  clearRecorded();
  const bundleDir = mkdtempSync(path.join(tmpdir(), 'order-workflow-bundles-'));
  process.env['ORDER_WORKFLOW_BUNDLE_DIR'] = bundleDir;
  const program = await import('../../../index');
  const outputs: ProgramOutputs = {
    apiUrl: await valueOf(program.apiUrl),
    apiKey: await valueOf(program.apiKey),
    apiKeyIsSecret: await pulumi.isSecret(program.apiKey),
    stateMachineArn: await valueOf(program.stateMachineArn),
    dashboardUrl: await valueOf(program.dashboardUrl),
    alarmTopicArn: await valueOf(program.alarmTopicArn),
    logGroupNames: await valueOf(program.logGroupNames),
  };
  await settled();
  return { resources: recordedResources(), urns: registeredUrns(), outputs, bundleDir };
};

/** The program, loaded once (call from `before()`, with a generous timeout: it bundles the handlers). */
export const loadProgram = (): Promise<LoadedProgram> => {
  loading ??= load();
  return loading;
};

/** The resources of one type token in a loaded program. */
export const ofType = (program: LoadedProgram, type: string): readonly RecordedResource[] =>
  program.resources.filter((r) => r.type === type);

/** The one resource of a type with a logical name. */
export const named = (program: LoadedProgram, type: string, name: string): RecordedResource => {
  const found = program.resources.filter((r) => r.type === type && r.name === name);
  const [only] = found;
  if (only === undefined || found.length !== 1) throw new Error(`expected one ${type} named ${name}, found ${found.length}`);
  return only;
};

/** A string input or output of a resource. */
export const str = (resource: RecordedResource, key: string): string => {
  const value = resource.state[key];
  if (typeof value !== 'string') throw new Error(`${resource.type} ${resource.name}: ${key} is not a string`);
  return value;
};
