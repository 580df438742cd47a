/**
 * The order workflow's data contracts: io-ts codecs for the order and for every task
 * function's input event and result, as agreed in FLOW.md.
 *
 * The codecs are structural on purpose: they check shapes and primitive types only.
 * Formats (email, currency code), business rules (quantities, totals) and card-number
 * detection belong to the validation service, which lists every problem at once.
 * Objects are exact (`t.strict`): unknown fields are stripped on decode, so nothing a
 * caller smuggles in (e.g. a `cardNumber` field) travels further down the workflow.
 *
 * Money is expressed in the currency's major unit (e.g. `19.99` USD).
 */
import * as t from 'io-ts';

// ---------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------

/** The six task functions, by the logical name used in the ASL and everywhere else. */
export const TaskFunctionName = t.keyof({
  validateOrder: null,
  reserveInventory: null,
  releaseInventory: null,
  chargePayment: null,
  refundPayment: null,
  notifyCustomer: null,
});
export type TaskFunctionName = t.TypeOf<typeof TaskFunctionName>;

/** Every task function name, in workflow order. */
export const TASK_FUNCTION_NAMES: readonly TaskFunctionName[] = [
  'validateOrder',
  'reserveInventory',
  'releaseInventory',
  'chargePayment',
  'refundPayment',
  'notifyCustomer',
];

/**
 * The services' retryable error names: a task throwing an error with one of these
 * `name`s may succeed when retried (the workflow retries them with backoff and jitter).
 */
export const TransientErrorName = t.keyof({
  InventoryUnavailable: null,
  PaymentProcessorUnavailable: null,
  NotificationUnavailable: null,
});
export type TransientErrorName = t.TypeOf<typeof TransientErrorName>;

/** Every transient error name. */
export const TRANSIENT_ERROR_NAMES: readonly TransientErrorName[] = [
  'InventoryUnavailable',
  'PaymentProcessorUnavailable',
  'NotificationUnavailable',
];

// ---------------------------------------------------------------------------
// The order
// ---------------------------------------------------------------------------

/** The customer and how to reach them. */
export const Customer = t.intersection(
  [
    t.strict({ id: t.string, name: t.string, email: t.string }),
    t.exact(t.partial({ phone: t.string })),
  ],
  'Customer',
);
export type Customer = t.TypeOf<typeof Customer>;

/** One order line. `unitPrice` is in the currency's major unit. */
export const OrderItem = t.strict(
  { sku: t.string, quantity: t.number, unitPrice: t.number },
  'OrderItem',
);
export type OrderItem = t.TypeOf<typeof OrderItem>;

/** Where the goods go. `country` is an ISO 3166-1 alpha-2 code (checked by validation). */
export const ShippingAddress = t.intersection(
  [
    t.strict({ line1: t.string, city: t.string, postalCode: t.string, country: t.string }),
    t.exact(t.partial({ line2: t.string, region: t.string })),
  ],
  'ShippingAddress',
);
export type ShippingAddress = t.TypeOf<typeof ShippingAddress>;

/**
 * The execution input. `paymentToken` is a processor token (e.g. `tok_visa`), never a
 * card number; the validation service rejects anything that looks like one.
 */
export const Order = t.strict(
  {
    orderId: t.string,
    customer: Customer,
    items: t.array(OrderItem),
    currency: t.string,
    total: t.number,
    paymentToken: t.string,
    shippingAddress: ShippingAddress,
  },
  'Order',
);
export type Order = t.TypeOf<typeof Order>;

// ---------------------------------------------------------------------------
// validateOrder
// ---------------------------------------------------------------------------

/** Why a field failed validation. */
export const ValidationErrorCode = t.keyof({
  REQUIRED: null,
  INVALID_FORMAT: null,
  TOO_LONG: null,
  OUT_OF_RANGE: null,
  NOT_AN_INTEGER: null,
  TOO_MANY_UNITS: null,
  TOO_MANY_LINES: null,
  DUPLICATE_SKU: null,
  UNKNOWN_CURRENCY: null,
  TOTAL_MISMATCH: null,
  INVALID_EMAIL: null,
  CARD_NUMBER_FORBIDDEN: null,
});
export type ValidationErrorCode = t.TypeOf<typeof ValidationErrorCode>;

