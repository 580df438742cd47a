/**
 * releaseInventory (compensation): releases the order's reservation, restoring its stock
 * exactly once; a no-op when nothing was reserved.
 */
import { ReleaseInventoryInput, type ReleaseResult } from '../../workflow/contracts';
import type { InventoryStore } from '../ports';
import { decodeEvent } from '../shared/decodeEvent';
import { lazyHandler, type TaskHandler } from '../shared/lazyHandler';
import { count, createObservability, observeInvocation, type Observability } from '../shared/observability';
import { safeOrderId } from '../shared/safeOrderId';

/** What releaseInventory needs. */
export interface ReleaseInventoryDeps {
  readonly store: InventoryStore;
  /** @default Powertools logger and metrics for service `inventory` */
  readonly observability?: Observability;
}

/** Builds the releaseInventory handler. */
export function createReleaseInventoryHandler(deps: ReleaseInventoryDeps): TaskHandler<ReleaseResult> {
  const obs = deps.observability ?? createObservability('inventory');
  return (event, context) =>
    observeInvocation(
      obs,
      'releaseInventory',
      async () => {
        const { orderId } = decodeEvent(ReleaseInventoryInput, event, 'releaseInventory');
        const outcome = await deps.store.release(orderId);
        count(obs.metrics, outcome.status === 'RELEASED' ? 'ReservationsReleased' : 'ReleasesWithoutReservation');
        obs.logger.info('inventory released', { orderId: safeOrderId(orderId), step: 'releaseInventory', outcome: outcome.status });
        return outcome.status === 'RELEASED'
          ? { orderId, status: 'RELEASED', reservationId: outcome.reservationId }
          : { orderId, status: 'NOTHING_RESERVED' };
      },
      context,
    );
}

/** The Lambda entry (AWS adapters loaded on first invocation): DynamoDB tables from the environment. */
export const handler = lazyHandler(async () => {
  const aws = await import('../aws/environment');
  return createReleaseInventoryHandler({ store: aws.awsInventoryStore() });
});
