/** A valid order and the API's test configuration. */
import type { Order } from '../../../workflow/contracts';
import type { ApiKeyDefinition, UsagePlan } from '../../../local/api';

export const API_KEY = 'test-key-0123456789abcdef0123456789';
export const OTHER_API_KEY = 'other-key-abcdef0123456789abcdef01';
export const TEST_KEYS: readonly ApiKeyDefinition[] = [
  { id: 'key-main', value: API_KEY },
  { id: 'key-other', value: OTHER_API_KEY },
];
export const GENEROUS_PLAN: UsagePlan = { throttle: { rateLimit: 10_000, burstLimit: 10_000 } };

export function validOrder(orderId = 'order-1'): Order {
  return {
    orderId,
    customer: { id: 'c-1', name: 'Ada Lovelace', email: 'ada@example.com' },
    items: [{ sku: 'SKU-1', quantity: 2, unitPrice: 9.5 }],
    currency: 'USD',
    total: 19,
    paymentToken: 'tok_visa',
    shippingAddress: { line1: '1 Main St', city: 'London', postalCode: 'N1 1AA', country: 'GB' },
  };
}
