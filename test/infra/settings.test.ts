/** The stack's settings: defaults, parsing, refusals, and the dev stack's file. */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as pulumi from '@pulumi/pulumi';
import { InvalidSettingError } from '../../infra/errors';
import { DEFAULT_SETTINGS, readStackSettings } from '../../infra/settings';
import { setStackConfig } from './support/pulumiMocks';

/** Reads settings from exactly this config (order-workflow keys given without namespace). */
const settingsWith = (keys: Record<string, string>) => {
  setStackConfig({
    'aws:region': 'eu-central-1',
    ...Object.fromEntries(Object.entries(keys).map(([key, value]) => [`order-workflow:${key}`, value])),
  });
  return readStackSettings(new pulumi.Config('order-workflow'), new pulumi.Config('aws'));
};

describe('Function: readStackSettings', () => {
  after(() => setStackConfig({ 'aws:region': 'us-east-1' }));

  it('defaults every key but the region', () => {
    expect(settingsWith({})).to.deep.equal({ region: 'eu-central-1', ...DEFAULT_SETTINGS });
  });

  it('requires the region', () => {
    setStackConfig({});
    expect(() => readStackSettings()).to.throw(/aws:region/);
  });

  const accepted: readonly [string, string, string, unknown][] = [
    ['stateMachineType', 'EXPRESS', 'stateMachineType', 'EXPRESS'],
    ['stateMachineLogLevel', 'ALL', 'stateMachineLogLevel', 'ALL'],
    ['includeExecutionData', 'true', 'includeExecutionData', true],
    ['functionLogLevel', 'DEBUG', 'functionLogLevel', 'DEBUG'],
    ['lambdaMemoryMb', '1024', 'lambdaMemoryMb', 1024],
    ['lambdaTimeoutSeconds', '30', 'lambdaTimeoutSeconds', 30],
    ['logRetentionDays', '90', 'logRetentionDays', 90],
    ['apiStageName', 'prod', 'apiStageName', 'prod'],
    ['apiRateLimit', '5', 'apiRateLimit', 5],
    ['apiBurstLimit', '10', 'apiBurstLimit', 10],
    ['apiQuotaPerDay', '5000', 'apiQuotaPerDay', 5000],
    ['manageApiGatewayAccount', 'false', 'manageApiGatewayAccount', false],
    ['alarmEmail', 'ops@example.com', 'alarmEmail', 'ops@example.com'],
  ];
  for (const [key, value, field, expected] of accepted) {
    it(`reads ${key}=${value}`, () => {
      expect(settingsWith({ [key]: value })).to.have.property(field, expected);
    });
  }

  it('treats an empty alarm email as none', () => {
    expect(settingsWith({ alarmEmail: '' })).not.to.have.property('alarmEmail');
  });

  const refused: readonly [string, string][] = [
    ['stateMachineType', 'standard'],
    ['stateMachineLogLevel', 'DEBUG'],
    ['functionLogLevel', 'TRACE'],
    ['lambdaMemoryMb', '64'],
    ['lambdaMemoryMb', '256.5'],
    ['lambdaTimeoutSeconds', '901'],
    ['logRetentionDays', '10'],
    ['apiStageName', 'has space'],
    ['apiRateLimit', '0'],
    ['apiQuotaPerDay', '-1'],
  ];
  for (const [key, value] of refused) {
    it(`refuses ${key}=${value}, naming the key`, () => {
      expect(() => settingsWith({ [key]: value }))
        .to.throw(InvalidSettingError)
        .with.property('key', `order-workflow:${key}`);
    });
  }

  it("accepts the dev stack's file, which sets only keys the program reads", () => {
    // Prepare: Pulumi.dev.yaml's flat `config:` map.
    const text = readFileSync(path.join(__dirname, '..', '..', 'Pulumi.dev.yaml'), 'utf8');
    const entries = [...text.matchAll(/^ {2}([\w-]+:\w+): "?([^"\n]*)"?$/gm)].map((m) => [m[1] ?? '', m[2] ?? ''] as const);
    const keys = entries.map(([key]) => key);
    // Act
    setStackConfig(Object.fromEntries(entries));
    const settings = readStackSettings();
    // Assess
    expect(keys).to.include('aws:region');
    for (const key of keys.filter((k) => k.startsWith('order-workflow:'))) {
      expect(Object.keys(DEFAULT_SETTINGS), key).to.include(key.slice('order-workflow:'.length));
    }
    expect(settings).to.deep.equal({ region: 'us-east-1', ...DEFAULT_SETTINGS });
  });
});
