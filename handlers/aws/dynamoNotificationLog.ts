/**
 * NotificationLog on DynamoDB: one item per (orderId, outcome). A claim is a conditional
 * put that succeeds only when no delivery is recorded, the last one failed, or a PENDING
 * one is stale; so at most one call delivers at a time, and a delivered one never again.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { OrderOutcome } from '../../workflow/contracts';
import { NotificationUnavailableError } from '../errors';
import type { ClaimOutcome, DeliveryRecord, NotificationLog } from '../ports';
import { DeliveryItem, decodeItem } from './storedItems';
import { isConditionFailed, mapTransient } from './transientErrors';

/** The item key of a notification. */
export function notificationId(orderId: string, outcome: OrderOutcome): string {
  return `${orderId}#${outcome}`;
}

/** {@link NotificationLog} on one DynamoDB table (partition key `notificationId`). */
export class DynamoNotificationLog implements NotificationLog {
  public constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  public async claim(orderId: string, outcome: OrderOutcome, now: string, staleBefore: string): Promise<ClaimOutcome> {
    const record: DeliveryRecord = { orderId, outcome, status: 'PENDING', updatedAt: now };
    try {
      await this.call(() =>
        this.client.send(
          new PutCommand({
            TableName: this.table,
            Item: { notificationId: notificationId(orderId, outcome), ...record },
            ConditionExpression: 'attribute_not_exists(notificationId) OR #s = :failed OR (#s = :pending AND updatedAt < :stale)',
            ExpressionAttributeNames: { '#s': 'status' },
            ExpressionAttributeValues: { ':failed': 'FAILED', ':pending': 'PENDING', ':stale': staleBefore },
          }),
        ),
      );
      return { kind: 'claimed' };
    } catch (error) {
      if (!isConditionFailed(error)) throw error;
    }
    const existing = await this.get(orderId, outcome);
    if (existing === undefined) throw new NotificationUnavailableError(`notification of order ${orderId} vanished; retry`);
    return { kind: 'taken', record: existing };
  }

  public async finish(record: DeliveryRecord): Promise<void> {
    await this.call(() =>
      this.client.send(new PutCommand({ TableName: this.table, Item: { notificationId: notificationId(record.orderId, record.outcome), ...record } })),
    );
  }

  public async get(orderId: string, outcome: OrderOutcome): Promise<DeliveryRecord | undefined> {
    const result = await this.call(() =>
      this.client.send(new GetCommand({ TableName: this.table, Key: { notificationId: notificationId(orderId, outcome) }, ConsistentRead: true })),
    );
    const item = decodeItem(DeliveryItem, result.Item, this.table);
    if (item === undefined) return undefined;
    const { notificationId: _key, ...record } = item;
    return record;
  }

  private call<R>(run: () => Promise<R>): Promise<R> {
    return mapTransient((message, options) => new NotificationUnavailableError(message, options), run);
  }
}
