/**
 * NotificationPublisher on SNS: one Publish per message to the notification topic, with
 * the order id and outcome as message attributes (for subscription filter policies).
 */
import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import { NotificationUnavailableError } from '../errors';
import type { CustomerMessage, NotificationPublisher } from '../ports';
import { mapTransient } from './transientErrors';

/** {@link NotificationPublisher} on an SNS topic. */
export class SnsNotificationPublisher implements NotificationPublisher {
  public constructor(
    private readonly client: SNSClient,
    private readonly topicArn: string,
  ) {}

  public async publish(message: CustomerMessage): Promise<{ messageId: string }> {
    const result = await mapTransient(
      (text, options) => new NotificationUnavailableError(text, options),
      () =>
        this.client.send(
          new PublishCommand({
            TopicArn: this.topicArn,
            Subject: message.subject.slice(0, 100),
            Message: JSON.stringify({ recipient: message.recipient, subject: message.subject, body: message.body }),
            MessageAttributes: {
              orderId: { DataType: 'String', StringValue: message.orderId },
              outcome: { DataType: 'String', StringValue: message.outcome },
            },
          }),
        ),
    );
    return { messageId: result.MessageId ?? '' };
  }
}
