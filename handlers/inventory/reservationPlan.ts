/**
 * Turns a reserveInventory event into a store request: one line per SKU, positive whole
 * quantities, an expiry. Pure.
 */
import type { ReservationRequestLine, ReserveInventoryInput, StockLine } from '../../workflow/contracts';
import { InvalidReservationError } from '../errors';
import type { ReservationRequest } from '../ports';

/** How long a reservation holds stock before it may be reclaimed. */
export const DEFAULT_RESERVATION_TTL_SECONDS = 15 * 60;

/** Merges lines of the same SKU and checks quantities; throws {@link InvalidReservationError}. */
export function mergeLines(items: readonly ReservationRequestLine[]): ReservationRequestLine[] {
  if (items.length === 0) throw new InvalidReservationError('a reservation needs at least one line');
  const bySku = new Map<string, number>();
  for (const [index, { sku, quantity }] of items.entries()) {
    if (sku === '') throw new InvalidReservationError(`items[${index}].sku is empty`);
    if (!Number.isSafeInteger(quantity) || quantity <= 0) {
      throw new InvalidReservationError(`items[${index}].quantity must be a positive whole number`);
    }
    bySku.set(sku, (bySku.get(sku) ?? 0) + quantity);
  }
  // Sorted, so concurrent reservations touch SKUs in the same order.
  return [...bySku.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([sku, quantity]) => ({ sku, quantity }));
}

/** The store request for an event, created at `now`. */
export function planReservation(
  input: ReserveInventoryInput,
  now: Date,
  reservationId: string,
  ttlSeconds: number = DEFAULT_RESERVATION_TTL_SECONDS,
): ReservationRequest {
  return {
    orderId: input.orderId,
    reservationId,
    lines: mergeLines(input.items),
    expiresAt: new Date(now.getTime() + ttlSeconds * 1000).toISOString(),
  };
}

/** A line's stock status given what is available (`undefined`: the SKU is unknown). */
export function stockLine(sku: string, requested: number, available: number | undefined): StockLine {
  if (available === undefined) return { sku, requested, available: 0, status: 'UNKNOWN_SKU' };
  return { sku, requested, available, status: available >= requested ? 'AVAILABLE' : 'INSUFFICIENT' };
}
