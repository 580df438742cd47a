import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { expect } from 'chai';
import { DynamoInventoryStore } from '../../../handlers/aws/dynamoInventoryStore';
import { DynamoPaymentLedger } from '../../../handlers/aws/dynamoPaymentLedger';
import { isConditionFailed, isTransientAwsError } from '../../../handlers/aws/transientErrors';
import { InventoryUnavailableError, PaymentProcessorUnavailableError } from '../../../handlers/errors';

const named = (name: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(name), { name, ...extra });

describe('Function: isTransientAwsError', () => {
  const cases: Array<[string, unknown, boolean]> = [
    ['throttling', named('ThrottlingException'), true],
    ['provisioned throughput', named('ProvisionedThroughputExceededException'), true],
    ['a 503', named('Whatever', { $metadata: { httpStatusCode: 503 } }), true],
    ['an SDK-retryable error', named('Whatever', { $retryable: {} }), true],
    ['connection refused', named('Error', { code: 'ECONNREFUSED' }), true],
    ['a failed condition', named('ConditionalCheckFailedException', { $metadata: { httpStatusCode: 400 } }), false],
    ['a missing table', named('ResourceNotFoundException', { $metadata: { httpStatusCode: 400 } }), false],
    ['a validation error', named('ValidationException'), false],
    ['not an error', 'ThrottlingException', false],
  ];
  for (const [name, error, expected] of cases) {
    it(`${name} → ${expected}`, () => expect(isTransientAwsError(error)).to.equal(expected));
  }

  it('recognises a failed condition', () => {
    expect(isConditionFailed(named('ConditionalCheckFailedException'))).to.equal(true);
    expect(isConditionFailed(named('ValidationException'))).to.equal(false);
  });
});

describe('DynamoDB adapters when DynamoDB is unreachable', () => {
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: 'http://127.0.0.1:9',
      region: 'us-east-1',
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
      maxAttempts: 1,
    }),
  );
  after(() => client.destroy());

  it('the inventory store fails with the retryable InventoryUnavailable', async () => {
    const store = new DynamoInventoryStore(client, { stock: 's', reservations: 'r' });
    const error = await store.release('o1').catch((caught: unknown) => caught);
    expect(error).to.be.instanceOf(InventoryUnavailableError);
  });

  it('the payment ledger fails with the retryable PaymentProcessorUnavailable', async () => {
    const error = await new DynamoPaymentLedger(client, 'p').get('o1').catch((caught: unknown) => caught);
    expect(error).to.be.instanceOf(PaymentProcessorUnavailableError);
  });
});
