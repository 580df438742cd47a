import type { Order } from '../../../workflow/contracts';

/** A valid order; override any field. */
export function anOrder(overrides: Partial<Order> = {}): Order {
  return {
    orderId: 'ord-1001',
    customer: { id: 'cus-1', name: 'Ada Lovelace', email: 'ada@example.com' },
    items: [
      { sku: 'BOOK-1', quantity: 2, unitPrice: 12.5 },
      { sku: 'PEN-7', quantity: 3, unitPrice: 1.99 },
    ],
    currency: 'USD',
    total: 30.97,
    paymentToken: 'tok_visa',
    shippingAddress: { line1: '12 Analytical Row', city: 'London', postalCode: 'N1 9GU', country: 'GB' },
    ...overrides,
  };
}

/** Card numbers that pass the Luhn check (Stripe's and the card networks' test numbers). */
export const CARD_NUMBERS = ['4242424242424242', '4111 1111 1111 1111', '5555-5555-5555-4444', '378282246310005', '6011111111111117'];
