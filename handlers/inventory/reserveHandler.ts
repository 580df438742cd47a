/**
 * reserveInventory: reserves every line of an order or none, idempotently per orderId.
 */
import { ReserveInventoryInput, type ReservationResult } from '../../workflow/contracts';
import { OrderCompensatedError } from '../errors';
import type { InventoryStore } from '../ports';
import { type Runtime, systemRuntime } from '../shared/clock';
import { decodeEvent } from '../shared/decodeEvent';
import { lazyHandler, type TaskHandler } from '../shared/lazyHandler';
import { count, countBy, createObservability, observeInvocation, type Observability } from '../shared/observability';
import { safeOrderId } from '../shared/safeOrderId';
import { DEFAULT_RESERVATION_TTL_SECONDS, planReservation } from './reservationPlan';

/** What reserveInventory needs. */
export interface ReserveInventoryDeps {
  readonly store: InventoryStore;
  /** @default Powertools logger and metrics for service `inventory` */
  readonly observability?: Observability;
  /** @default the system clock and random UUIDs */
  readonly runtime?: Runtime;
  /** @default 900 (15 minutes) */
  readonly reservationTtlSeconds?: number;
}

/** Builds the reserveInventory handler. */
export function createReserveInventoryHandler(deps: ReserveInventoryDeps): TaskHandler<ReservationResult> {
  const obs = deps.observability ?? createObservability('inventory');
  const runtime = deps.runtime ?? systemRuntime;
  return (event, context) =>
    observeInvocation(
      obs,
      'reserveInventory',
      async () => {
        const input = decodeEvent(ReserveInventoryInput, event, 'reserveInventory');
        const orderId = safeOrderId(input.orderId);
        const request = planReservation(input, runtime.now(), `res-${runtime.newId()}`, deps.reservationTtlSeconds ?? DEFAULT_RESERVATION_TTL_SECONDS);
        const outcome = await deps.store.reserve(request);
        if (outcome.status === 'VOIDED') throw new OrderCompensatedError(input.orderId, 'its inventory was released');
        if (outcome.status === 'RESERVED') {
          count(obs.metrics, 'ReservationsCreated');
        } else {
          for (const line of outcome.lines) if (line.status !== 'AVAILABLE') countBy(obs.metrics, 'OutOfStock', 'sku', line.sku);
        }
        obs.logger.info('inventory reserved', {
          orderId,
          step: 'reserveInventory',
          outcome: outcome.status,
          reservationId: outcome.status === 'RESERVED' ? outcome.reservationId : undefined,
          shortSkus: outcome.lines.filter((line) => line.status !== 'AVAILABLE').map((line) => line.sku),
        });
        const result: ReservationResult =
          outcome.status === 'RESERVED'
            ? { status: 'RESERVED', reservationId: outcome.reservationId, lines: outcome.lines, expiresAt: outcome.expiresAt }
            : { status: 'OUT_OF_STOCK', lines: outcome.lines };
        return result;
      },
      context,
    );
}

/** The Lambda entry (AWS adapters loaded on first invocation): DynamoDB tables from the environment. */
export const handler = lazyHandler(async () => {
  const aws = await import('../aws/environment');
  return createReserveInventoryHandler({ store: aws.awsInventoryStore() });
});
