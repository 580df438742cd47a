/**
 * The storage and messaging interfaces the services' rules need. Adapters: SQLite in
 * local/store/adapters (one machine), DynamoDB and SNS in handlers/aws (AWS). One contract
 * test suite per port runs against both.
 *
 * Every operation is idempotent per orderId, so that a retried or duplicated Lambda call
 * never reserves, charges or notifies twice.
 */
import type {
  DeclineReason,
  InventoryOutOfStock,
  InventoryReserved,
  OrderOutcome,
  ReservationRequestLine,
} from '../workflow/contracts';

// ---------------------------------------------------------------------------
// Inventory
// ---------------------------------------------------------------------------

/** What to reserve. Lines have distinct SKUs and positive integer quantities. */
export interface ReservationRequest {
  readonly orderId: string;
  /** Used only when this call creates the reservation; a replay returns the stored id. */
  readonly reservationId: string;
  readonly lines: readonly ReservationRequestLine[];
  /** ISO-8601 instant after which the reservation may be reclaimed. */
  readonly expiresAt: string;
}

/** Outcome of {@link InventoryStore.reserve}. */
export type ReserveOutcome =
  | InventoryReserved
  | InventoryOutOfStock
  /** The order was released before this (late) reserve arrived: nothing is reserved. */
  | { readonly status: 'VOIDED' };

/** Outcome of {@link InventoryStore.release}. */
export type ReleaseOutcome =
  | { readonly status: 'RELEASED'; readonly reservationId: string }
  | { readonly status: 'NOTHING_RESERVED' };

/** Stock levels and reservations. */
export interface InventoryStore {
  /**
   * Reserves every line or none, atomically with respect to concurrent reservations (no
   * oversell). Idempotent per orderId: a replay returns the stored reservation.
   */
  reserve(request: ReservationRequest): Promise<ReserveOutcome>;
  /**
   * Releases the order's reservation, restoring its stock exactly once; later calls return
   * the same outcome. Releasing an order with no reservation voids it, so that a late
   * reserve for it reserves nothing.
   */
  release(orderId: string): Promise<ReleaseOutcome>;
  /** Sets a SKU's available units (seeding, restocking). */
  setStock(sku: string, available: number): Promise<void>;
  /** A SKU's available units, or `undefined` for an unknown SKU. */
  getStock(sku: string): Promise<number | undefined>;
}

// ---------------------------------------------------------------------------
// Payments
// ---------------------------------------------------------------------------

/** A charge as recorded by the ledger. Amounts are in the currency's major unit. */
export type ChargeRecord =
  | { readonly status: 'APPROVED'; readonly confirmationId: string }
  | { readonly status: 'DECLINED'; readonly declineReason: DeclineReason }
  | { readonly status: 'REFUNDED'; readonly confirmationId: string; readonly refundId: string }
  | { readonly status: 'VOIDED' };

/** The amount a charge is for; a replay with different terms is a conflict. */
export interface ChargeTerms {
  readonly orderId: string;
  readonly amount: number;
  readonly currency: string;
}

/** Outcome of {@link PaymentLedger.beginAttempt}. */
export type AttemptOutcome =
  /** No final outcome yet: this is attempt number `attempt` (1, 2, …) for the order. */
  | { readonly kind: 'attempt'; readonly attempt: number; readonly terms: ChargeTerms }
  /** The order already has a final outcome: replay it, never charge again. */
  | { readonly kind: 'final'; readonly record: ChargeRecord; readonly terms: ChargeTerms };

/** Outcome of {@link PaymentLedger.refund}. */
export type RefundOutcome =
  | { readonly status: 'REFUNDED'; readonly confirmationId: string; readonly refundId: string }
  | { readonly status: 'VOIDED' };

/** Payments per order: attempts, final outcomes and refunds. */
export interface PaymentLedger {
  /**
   * Counts one more attempt for the order, unless it already has a final outcome. `terms`
   * are those stored by the order's first attempt (so the caller can detect a conflict).
   */
  beginAttempt(terms: ChargeTerms): Promise<AttemptOutcome>;
  /**
   * Records the final outcome of an attempt. The first final outcome wins; the stored one
   * is returned (so two racing attempts agree on one result).
   */
  complete(orderId: string, outcome: Extract<ChargeRecord, { status: 'APPROVED' | 'DECLINED' }>): Promise<ChargeRecord>;
  /**
   * Refunds an approved charge (once; replays return the same refund), or voids an order
   * with no approved charge so that a late charge is refused.
   */
  refund(orderId: string, refundId: string): Promise<RefundOutcome>;
  /** The order's recorded charge, if any. */
  get(orderId: string): Promise<ChargeRecord | undefined>;
}

// ---------------------------------------------------------------------------
// Notifications
// ---------------------------------------------------------------------------

/** A message to the customer. Never holds card data or a full address. */
export interface CustomerMessage {
  readonly orderId: string;
  readonly outcome: OrderOutcome;
  /** Where to send it. */
  readonly recipient: string;
  readonly subject: string;
  readonly body: string;
}

/** A notification's delivery record. */
export interface DeliveryRecord {
  readonly orderId: string;
  readonly outcome: OrderOutcome;
  readonly status: 'PENDING' | 'DELIVERED' | 'FAILED';
  readonly messageId?: string;
  readonly error?: string;
  /** ISO-8601 instant of the last change. */
  readonly updatedAt: string;
}

/** Outcome of {@link NotificationLog.claim}. */
export type ClaimOutcome =
  /** This call may deliver (no record yet, a failed one, or a stale pending one). */
  | { readonly kind: 'claimed' }
  /** Another call holds or finished this notification. */
  | { readonly kind: 'taken'; readonly record: DeliveryRecord };

/** Records which notification was sent, once per order and outcome. */
export interface NotificationLog {
  /**
   * Claims the (orderId, outcome) notification for delivery. A PENDING claim older than
   * `staleBefore` (ISO-8601) is taken over, so a crashed call does not block it forever.
   */
  claim(orderId: string, outcome: OrderOutcome, now: string, staleBefore: string): Promise<ClaimOutcome>;
  /** Records the delivery result of a claimed notification. */
  finish(record: DeliveryRecord): Promise<void>;
  /** The delivery record, if any. */
  get(orderId: string, outcome: OrderOutcome): Promise<DeliveryRecord | undefined>;
}

/** Delivers a message (SNS on AWS, an outbox table locally). */
export interface NotificationPublisher {
  /** Sends the message and returns the channel's message id. */
  publish(message: CustomerMessage): Promise<{ messageId: string }>;
}
