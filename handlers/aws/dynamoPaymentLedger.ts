/**
 * PaymentLedger on DynamoDB: one item per order, every change a conditional write on the
 * item's status (PENDING → APPROVED | DECLINED → REFUNDED; or VOIDED), so retries and
 * racing calls agree on one outcome.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { PaymentProcessorUnavailableError } from '../errors';
import type { AttemptOutcome, ChargeRecord, ChargeTerms, PaymentLedger, RefundOutcome } from '../ports';
import { decodeItem, PaymentItem } from './storedItems';
import { conditionApplied, isConditionFailed, mapTransient } from './transientErrors';

const MAX_RACES = 8;

/** {@link PaymentLedger} on one DynamoDB table (partition key `orderId`). */
export class DynamoPaymentLedger implements PaymentLedger {
  public constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  public async beginAttempt(terms: ChargeTerms): Promise<AttemptOutcome> {
    try {
      const result = await this.call(() =>
        this.client.send(
          new UpdateCommand({
            TableName: this.table,
            Key: { orderId: terms.orderId },
            UpdateExpression:
              'SET attempts = if_not_exists(attempts, :zero) + :one, amount = if_not_exists(amount, :amount), currency = if_not_exists(currency, :currency), #s = if_not_exists(#s, :pending)',
            ConditionExpression: 'attribute_not_exists(orderId) OR #s = :pending',
            ExpressionAttributeNames: { '#s': 'status' },
            ExpressionAttributeValues: { ':zero': 0, ':one': 1, ':amount': terms.amount, ':currency': terms.currency, ':pending': 'PENDING' },
            ReturnValues: 'ALL_NEW',
          }),
        ),
      );
      const item = decodeItem(PaymentItem, result.Attributes, this.table);
      if (item === undefined) throw new PaymentProcessorUnavailableError(`ledger of order ${terms.orderId} returned no item; retry`);
      return { kind: 'attempt', attempt: item.attempts, terms: termsOf(item) };
    } catch (error) {
      if (!isConditionFailed(error)) throw error;
    }
    const item = await this.item(terms.orderId);
    const record = item === undefined ? undefined : recordOf(item);
    if (item === undefined || record === undefined) throw new PaymentProcessorUnavailableError(`ledger of order ${terms.orderId} changed under us; retry`);
    return { kind: 'final', record, terms: termsOf(item) };
  }

  public async complete(orderId: string, outcome: Extract<ChargeRecord, { status: 'APPROVED' | 'DECLINED' }>): Promise<ChargeRecord> {
    const fields = outcome.status === 'APPROVED' ? { confirmationId: outcome.confirmationId } : { declineReason: outcome.declineReason };
    const [name, value] = Object.entries(fields)[0];
    try {
      await this.call(() =>
        this.client.send(
          new UpdateCommand({
            TableName: this.table,
            Key: { orderId },
            UpdateExpression: `SET #s = :status, ${name} = :value`,
            ConditionExpression: '#s = :pending',
            ExpressionAttributeNames: { '#s': 'status' },
            ExpressionAttributeValues: { ':status': outcome.status, ':value': value, ':pending': 'PENDING' },
          }),
        ),
      );
      return outcome;
    } catch (error) {
      if (!isConditionFailed(error)) throw error;
    }
    const record = await this.get(orderId);
    if (record === undefined) throw new PaymentProcessorUnavailableError(`ledger of order ${orderId} has no attempt; retry`);
    return record;
  }

  public async refund(orderId: string, refundId: string): Promise<RefundOutcome> {
    for (let race = 0; race < MAX_RACES; race++) {
      const item = await this.item(orderId);
      if (item === undefined) {
        const put = { orderId, status: 'VOIDED', amount: 0, currency: '', attempts: 0 } satisfies PaymentItem;
        if (await this.conditional(() => this.client.send(new PutCommand({ TableName: this.table, Item: put, ConditionExpression: 'attribute_not_exists(orderId)' })))) {
          return { status: 'VOIDED' };
        }
        continue;
      }
      switch (item.status) {
        case 'REFUNDED':
          return { status: 'REFUNDED', confirmationId: item.confirmationId ?? '', refundId: item.refundId ?? '' };
        case 'DECLINED':
        case 'VOIDED':
          return { status: 'VOIDED' };
        case 'PENDING':
        case 'APPROVED': {
          const to = item.status === 'APPROVED' ? 'REFUNDED' : 'VOIDED';
          const changed = await this.conditional(() =>
            this.client.send(
              new UpdateCommand({
                TableName: this.table,
                Key: { orderId },
                UpdateExpression: to === 'REFUNDED' ? 'SET #s = :to, refundId = :refundId' : 'SET #s = :to',
                ConditionExpression: '#s = :from',
                ExpressionAttributeNames: { '#s': 'status' },
                ExpressionAttributeValues: to === 'REFUNDED' ? { ':to': to, ':from': item.status, ':refundId': refundId } : { ':to': to, ':from': item.status },
              }),
            ),
          );
          if (!changed) continue;
          return to === 'REFUNDED' ? { status: 'REFUNDED', confirmationId: item.confirmationId ?? '', refundId } : { status: 'VOIDED' };
        }
      }
    }
    throw new PaymentProcessorUnavailableError(`refund of order ${orderId} kept losing races; retry`);
  }

  public async get(orderId: string): Promise<ChargeRecord | undefined> {
    const item = await this.item(orderId);
    return item === undefined ? undefined : recordOf(item);
  }

  private async item(orderId: string): Promise<PaymentItem | undefined> {
    const result = await this.call(() => this.client.send(new GetCommand({ TableName: this.table, Key: { orderId }, ConsistentRead: true })));
    return decodeItem(PaymentItem, result.Item, this.table);
  }

  private conditional(run: () => Promise<unknown>): Promise<boolean> {
    return conditionApplied(() => this.call(run));
  }

  private call<R>(run: () => Promise<R>): Promise<R> {
    return mapTransient((message, options) => new PaymentProcessorUnavailableError(message, options), run);
  }
}

function termsOf(item: PaymentItem): ChargeTerms {
  return { orderId: item.orderId, amount: item.amount, currency: item.currency };
}

/** The final record of an item, or `undefined` while it is PENDING. */
function recordOf(item: PaymentItem): ChargeRecord | undefined {
  switch (item.status) {
    case 'PENDING':
      return undefined;
    case 'APPROVED':
      return { status: 'APPROVED', confirmationId: item.confirmationId ?? '' };
    case 'DECLINED':
      return { status: 'DECLINED', declineReason: item.declineReason ?? 'card_declined' };
    case 'REFUNDED':
      return { status: 'REFUNDED', confirmationId: item.confirmationId ?? '', refundId: item.refundId ?? '' };
    case 'VOIDED':
      return { status: 'VOIDED' };
  }
}
