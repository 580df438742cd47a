/**
 * validateOrder: decodes the event, applies the order rules, returns every problem at once.
 */
import { ValidateOrderInput, type ValidationResult } from '../../workflow/contracts';
import { decodeEvent } from '../shared/decodeEvent';
import { lazyHandler, type TaskHandler } from '../shared/lazyHandler';
import { count, countBy, createObservability, observeInvocation, type Observability } from '../shared/observability';
import { safeOrderId } from '../shared/safeOrderId';
import { DEFAULT_LIMITS, findOrderProblems, type OrderLimits } from './rules';

/** What validateOrder needs. */
export interface ValidateOrderDeps {
  /** @default Powertools logger and metrics for service `order-validation` */
  readonly observability?: Observability;
  /** @default DEFAULT_LIMITS */
  readonly limits?: OrderLimits;
}

/** Builds the validateOrder handler. */
export function createValidateOrderHandler(deps: ValidateOrderDeps = {}): TaskHandler<ValidationResult> {
  const obs = deps.observability ?? createObservability('order-validation');
  const limits = deps.limits ?? DEFAULT_LIMITS;
  return (event, context) =>
    observeInvocation(
      obs,
      'validateOrder',
      async () => {
        const { order } = decodeEvent(ValidateOrderInput, event, 'validateOrder');
        const errors = findOrderProblems(order, limits);
        const valid = errors.length === 0;
        const orderId = safeOrderId(order.orderId);
        if (valid) {
          count(obs.metrics, 'OrdersValidated');
        } else {
          for (const code of new Set(errors.map((error) => error.code))) countBy(obs.metrics, 'OrdersRejected', 'rule', code);
        }
        obs.logger.info('order validated', {
          orderId,
          step: 'validateOrder',
          outcome: valid ? 'VALID' : 'INVALID',
          // Fields and codes only: messages and values stay out of the logs.
          problems: errors.map(({ field, code }) => `${field}:${code}`),
        });
        return { valid, errors };
      },
      context,
    );
}

/** The Lambda entry. */
export const handler = lazyHandler(() => createValidateOrderHandler());
