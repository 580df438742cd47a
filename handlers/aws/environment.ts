/**
 * Builds the AWS adapters from the Lambda environment (table names, topic ARN, processor
 * settings). Called lazily, on a handler's first invocation.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SNSClient } from '@aws-sdk/client-sns';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConfigurationError } from '../errors';
import { checkProcessorConfig, DEFAULT_PROCESSOR_CONFIG, type ProcessorConfig } from '../payment/processor';
import type { InventoryStore, NotificationLog, NotificationPublisher, PaymentLedger } from '../ports';
import { DynamoInventoryStore } from './dynamoInventoryStore';
import { DynamoNotificationLog } from './dynamoNotificationLog';
import { DynamoPaymentLedger } from './dynamoPaymentLedger';
import { SnsNotificationPublisher } from './snsNotificationPublisher';
import { ENVIRONMENT_VARIABLES } from './tables';

type Env = Readonly<Record<string, string | undefined>>;

function required(env: Env, purpose: keyof typeof ENVIRONMENT_VARIABLES): string {
  const name = ENVIRONMENT_VARIABLES[purpose];
  const value = env[name];
  if (value === undefined || value === '') throw new ConfigurationError(`environment variable ${name} is not set`);
  return value;
}

function numberOr(env: Env, purpose: keyof typeof ENVIRONMENT_VARIABLES, fallback: number): number {
  const raw = env[ENVIRONMENT_VARIABLES[purpose]];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new ConfigurationError(`environment variable ${ENVIRONMENT_VARIABLES[purpose]} is not a number`);
  return value;
}

let documentClient: DynamoDBDocumentClient | undefined;

/** One DynamoDB document client per container, reused across invocations. */
function dynamo(): DynamoDBDocumentClient {
  documentClient ??= DynamoDBDocumentClient.from(new DynamoDBClient({}), { marshallOptions: { removeUndefinedValues: true } });
  return documentClient;
}

/** The inventory store on the tables named by the environment. */
export function awsInventoryStore(env: Env = process.env): InventoryStore {
  return new DynamoInventoryStore(dynamo(), { stock: required(env, 'inventoryTable'), reservations: required(env, 'reservationsTable') });
}

/** The payment ledger on the table named by the environment. */
export function awsPaymentLedger(env: Env = process.env): PaymentLedger {
  return new DynamoPaymentLedger(dynamo(), required(env, 'paymentsTable'));
}

/** The notification log on the table named by the environment. */
export function awsNotificationLog(env: Env = process.env): NotificationLog {
  return new DynamoNotificationLog(dynamo(), required(env, 'notificationsTable'));
}

/** The SNS publisher on the topic named by the environment. */
export function awsNotificationPublisher(env: Env = process.env): NotificationPublisher {
  return new SnsNotificationPublisher(new SNSClient({}), required(env, 'notificationTopicArn'));
}

/** The simulated processor's settings from the environment, defaults where unset. */
export function processorConfigFromEnvironment(env: Env = process.env): ProcessorConfig {
  return checkProcessorConfig({
    seed: numberOr(env, 'paymentSeed', DEFAULT_PROCESSOR_CONFIG.seed),
    approvalRate: numberOr(env, 'paymentApprovalRate', DEFAULT_PROCESSOR_CONFIG.approvalRate),
    declineRate: numberOr(env, 'paymentDeclineRate', DEFAULT_PROCESSOR_CONFIG.declineRate),
    transientRate: numberOr(env, 'paymentTransientRate', DEFAULT_PROCESSOR_CONFIG.transientRate),
  });
}
