/**
 * fast-check arbitraries for the workflow's contracts, shared by the contract tests and
 * the handlers' tests.
 */
import fc from 'fast-check';
import type {
  Customer,
  NotifyCustomerInput,
  Order,
  OrderItem,
  ShippingAddress,
  ValidationError,
} from '../../workflow/contracts';

/** A price in major units with at most two decimals. */
export const priceArb = fc.integer({ min: 0, max: 1_000_000 }).map((cents) => cents / 100);

export const customerArb: fc.Arbitrary<Customer> = fc.record(
  { id: fc.string(), name: fc.string(), email: fc.string(), phone: fc.string() },
  { requiredKeys: ['id', 'name', 'email'] },
);

export const orderItemArb: fc.Arbitrary<OrderItem> = fc.record({
  sku: fc.string(),
  quantity: fc.integer({ min: -5, max: 500 }),
  unitPrice: priceArb,
});

export const shippingAddressArb: fc.Arbitrary<ShippingAddress> = fc.record(
  {
    line1: fc.string(),
    line2: fc.string(),
    city: fc.string(),
    region: fc.string(),
    postalCode: fc.string(),
    country: fc.string({ maxLength: 3 }),
  },
  { requiredKeys: ['line1', 'city', 'postalCode', 'country'] },
);

/** Any structurally valid order (business rules not applied). */
export const orderArb: fc.Arbitrary<Order> = fc.record({
  orderId: fc.string(),
  customer: customerArb,
  items: fc.array(orderItemArb, { maxLength: 5 }),
  currency: fc.string({ maxLength: 4 }),
  total: priceArb,
  paymentToken: fc.string(),
  shippingAddress: shippingAddressArb,
});

export const validationErrorArb: fc.Arbitrary<ValidationError> = fc.record({
  field: fc.string(),
  code: fc.constantFrom('REQUIRED', 'INVALID_EMAIL', 'TOTAL_MISMATCH', 'CARD_NUMBER_FORBIDDEN' as const),
  message: fc.string(),
});

export const notifyCustomerInputArb: fc.Arbitrary<NotifyCustomerInput> = fc.record(
  {
    orderId: fc.string(),
    outcome: fc.constantFrom('SUCCEEDED', 'REJECTED', 'FAILED' as const),
    customer: customerArb,
    reason: fc.string(),
    errors: fc.array(validationErrorArb, { maxLength: 3 }),
  },
  { requiredKeys: ['orderId', 'outcome', 'customer'] },
);
