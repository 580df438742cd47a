/**
 * Codecs of the items the DynamoDB adapters store: items are decoded on read, never cast,
 * so a malformed item fails loudly (CorruptItem) instead of travelling on.
 */
import { isLeft } from 'fp-ts/Either';
import * as t from 'io-ts';
import { DeclineReason, OrderOutcome, ReservationRequestLine, StockLine } from '../../workflow/contracts';
import { formatDecodeErrors } from '../../workflow/decodeErrors';

/** A reservation item (table of reservations, key `orderId`). */
export const ReservationItem = t.intersection([
  t.type({
    orderId: t.string,
    status: t.keyof({ PENDING: null, RESERVED: null, RELEASING: null, RELEASED: null, VOIDED: null }),
    lines: t.array(ReservationRequestLine),
  }),
  t.partial({ reservationId: t.string, stockLines: t.array(StockLine), expiresAt: t.string }),
]);
export type ReservationItem = t.TypeOf<typeof ReservationItem>;

/** A stock item (table of stock, key `sku`); `holds` maps orderId to units held, or -1. */
export const StockItem = t.intersection([
  t.type({ sku: t.string, available: t.number }),
  t.partial({ holds: t.record(t.string, t.number) }),
]);
export type StockItem = t.TypeOf<typeof StockItem>;

/** A payment item (table of payments, key `orderId`). */
export const PaymentItem = t.intersection([
  t.type({
    orderId: t.string,
    status: t.keyof({ PENDING: null, APPROVED: null, DECLINED: null, REFUNDED: null, VOIDED: null }),
    amount: t.number,
    currency: t.string,
    attempts: t.number,
  }),
  t.partial({ confirmationId: t.string, declineReason: DeclineReason, refundId: t.string }),
]);
export type PaymentItem = t.TypeOf<typeof PaymentItem>;

/** A notification delivery item (table of notifications, key `notificationId`). */
export const DeliveryItem = t.intersection([
  t.type({
    notificationId: t.string,
    orderId: t.string,
    outcome: OrderOutcome,
    status: t.keyof({ PENDING: null, DELIVERED: null, FAILED: null }),
    updatedAt: t.string,
  }),
  t.partial({ messageId: t.string, error: t.string }),
]);
export type DeliveryItem = t.TypeOf<typeof DeliveryItem>;

/** A stored item that does not decode. */
export class CorruptItemError extends Error {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'CorruptItem';
  }
}

/** Decodes an item read from a table (`undefined` stays `undefined`). */
export function decodeItem<A>(codec: t.Decoder<unknown, A>, item: unknown, table: string): A | undefined {
  if (item === undefined) return undefined;
  const result = codec.decode(item);
  if (isLeft(result)) throw new CorruptItemError(`item in ${table} does not decode: ${formatDecodeErrors(result.left).join('; ')}`);
  return result.right;
}