/** One problem with an order: the field's path (e.g. `items[2].quantity`), a code and prose. */
export const ValidationError = t.strict(
  { field: t.string, code: ValidationErrorCode, message: t.string },
  'ValidationError',
);
export type ValidationError = t.TypeOf<typeof ValidationError>;

/** validateOrder's input event. */
export const ValidateOrderInput = t.strict({ order: Order }, 'ValidateOrderInput');
export type ValidateOrderInput = t.TypeOf<typeof ValidateOrderInput>;

/** validateOrder's result: every problem at once; `valid` iff `errors` is empty. */
export const ValidationResult = t.strict(
  { valid: t.boolean, errors: t.array(ValidationError) },
  'ValidationResult',
);
export type ValidationResult = t.TypeOf<typeof ValidationResult>;

// ---------------------------------------------------------------------------
// reserveInventory / releaseInventory
// ---------------------------------------------------------------------------

/** A line to reserve. Order items decode as these (their `unitPrice` is stripped). */
export const ReservationRequestLine = t.strict(
  { sku: t.string, quantity: t.number },
  'ReservationRequestLine',
);
export type ReservationRequestLine = t.TypeOf<typeof ReservationRequestLine>;

/** reserveInventory's input event. */
export const ReserveInventoryInput = t.strict(
  { orderId: t.string, items: t.array(ReservationRequestLine) },
  'ReserveInventoryInput',
);
export type ReserveInventoryInput = t.TypeOf<typeof ReserveInventoryInput>;

/** A line's stock status: enough stock, too little, or a SKU the store does not know. */
export const StockLineStatus = t.keyof({ AVAILABLE: null, INSUFFICIENT: null, UNKNOWN_SKU: null });
export type StockLineStatus = t.TypeOf<typeof StockLineStatus>;

/** Stock status of one line, as seen when the reservation was attempted. */
export const StockLine = t.strict(
  { sku: t.string, requested: t.number, available: t.number, status: StockLineStatus },
  'StockLine',
);
export type StockLine = t.TypeOf<typeof StockLine>;

/** Every line reserved, atomically. `expiresAt` is an ISO-8601 instant. */
export const InventoryReserved = t.strict(
  {
    status: t.literal('RESERVED'),
    reservationId: t.string,
    lines: t.array(StockLine),
    expiresAt: t.string,
  },
  'InventoryReserved',
);
export type InventoryReserved = t.TypeOf<typeof InventoryReserved>;

/** At least one line could not be served; nothing was reserved. */
export const InventoryOutOfStock = t.strict(
  { status: t.literal('OUT_OF_STOCK'), lines: t.array(StockLine) },
  'InventoryOutOfStock',
);
export type InventoryOutOfStock = t.TypeOf<typeof InventoryOutOfStock>;

/** reserveInventory's result. */
export const ReservationResult = t.union([InventoryReserved, InventoryOutOfStock], 'ReservationResult');
export type ReservationResult = t.TypeOf<typeof ReservationResult>;

/** releaseInventory's input event (compensation). */
export const ReleaseInventoryInput = t.strict({ orderId: t.string }, 'ReleaseInventoryInput');
export type ReleaseInventoryInput = t.TypeOf<typeof ReleaseInventoryInput>;

/**
 * releaseInventory's result. `RELEASED` is returned by the first release and every retry
 * (stock is restored once); `NOTHING_RESERVED` when the order holds no reservation.
 */
export const ReleaseResult = t.intersection(
  [
    t.strict({ orderId: t.string, status: t.keyof({ RELEASED: null, NOTHING_RESERVED: null }) }),
    t.exact(t.partial({ reservationId: t.string })),
  ],
  'ReleaseResult',
);
export type ReleaseResult = t.TypeOf<typeof ReleaseResult>;

// ---------------------------------------------------------------------------
// chargePayment / refundPayment
// ---------------------------------------------------------------------------

/** Why the processor declined a payment (in the spirit of Stripe's decline codes). */
export const DeclineReason = t.keyof({
  insufficient_funds: null,
  card_declined: null,
  expired_card: null,
  incorrect_cvc: null,
  lost_card: null,
  stolen_card: null,
  fraud_suspected: null,
});
export type DeclineReason = t.TypeOf<typeof DeclineReason>;

