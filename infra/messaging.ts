/** Messaging: the SNS topic customer notifications are published to. */
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { COMPONENT_TYPES } from './componentTypes';

/** The customer notification topic. */
export class OrderMessaging extends pulumi.ComponentResource {
  /** notifyCustomer publishes every customer message here; subscribers deliver it. */
  public readonly notificationTopic: aws.sns.Topic;

  public constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
    super(COMPONENT_TYPES.messaging, name, {}, opts);
    this.notificationTopic = new aws.sns.Topic(
      `${name}-customer-notifications`,
      // Messages hold customer names and addresses: encrypted at rest with the AWS-managed
      // key, whose key policy already lets this account's publishers use it through SNS.
      { kmsMasterKeyId: 'alias/aws/sns' },
      { parent: this },
    );
    this.registerOutputs({ notificationTopicArn: this.notificationTopic.arn });
  }
}
