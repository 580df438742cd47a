/**
 * notifyCustomer: builds the customer's message for the outcome, delivers it once per order
 * and outcome, and records the delivery status.
 */
import { NotifyCustomerInput, type NotificationResult } from '../../workflow/contracts';
import { NotificationUnavailableError } from '../errors';
import type { NotificationLog, NotificationPublisher } from '../ports';
import { type Runtime, systemRuntime } from '../shared/clock';
import { decodeEvent } from '../shared/decodeEvent';
import { lazyHandler, type TaskHandler } from '../shared/lazyHandler';
import { count, countBy, createObservability, describeError, observeInvocation, type Observability } from '../shared/observability';
import { safeOrderId, storableOrderId } from '../shared/safeOrderId';
import { buildCustomerMessage } from './message';

/** What notifyCustomer needs. */
export interface NotifyCustomerDeps {
  readonly log: NotificationLog;
  readonly publisher: NotificationPublisher;
  /** @default Powertools logger and metrics for service `notification` */
  readonly observability?: Observability;
  /** @default the system clock */
  readonly runtime?: Runtime;
  /**
   * After this long a PENDING delivery (its caller crashed) may be taken over.
   * @default 60
   */
  readonly claimTimeoutSeconds?: number;
}

/** Builds the notifyCustomer handler. */
export function createNotifyCustomerHandler(deps: NotifyCustomerDeps): TaskHandler<NotificationResult> {
  const obs = deps.observability ?? createObservability('notification');
  const runtime = deps.runtime ?? systemRuntime;
  const claimTimeoutMs = (deps.claimTimeoutSeconds ?? 60) * 1000;
  return (event, context) =>
    observeInvocation(
      obs,
      'notifyCustomer',
      async () => {
        const input = decodeEvent(NotifyCustomerInput, event, 'notifyCustomer');
        const { outcome } = input;
        const orderId = storableOrderId(input.orderId);
        const logged = { orderId: safeOrderId(orderId), step: 'notifyCustomer', notification: outcome };
        const now = runtime.now();
        const claim = await deps.log.claim(orderId, outcome, now.toISOString(), new Date(now.getTime() - claimTimeoutMs).toISOString());
        if (claim.kind === 'taken') {
          if (claim.record.status === 'PENDING') {
            // Another call is delivering it right now: retry later rather than send twice.
            throw new NotificationUnavailableError(`notification ${outcome} of order ${orderId} is being delivered by another call`);
          }
          count(obs.metrics, 'NotificationsDuplicate');
          obs.logger.info('notification already sent', { ...logged, outcome: 'DUPLICATE' });
          return { orderId, outcome, status: 'DUPLICATE', ...(claim.record.messageId !== undefined ? { messageId: claim.record.messageId } : {}) };
        }

        const message = buildCustomerMessage(input);
        try {
          const { messageId } = await deps.publisher.publish(message);
          await deps.log.finish({ orderId, outcome, status: 'DELIVERED', messageId, updatedAt: runtime.now().toISOString() });
          count(obs.metrics, 'NotificationsSent');
          obs.logger.info('notification delivered', { ...logged, outcome: 'DELIVERED', messageId });
          return { orderId, outcome, status: 'DELIVERED', messageId };
        } catch (error) {
          const { name } = describeError(error);
          await deps.log.finish({ orderId, outcome, status: 'FAILED', error: name, updatedAt: runtime.now().toISOString() });
          countBy(obs.metrics, 'NotificationsFailed', 'outcome', outcome);
          obs.logger.warn('notification failed', { ...logged, outcome: 'FAILED', error: name });
          // Transient: let the workflow retry (the FAILED record may be claimed again).
          if (error instanceof NotificationUnavailableError) throw error;
          return { orderId, outcome, status: 'FAILED', error: name };
        }
      },
      context,
    );
}

/** The Lambda entry (AWS adapters loaded on first invocation): DynamoDB table and SNS topic from the environment. */
export const handler = lazyHandler(async () => {
  const aws = await import('../aws/environment');
  return createNotifyCustomerHandler({ log: aws.awsNotificationLog(), publisher: aws.awsNotificationPublisher() });
});
