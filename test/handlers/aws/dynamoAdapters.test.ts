/**
 * The ports' contract suites against the DynamoDB adapters, on dynalite (DynamoDB's API,
 * in process, on 127.0.0.1). Fresh tables per test.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { expect } from 'chai';
import { DynamoInventoryStore } from '../../../handlers/aws/dynamoInventoryStore';
import { DynamoNotificationLog } from '../../../handlers/aws/dynamoNotificationLog';
import { DynamoPaymentLedger } from '../../../handlers/aws/dynamoPaymentLedger';
import { TABLE_PARTITION_KEYS } from '../../../handlers/aws/tables';
import { describeInventoryStoreContract } from '../ports/inventoryStoreContract';
import { describeNotificationLogContract } from '../ports/notificationLogContract';
import { describePaymentLedgerContract } from '../ports/paymentLedgerContract';
import { type LocalDynamo, startLocalDynamo } from './support/localDynamo';

describe('DynamoDB adapters (dynalite)', function () {
  this.timeout(60_000);
  let dynamo: LocalDynamo;

  before(async () => {
    dynamo = await startLocalDynamo();
  });
  after(async () => {
    await dynamo.stop();
  });

  it('refuses a stored item that does not decode (CorruptItem), never casting it', async () => {
    // Prepare
    const stock = await dynamo.createTable('stock', TABLE_PARTITION_KEYS.inventoryTable);
    await dynamo.client.send(new PutCommand({ TableName: stock, Item: { sku: 'A', available: 'lots' } }));
    const store = new DynamoInventoryStore(dynamo.client, { stock, reservations: 'unused' });
    // Act
    const error = await store.getStock('A').catch((caught: unknown) => caught);
    // Assess
    expect((error as Error).name).to.equal('CorruptItem');
    expect((error as Error).message).to.include('available: expected number, got "lots"');
  });

  describeInventoryStoreContract('DynamoDB', {
    make: async () =>
      new DynamoInventoryStore(dynamo.client, {
        stock: await dynamo.createTable('stock', TABLE_PARTITION_KEYS.inventoryTable),
        reservations: await dynamo.createTable('reservations', TABLE_PARTITION_KEYS.reservationsTable),
      }),
  });
  describePaymentLedgerContract('DynamoDB', {
    make: async () => new DynamoPaymentLedger(dynamo.client, await dynamo.createTable('payments', TABLE_PARTITION_KEYS.paymentsTable)),
  });
  describeNotificationLogContract('DynamoDB', {
    make: async () => new DynamoNotificationLog(dynamo.client, await dynamo.createTable('notifications', TABLE_PARTITION_KEYS.notificationsTable)),
  });
});
