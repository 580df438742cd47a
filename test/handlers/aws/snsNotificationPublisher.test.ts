import { SNSClient } from '@aws-sdk/client-sns';
import { expect } from 'chai';
import { SnsNotificationPublisher } from '../../../handlers/aws/snsNotificationPublisher';
import { NotificationUnavailableError } from '../../../handlers/errors';
import type { CustomerMessage } from '../../../handlers/ports';
import { type FakeSns, startFakeSns } from './support/fakeSns';

const TOPIC = 'arn:aws:sns:us-east-1:000000000000:order-notifications';
const message: CustomerMessage = { orderId: 'o1', outcome: 'SUCCEEDED', recipient: 'ada@example.com', subject: 'Your order o1 is confirmed', body: 'Hello' };

describe('Class: SnsNotificationPublisher (against a fake SNS endpoint)', () => {
  let sns: FakeSns;
  let client: SNSClient;

  before(async () => {
    sns = await startFakeSns();
    client = new SNSClient({ endpoint: sns.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });
  });
  after(async () => {
    client.destroy();
    await sns.stop();
  });

  it('publishes the message to the topic with the order id and outcome as attributes', async () => {
    const { messageId } = await new SnsNotificationPublisher(client, TOPIC).publish(message);
    const received = sns.received.at(-1);
    expect(received).to.deep.equal({
      topicArn: TOPIC,
      subject: 'Your order o1 is confirmed',
      message: JSON.stringify({ recipient: 'ada@example.com', subject: 'Your order o1 is confirmed', body: 'Hello' }),
      attributes: { orderId: 'o1', outcome: 'SUCCEEDED' },
      messageId,
    });
  });

  it('turns throttling into the retryable NotificationUnavailable', async () => {
    sns.failNext('Throttling', 400);
    const error = await new SnsNotificationPublisher(client, TOPIC).publish(message).catch((caught: unknown) => caught);
    expect(error).to.be.instanceOf(NotificationUnavailableError);
  });

  it('turns a server error into NotificationUnavailable', async () => {
    sns.failNext('InternalError', 500);
    const error = await new SnsNotificationPublisher(client, TOPIC).publish(message).catch((caught: unknown) => caught);
    expect(error).to.be.instanceOf(NotificationUnavailableError);
  });

  it('lets a permanent error (missing topic) through as it is', async () => {
    sns.failNext('NotFound', 404);
    const error = await new SnsNotificationPublisher(client, TOPIC).publish(message).catch((caught: unknown) => caught);
    expect(error).to.not.be.instanceOf(NotificationUnavailableError);
    expect((error as Error).name).to.equal('NotFoundException');
  });
});
