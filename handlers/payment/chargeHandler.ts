/**
 * chargePayment: charges the order through the (simulated) processor, at most once per
 * orderId. Transient processor failures are thrown as PaymentProcessorUnavailable.
 */
import { ChargePaymentInput, type ChargeResult } from '../../workflow/contracts';
import { IdempotencyConflictError, InvalidEventError, OrderCompensatedError, PaymentProcessorUnavailableError } from '../errors';
import type { ChargeRecord, ChargeTerms, PaymentLedger } from '../ports';
import { containsCardNumber } from '../shared/cardNumber';
import { decodeEvent } from '../shared/decodeEvent';
import { lazyHandler, type TaskHandler } from '../shared/lazyHandler';
import { count, countBy, createObservability, observeInvocation, type Observability } from '../shared/observability';
import { safeOrderId } from '../shared/safeOrderId';
import { checkProcessorConfig, decideCharge, DEFAULT_PROCESSOR_CONFIG, paymentId, type ProcessorConfig } from './processor';

/** What chargePayment needs. */
export interface ChargePaymentDeps {
  readonly ledger: PaymentLedger;
  /** @default DEFAULT_PROCESSOR_CONFIG */
  readonly processor?: ProcessorConfig;
  /** @default Powertools logger and metrics for service `payment` */
  readonly observability?: Observability;
}

/** Problems that make a charge impossible whatever the processor says. */
function chargeInputProblems(input: ChargePaymentInput): string[] {
  const problems: string[] = [];
  if (!(input.amount > 0 && Number.isFinite(input.amount))) problems.push('amount: expected a positive amount');
  if (!/^[A-Z]{3}$/.test(input.currency)) problems.push('currency: expected an ISO 4217 code');
  if (input.paymentToken === '') problems.push('paymentToken: expected a processor token, got ""');
  if (containsCardNumber(input.paymentToken)) problems.push('paymentToken: expected a processor token, got [redacted]');
  return problems;
}

/** The result a recorded charge replays as. */
function replay(orderId: string, record: ChargeRecord): ChargeResult {
  switch (record.status) {
    case 'APPROVED':
    case 'REFUNDED':
      return { status: 'APPROVED', confirmationId: record.confirmationId };
    case 'DECLINED':
      return { status: 'DECLINED', declineReason: record.declineReason };
    case 'VOIDED':
      throw new OrderCompensatedError(orderId, 'its payment was voided');
  }
}

function sameTerms(a: ChargeTerms, b: ChargeTerms): boolean {
  return a.amount === b.amount && a.currency === b.currency;
}

/** Builds the chargePayment handler. */
export function createChargePaymentHandler(deps: ChargePaymentDeps): TaskHandler<ChargeResult> {
  const obs = deps.observability ?? createObservability('payment');
  const config = checkProcessorConfig(deps.processor ?? DEFAULT_PROCESSOR_CONFIG);
  return (event, context) =>
    observeInvocation(
      obs,
      'chargePayment',
      async () => {
        const input = decodeEvent(ChargePaymentInput, event, 'chargePayment');
        const problems = chargeInputProblems(input);
        if (problems.length > 0) throw new InvalidEventError('chargePayment', problems);
        const orderId = safeOrderId(input.orderId);
        const terms: ChargeTerms = { orderId: input.orderId, amount: input.amount, currency: input.currency };

        const begun = await deps.ledger.beginAttempt(terms);
        if (begun.kind === 'final' && begun.record.status === 'VOIDED') {
          throw new OrderCompensatedError(input.orderId, 'its payment was voided');
        }
        if (!sameTerms(begun.terms, terms)) {
          throw new IdempotencyConflictError(`order ${input.orderId} was already charged with different terms`);
        }
        let record: ChargeRecord;
        if (begun.kind === 'final') {
          record = begun.record;
          obs.logger.info('payment replayed', { orderId, step: 'chargePayment', outcome: record.status });
        } else {
          const decision = decideCharge(config, input.orderId, begun.attempt, input.paymentToken);
          if (decision.kind === 'transient') {
            count(obs.metrics, 'PaymentsTransientFailures');
            obs.logger.warn('payment processor unavailable', { orderId, step: 'chargePayment', outcome: 'TRANSIENT', attempt: begun.attempt });
            throw new PaymentProcessorUnavailableError(`payment processor unavailable (attempt ${begun.attempt})`);
          }
          record = await deps.ledger.complete(
            input.orderId,
            decision.kind === 'approved'
              ? { status: 'APPROVED', confirmationId: paymentId('ch', config.seed, input.orderId) }
              : { status: 'DECLINED', declineReason: decision.reason },
          );
          if (record.status === 'APPROVED') count(obs.metrics, 'PaymentsApproved');
          if (record.status === 'DECLINED') countBy(obs.metrics, 'PaymentsDeclined', 'reason', record.declineReason);
          obs.logger.info('payment decided', {
            orderId,
            step: 'chargePayment',
            outcome: record.status,
            attempt: begun.attempt,
            declineReason: record.status === 'DECLINED' ? record.declineReason : undefined,
          });
        }
        return replay(input.orderId, record);
      },
      context,
    );
}

/** The Lambda entry (AWS adapters loaded on first invocation): DynamoDB table and processor settings from the environment. */
export const handler = lazyHandler(async () => {
  const aws = await import('../aws/environment');
  return createChargePaymentHandler({ ledger: aws.awsPaymentLedger(), processor: aws.processorConfigFromEnvironment() });
});
