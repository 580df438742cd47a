/**
 * The DynamoDB tables and SNS topic the services use on AWS: the environment variables
 * that name them and each table's partition key (string). infra/ creates them from this.
 */

/** Environment variables read by the AWS wiring, by purpose. */
export const ENVIRONMENT_VARIABLES = {
  /** Stock per SKU (partition key `sku`). */
  inventoryTable: 'INVENTORY_TABLE_NAME',
  /** Reservations per order (partition key `orderId`). */
  reservationsTable: 'RESERVATIONS_TABLE_NAME',
  /** Charges per order (partition key `orderId`). */
  paymentsTable: 'PAYMENTS_TABLE_NAME',
  /** Delivery records per order and outcome (partition key `notificationId`). */
  notificationsTable: 'NOTIFICATIONS_TABLE_NAME',
  /** Where customer messages are published. */
  notificationTopicArn: 'NOTIFICATION_TOPIC_ARN',
  /** Simulated processor: seed and relative rates (numbers). */
  paymentSeed: 'PAYMENT_SEED',
  paymentApprovalRate: 'PAYMENT_APPROVAL_RATE',
  paymentDeclineRate: 'PAYMENT_DECLINE_RATE',
  paymentTransientRate: 'PAYMENT_TRANSIENT_RATE',
} as const;

/** Each table's partition key attribute (type S). No sort keys. */
export const TABLE_PARTITION_KEYS = {
  inventoryTable: 'sku',
  reservationsTable: 'orderId',
  paymentsTable: 'orderId',
  notificationsTable: 'notificationId',
} as const;

/** Table names, resolved from the environment or given by tests. */
export interface InventoryTables {
  readonly stock: string;
  readonly reservations: string;
}
