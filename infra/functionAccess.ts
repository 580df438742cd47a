/**
 * What each task function reaches, and the environment variables that tell its AWS
 * adapters where (names from handlers/aws/tables.ts). The IAM policies and the
 * environment are both built from this one table, so a function can use only what it is
 * told about, and is told only about what it may use.
 */
import type * as aws from '@pulumi/aws';
import { ENVIRONMENT_VARIABLES, type TABLE_PARTITION_KEYS } from '../handlers/aws/tables';
import type { TaskFunctionName } from '../workflow/contracts';

/** The stack's DynamoDB tables, by the adapters' logical names. */
export type TableKey = keyof typeof TABLE_PARTITION_KEYS;
/** The stack's SNS topics that functions publish to, by the adapters' logical names. */
export type TopicKey = 'notificationTopicArn';

/** The data resources functions are granted on. */
export interface DataResources {
  readonly tables: { readonly [K in TableKey]: aws.dynamodb.Table };
  readonly topics: { readonly [K in TopicKey]: aws.sns.Topic };
}

/** A DynamoDB item action, as IAM names it. */
export type DynamoDbAction = `dynamodb:${'GetItem' | 'PutItem' | 'UpdateItem' | 'DeleteItem'}`;

/** One table a function uses and what it may do there (the adapter's commands, no more). */
export interface TableAccess {
  readonly table: TableKey;
  readonly actions: readonly DynamoDbAction[];
}

/** Everything one function reaches. */
export interface FunctionAccess {
  /** Powertools' service name: the default of the `service` dimension of its metrics. */
  readonly serviceName: string;
  readonly tables: readonly TableAccess[];
  readonly topics: readonly TopicKey[];
}

/** The environment variable naming a table or holding a topic's ARN. */
export const environmentVariableOf = (resource: TableKey | TopicKey): string => ENVIRONMENT_VARIABLES[resource];

/** DynamoInventoryStore: stock is read and conditionally updated; reservations are claimed, updated, deleted. */
const inventoryStore: readonly TableAccess[] = [
  { table: 'inventoryTable', actions: ['dynamodb:GetItem', 'dynamodb:UpdateItem'] },
  {
    table: 'reservationsTable',
    actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'],
  },
];

/** DynamoPaymentLedger: one item per order, put once then conditionally updated. */
const paymentLedger: readonly TableAccess[] = [
  { table: 'paymentsTable', actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'] },
];

/** Each function's reach. validateOrder is pure: it touches nothing. */
export const FUNCTION_ACCESS: { readonly [N in TaskFunctionName]: FunctionAccess } = {
  validateOrder: { serviceName: 'order-validation', tables: [], topics: [] },
  reserveInventory: { serviceName: 'inventory', tables: inventoryStore, topics: [] },
  releaseInventory: { serviceName: 'inventory', tables: inventoryStore, topics: [] },
  chargePayment: { serviceName: 'payment', tables: paymentLedger, topics: [] },
  refundPayment: { serviceName: 'payment', tables: paymentLedger, topics: [] },
  notifyCustomer: {
    serviceName: 'notification',
    // DynamoNotificationLog: conditional puts and reads, one item per order and outcome.
    tables: [{ table: 'notificationsTable', actions: ['dynamodb:GetItem', 'dynamodb:PutItem'] }],
    topics: ['notificationTopicArn'],
  },
};
