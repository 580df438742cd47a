/**
 * refundPayment (compensation): refunds the order's approved charge once, or voids the
 * order when nothing was charged so that a late charge is refused.
 */
import { RefundPaymentInput, type RefundResult } from '../../workflow/contracts';
import type { PaymentLedger } from '../ports';
import { decodeEvent } from '../shared/decodeEvent';
import { lazyHandler, type TaskHandler } from '../shared/lazyHandler';
import { count, createObservability, observeInvocation, type Observability } from '../shared/observability';
import { safeOrderId } from '../shared/safeOrderId';
import { DEFAULT_PROCESSOR_CONFIG, paymentId } from './processor';

/** What refundPayment needs. */
export interface RefundPaymentDeps {
  readonly ledger: PaymentLedger;
  /** Only the seed is used, for reproducible refund ids. @default 42 */
  readonly seed?: number;
  /** @default Powertools logger and metrics for service `payment` */
  readonly observability?: Observability;
}

/** Builds the refundPayment handler. */
export function createRefundPaymentHandler(deps: RefundPaymentDeps): TaskHandler<RefundResult> {
  const obs = deps.observability ?? createObservability('payment');
  const seed = deps.seed ?? DEFAULT_PROCESSOR_CONFIG.seed;
  return (event, context) =>
    observeInvocation(
      obs,
      'refundPayment',
      async () => {
        const { orderId } = decodeEvent(RefundPaymentInput, event, 'refundPayment');
        const outcome = await deps.ledger.refund(orderId, paymentId('re', seed, orderId));
        count(obs.metrics, outcome.status === 'REFUNDED' ? 'PaymentsRefunded' : 'PaymentsVoided');
        obs.logger.info('payment compensated', { orderId: safeOrderId(orderId), step: 'refundPayment', outcome: outcome.status });
        return outcome.status === 'REFUNDED'
          ? { orderId, status: 'REFUNDED', refundId: outcome.refundId, confirmationId: outcome.confirmationId }
          : { orderId, status: 'VOIDED' };
      },
      context,
    );
}

/** The Lambda entry (AWS adapters loaded on first invocation): DynamoDB table from the environment. */
export const handler = lazyHandler(async () => {
  const aws = await import('../aws/environment');
  return createRefundPaymentHandler({ ledger: aws.awsPaymentLedger(), seed: aws.processorConfigFromEnvironment().seed });
});
