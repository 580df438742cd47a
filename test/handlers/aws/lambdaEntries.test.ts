/**
 * The Lambda entries as deployed: each module's default `handler`, wired from the
 * environment, against dynalite (DynamoDB) and a fake SNS endpoint.
 */
import { expect } from 'chai';
import { ENVIRONMENT_VARIABLES, TABLE_PARTITION_KEYS } from '../../../handlers/aws/tables';
import { DynamoInventoryStore } from '../../../handlers/aws/dynamoInventoryStore';
import { handler as releaseInventory } from '../../../handlers/inventory/releaseHandler';
import { handler as reserveInventory } from '../../../handlers/inventory/reserveHandler';
import { handler as notifyCustomer } from '../../../handlers/notification/handler';
import { handler as chargePayment } from '../../../handlers/payment/chargeHandler';
import { handler as refundPayment } from '../../../handlers/payment/refundHandler';
import { handler as validateOrder } from '../../../handlers/validation/handler';
import { captureStdout } from '../support/captureStdout';
import { anOrder } from '../support/orders';
import { type FakeSns, startFakeSns } from './support/fakeSns';
import { type LocalDynamo, startLocalDynamo } from './support/localDynamo';

const TOPIC = 'arn:aws:sns:us-east-1:000000000000:order-notifications';

describe('Lambda entries wired from the environment (dynalite + fake SNS)', function () {
  this.timeout(60_000);
  let dynamo: LocalDynamo;
  let sns: FakeSns;
  const saved: Record<string, string | undefined> = {};
  const setEnv = (name: string, value: string) => {
    if (!(name in saved)) saved[name] = process.env[name];
    process.env[name] = value;
  };

  before(async () => {
    dynamo = await startLocalDynamo();
    sns = await startFakeSns();
    setEnv('AWS_REGION', 'us-east-1');
    setEnv('AWS_ACCESS_KEY_ID', 'test');
    setEnv('AWS_SECRET_ACCESS_KEY', 'test');
    setEnv('AWS_ENDPOINT_URL_DYNAMODB', dynamo.endpoint);
    setEnv('AWS_ENDPOINT_URL_SNS', sns.endpoint);
    setEnv(ENVIRONMENT_VARIABLES.inventoryTable, await dynamo.createTable('stock', TABLE_PARTITION_KEYS.inventoryTable));
    setEnv(ENVIRONMENT_VARIABLES.reservationsTable, await dynamo.createTable('reservations', TABLE_PARTITION_KEYS.reservationsTable));
    setEnv(ENVIRONMENT_VARIABLES.paymentsTable, await dynamo.createTable('payments', TABLE_PARTITION_KEYS.paymentsTable));
    setEnv(ENVIRONMENT_VARIABLES.notificationsTable, await dynamo.createTable('notifications', TABLE_PARTITION_KEYS.notificationsTable));
    setEnv(ENVIRONMENT_VARIABLES.notificationTopicArn, TOPIC);
    setEnv(ENVIRONMENT_VARIABLES.paymentSeed, '7');
    const store = new DynamoInventoryStore(dynamo.client, {
      stock: process.env[ENVIRONMENT_VARIABLES.inventoryTable] ?? '',
      reservations: process.env[ENVIRONMENT_VARIABLES.reservationsTable] ?? '',
    });
    await store.setStock('BOOK-1', 5);
    await store.setStock('PEN-7', 3);
  });

  after(async () => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await sns.stop();
    await dynamo.stop();
  });

  it('runs an order through every step, then compensates it', async () => {
    const order = anOrder({ orderId: 'aws-1' });
    const { result, error } = await captureStdout(async () => {
      const validation = await validateOrder({ order });
      const inventory = await reserveInventory({ orderId: order.orderId, items: order.items });
      const payment = await chargePayment({ orderId: order.orderId, amount: order.total, currency: order.currency, paymentToken: order.paymentToken });
      const notified = await notifyCustomer({ orderId: order.orderId, outcome: 'SUCCEEDED', customer: order.customer });
      const released = await releaseInventory({ orderId: order.orderId });
      const refunded = await refundPayment({ orderId: order.orderId });
      return { validation, inventory, payment, notified, released, refunded };
    });
    expect(error).to.equal(undefined);
    expect(result?.validation).to.deep.equal({ valid: true, errors: [] });
    expect(result?.inventory.status).to.equal('RESERVED');
    expect(result?.payment.status).to.equal('APPROVED');
    expect(result?.notified).to.deep.include({ orderId: 'aws-1', outcome: 'SUCCEEDED', status: 'DELIVERED' });
    expect(sns.received.map(({ attributes }) => attributes)).to.deep.equal([{ orderId: 'aws-1', outcome: 'SUCCEEDED' }]);
    expect(result?.released).to.deep.include({ orderId: 'aws-1', status: 'RELEASED' });
    expect(result?.refunded).to.deep.include({ orderId: 'aws-1', status: 'REFUNDED' });
  });
});
