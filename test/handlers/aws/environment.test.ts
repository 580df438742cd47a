import { expect } from 'chai';
import {
  awsInventoryStore,
  awsNotificationLog,
  awsNotificationPublisher,
  awsPaymentLedger,
  processorConfigFromEnvironment,
} from '../../../handlers/aws/environment';
import { ConfigurationError } from '../../../handlers/errors';

describe('Module: handlers/aws/environment', () => {
  const missing: Array<[string, () => unknown, string]> = [
    ['inventory', () => awsInventoryStore({}), 'INVENTORY_TABLE_NAME'],
    ['reservations', () => awsInventoryStore({ INVENTORY_TABLE_NAME: 'stock' }), 'RESERVATIONS_TABLE_NAME'],
    ['payments', () => awsPaymentLedger({}), 'PAYMENTS_TABLE_NAME'],
    ['notifications', () => awsNotificationLog({ NOTIFICATIONS_TABLE_NAME: '' }), 'NOTIFICATIONS_TABLE_NAME'],
    ['topic', () => awsNotificationPublisher({}), 'NOTIFICATION_TOPIC_ARN'],
  ];
  for (const [name, build, variable] of missing) {
    it(`names the missing variable for ${name}`, () => {
      expect(build).to.throw(ConfigurationError, `environment variable ${variable} is not set`);
    });
  }

  it('reads the processor settings, with defaults', () => {
    expect(processorConfigFromEnvironment({})).to.deep.equal({ seed: 42, approvalRate: 0.9, declineRate: 0.07, transientRate: 0.03 });
    expect(processorConfigFromEnvironment({ PAYMENT_SEED: '7', PAYMENT_TRANSIENT_RATE: '0.5' })).to.deep.equal({
      seed: 7,
      approvalRate: 0.9,
      declineRate: 0.07,
      transientRate: 0.5,
    });
  });

  it('refuses settings that are not numbers', () => {
    expect(() => processorConfigFromEnvironment({ PAYMENT_SEED: 'abc' })).to.throw(ConfigurationError, 'PAYMENT_SEED');
  });
});