/** chargePayment's input event. `amount` is in the currency's major unit. */
export const ChargePaymentInput = t.strict(
  { orderId: t.string, amount: t.number, currency: t.string, paymentToken: t.string },
  'ChargePaymentInput',
);
export type ChargePaymentInput = t.TypeOf<typeof ChargePaymentInput>;

/** The processor approved and captured the payment. */
export const PaymentApproved = t.strict(
  { status: t.literal('APPROVED'), confirmationId: t.string },
  'PaymentApproved',
);
export type PaymentApproved = t.TypeOf<typeof PaymentApproved>;

/** The processor declined the payment; nothing was charged. */
export const PaymentDeclined = t.strict(
  { status: t.literal('DECLINED'), declineReason: DeclineReason },
  'PaymentDeclined',
);
export type PaymentDeclined = t.TypeOf<typeof PaymentDeclined>;

/** chargePayment's result. */
export const ChargeResult = t.union([PaymentApproved, PaymentDeclined], 'ChargeResult');
export type ChargeResult = t.TypeOf<typeof ChargeResult>;

/** refundPayment's input event (compensation). */
export const RefundPaymentInput = t.strict({ orderId: t.string }, 'RefundPaymentInput');
export type RefundPaymentInput = t.TypeOf<typeof RefundPaymentInput>;

/**
 * refundPayment's result. `REFUNDED` when a captured charge was refunded (first call and
 * every retry, with the same `refundId`); `VOIDED` when there was no charge to refund:
 * the order is voided so that a late charge attempt for it is refused.
 */
export const RefundResult = t.intersection(
  [
    t.strict({ orderId: t.string, status: t.keyof({ REFUNDED: null, VOIDED: null }) }),
    t.exact(t.partial({ refundId: t.string, confirmationId: t.string })),
  ],
  'RefundResult',
);
export type RefundResult = t.TypeOf<typeof RefundResult>;

// ---------------------------------------------------------------------------
// notifyCustomer
// ---------------------------------------------------------------------------

/** How an order ended, from the customer's point of view. */
export const OrderOutcome = t.keyof({ SUCCEEDED: null, REJECTED: null, FAILED: null });
export type OrderOutcome = t.TypeOf<typeof OrderOutcome>;

/** notifyCustomer's input event. `errors` for REJECTED, `reason` for FAILED. */
export const NotifyCustomerInput = t.intersection(
  [
    t.strict({ orderId: t.string, outcome: OrderOutcome, customer: Customer }),
    t.exact(t.partial({ reason: t.string, errors: t.array(ValidationError) })),
  ],
  'NotifyCustomerInput',
);
export type NotifyCustomerInput = t.TypeOf<typeof NotifyCustomerInput>;

/** Delivery status: sent now, failed (recorded), or already sent for this order and outcome. */
export const DeliveryStatus = t.keyof({ DELIVERED: null, FAILED: null, DUPLICATE: null });
export type DeliveryStatus = t.TypeOf<typeof DeliveryStatus>;

/** notifyCustomer's result. */
export const NotificationResult = t.intersection(
  [
    t.strict({ orderId: t.string, outcome: OrderOutcome, status: DeliveryStatus }),
    t.exact(t.partial({ messageId: t.string, error: t.string })),
  ],
  'NotificationResult',
);
export type NotificationResult = t.TypeOf<typeof NotificationResult>;

// ---------------------------------------------------------------------------
// All task contracts, by function name
// ---------------------------------------------------------------------------

/** Each task function's input and output codecs, by logical name. */
export const TaskContracts = {
  validateOrder: { input: ValidateOrderInput, output: ValidationResult },
  reserveInventory: { input: ReserveInventoryInput, output: ReservationResult },
  releaseInventory: { input: ReleaseInventoryInput, output: ReleaseResult },
  chargePayment: { input: ChargePaymentInput, output: ChargeResult },
  refundPayment: { input: RefundPaymentInput, output: RefundResult },
  notifyCustomer: { input: NotifyCustomerInput, output: NotificationResult },
} as const satisfies Record<TaskFunctionName, { input: t.Mixed; output: t.Mixed }>;

/** A task function's decoded input type. */
export type TaskInput<N extends TaskFunctionName> = t.TypeOf<(typeof TaskContracts)[N]['input']>;
/** A task function's result type. */
export type TaskOutput<N extends TaskFunctionName> = t.TypeOf<(typeof TaskContracts)[N]['output']>;
