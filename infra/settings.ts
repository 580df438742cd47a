/**
 * The stack's settings: every `order-workflow:*` config key, parsed and checked in one
 * place, each with a default so the program runs with only `aws:region` set.
 */
import * as pulumi from '@pulumi/pulumi';
import { InvalidSettingError } from './errors';

/** The config namespace of this project (Pulumi.yaml's `name`). */
export const CONFIG_NAMESPACE = 'order-workflow';

/** Step Functions log levels. */
export type StateMachineLogLevel = 'ALL' | 'ERROR' | 'FATAL' | 'OFF';
/** Powertools log levels. */
export type FunctionLogLevel = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
/** Step Functions workflow types. */
export type StateMachineType = 'STANDARD' | 'EXPRESS';

/** Retention periods CloudWatch Logs accepts, in days. */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

/** Everything the stack can be configured with. */
export interface StackSettings {
  /** The AWS region (`aws:region`); the only key without a default. */
  readonly region: string;
  /** @default 'STANDARD' */
  readonly stateMachineType: StateMachineType;
  /** What the state machine logs to CloudWatch Logs. @default 'ERROR' */
  readonly stateMachineLogLevel: StateMachineLogLevel;
  /** Log execution input and output too (customer data!). @default false */
  readonly includeExecutionData: boolean;
  /** The handlers' Powertools log level. @default 'INFO' */
  readonly functionLogLevel: FunctionLogLevel;
  /** @default 256 */
  readonly lambdaMemoryMb: number;
  /** @default 10 */
  readonly lambdaTimeoutSeconds: number;
  /** Retention of every log group of the stack. @default 14 */
  readonly logRetentionDays: number;
  /** The API stage's name, the last segment of the API's URL. @default 'v1' */
  readonly apiStageName: string;
  /** Steady-state requests per second per API key. @default 100 */
  readonly apiRateLimit: number;
  /** Burst of requests per API key. @default 200 */
  readonly apiBurstLimit: number;
  /** Requests per API key per day. @default 100000 */
  readonly apiQuotaPerDay: number;
  /**
   * Set the account's API Gateway CloudWatch Logs role (an account-wide setting that
   * access logging needs). Turn off if the account already has one. @default true
   */
  readonly manageApiGatewayAccount: boolean;
  /** Subscribes this address to the alarm topic. @default undefined (no subscription) */
  readonly alarmEmail?: string;
}

/** The defaults of every setting but the region. */
export const DEFAULT_SETTINGS: Omit<StackSettings, 'region'> = {
  stateMachineType: 'STANDARD',
  stateMachineLogLevel: 'ERROR',
  includeExecutionData: false,
  functionLogLevel: 'INFO',
  lambdaMemoryMb: 256,
  lambdaTimeoutSeconds: 10,
  logRetentionDays: 14,
  apiStageName: 'v1',
  apiRateLimit: 100,
  apiBurstLimit: 200,
  apiQuotaPerDay: 100_000,
  manageApiGatewayAccount: true,
};

const oneOf = <T extends string>(config: pulumi.Config, key: string, allowed: readonly T[], fallback: T): T => {
  const value = config.get(key);
  if (value === undefined) return fallback;
  const match = allowed.find((candidate) => candidate === value);
  if (match === undefined) {
    throw new InvalidSettingError(`${CONFIG_NAMESPACE}:${key}`, `expected one of ${allowed.join(', ')}, got '${value}'`);
  }
  return match;
};

const integer = (config: pulumi.Config, key: string, min: number, max: number, fallback: number): number => {
  const value = config.getNumber(key);
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new InvalidSettingError(`${CONFIG_NAMESPACE}:${key}`, `expected an integer from ${min} to ${max}, got ${value}`);
  }
  return value;
};

/**
 * Reads the stack's settings from its config, applying defaults.
 * @throws InvalidSettingError when a value is out of range or not one of the allowed ones.
 */
export const readStackSettings = (
  config: pulumi.Config = new pulumi.Config(CONFIG_NAMESPACE),
  awsConfig: pulumi.Config = new pulumi.Config('aws'),
): StackSettings => {
  const d = DEFAULT_SETTINGS;
  const retention = integer(config, 'logRetentionDays', 1, 3653, d.logRetentionDays);
  if (!(LOG_RETENTION_DAYS as readonly number[]).includes(retention)) {
    throw new InvalidSettingError(
      `${CONFIG_NAMESPACE}:logRetentionDays`,
      `CloudWatch Logs accepts ${LOG_RETENTION_DAYS.join(', ')}; got ${retention}`,
    );
  }
  const stageName = config.get('apiStageName') ?? d.apiStageName;
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(stageName)) {
    throw new InvalidSettingError(`${CONFIG_NAMESPACE}:apiStageName`, `letters, digits, '-' and '_' only; got '${stageName}'`);
  }
  const alarmEmail = config.get('alarmEmail');
  return {
    region: awsConfig.require('region'),
    stateMachineType: oneOf(config, 'stateMachineType', ['STANDARD', 'EXPRESS'], d.stateMachineType),
    stateMachineLogLevel: oneOf(config, 'stateMachineLogLevel', ['ALL', 'ERROR', 'FATAL', 'OFF'], d.stateMachineLogLevel),
    includeExecutionData: config.getBoolean('includeExecutionData') ?? d.includeExecutionData,
    functionLogLevel: oneOf(config, 'functionLogLevel', ['DEBUG', 'INFO', 'WARN', 'ERROR'], d.functionLogLevel),
    // Lambda's own limits.
    lambdaMemoryMb: integer(config, 'lambdaMemoryMb', 128, 10_240, d.lambdaMemoryMb),
    lambdaTimeoutSeconds: integer(config, 'lambdaTimeoutSeconds', 1, 900, d.lambdaTimeoutSeconds),
    logRetentionDays: retention,
    apiStageName: stageName,
    apiRateLimit: integer(config, 'apiRateLimit', 1, 10_000, d.apiRateLimit),
    apiBurstLimit: integer(config, 'apiBurstLimit', 1, 5_000, d.apiBurstLimit),
    apiQuotaPerDay: integer(config, 'apiQuotaPerDay', 1, 1_000_000_000, d.apiQuotaPerDay),
    manageApiGatewayAccount: config.getBoolean('manageApiGatewayAccount') ?? d.manageApiGatewayAccount,
    ...(alarmEmail === undefined || alarmEmail === '' ? {} : { alarmEmail }),
  };
};
