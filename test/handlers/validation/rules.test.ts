import { expect } from 'chai';
import fc from 'fast-check';
import { findOrderProblems } from '../../../handlers/validation/rules';
import type { Order } from '../../../workflow/contracts';
import { anOrder, CARD_NUMBERS } from '../support/orders';

/** The (field, code) pairs of an order's problems. */
function problemsOf(order: Order): Array<[string, string]> {
  return findOrderProblems(order).map(({ field, code }) => [field, code]);
}

describe('Function: findOrderProblems', () => {
  it('accepts a valid order', () => {
    expect(findOrderProblems(anOrder())).to.deep.equal([]);
  });

  const base = anOrder();
  const cases: Array<{ rule: string; order: Order; problems: Array<[string, string]> }> = [
    { rule: 'orderId required', order: anOrder({ orderId: '  ' }), problems: [['orderId', 'REQUIRED']] },
    { rule: 'orderId format', order: anOrder({ orderId: 'a b' }), problems: [['orderId', 'INVALID_FORMAT']] },
    { rule: 'orderId length', order: anOrder({ orderId: 'x'.repeat(65) }), problems: [['orderId', 'TOO_LONG']] },
    { rule: 'customer id required', order: anOrder({ customer: { ...base.customer, id: '' } }), problems: [['customer.id', 'REQUIRED']] },
    { rule: 'customer name required', order: anOrder({ customer: { ...base.customer, name: '' } }), problems: [['customer.name', 'REQUIRED']] },
    { rule: 'email required', order: anOrder({ customer: { ...base.customer, email: '' } }), problems: [['customer.email', 'REQUIRED']] },
    ...['ada', 'ada@', '@example.com', 'ada@example', 'a da@example.com', 'ada@@example.com'].map((email) => ({
      rule: `email ${JSON.stringify(email)}`,
      order: anOrder({ customer: { ...base.customer, email } }),
      problems: [['customer.email', 'INVALID_EMAIL']] as Array<[string, string]>,
    })),
    { rule: 'phone format', order: anOrder({ customer: { ...base.customer, phone: 'call me' } }), problems: [['customer.phone', 'INVALID_FORMAT']] },
    { rule: 'phone digits', order: anOrder({ customer: { ...base.customer, phone: '4242 4242 4242 4242' } }), problems: [['customer.phone', 'INVALID_FORMAT']] },
    { rule: 'at least one line', order: anOrder({ items: [], total: 0 }), problems: [['items', 'REQUIRED']] },
    {
      rule: 'quantity 0',
      order: anOrder({ items: [{ sku: 'A', quantity: 0, unitPrice: 1 }], total: 0 }),
      problems: [['items[0].quantity', 'OUT_OF_RANGE']],
    },
    { rule: 'quantity 101', order: anOrder({ items: [{ sku: 'A', quantity: 101, unitPrice: 1 }], total: 101 }), problems: [['items[0].quantity', 'OUT_OF_RANGE']] },
    { rule: 'quantity 1.5', order: anOrder({ items: [{ sku: 'A', quantity: 1.5, unitPrice: 2 }], total: 3 }), problems: [['items[0].quantity', 'NOT_AN_INTEGER']] },
    { rule: 'quantity 100 is fine', order: anOrder({ items: [{ sku: 'A', quantity: 100, unitPrice: 1 }], total: 100 }), problems: [] },
    {
      rule: 'units per order',
      order: anOrder({ items: Array.from({ length: 6 }, (_, i) => ({ sku: `S${i}`, quantity: 100, unitPrice: 1 })), total: 600 }),
      problems: [['items', 'TOO_MANY_UNITS']],
    },
    {
      rule: 'lines per order',
      order: anOrder({ items: Array.from({ length: 51 }, (_, i) => ({ sku: `S${i}`, quantity: 1, unitPrice: 1 })), total: 51 }),
      problems: [['items', 'TOO_MANY_LINES']],
    },
    {
      rule: 'duplicate sku',
      order: anOrder({ items: [{ sku: 'A', quantity: 1, unitPrice: 1 }, { sku: 'A', quantity: 1, unitPrice: 1 }], total: 2 }),
      problems: [['items[1].sku', 'DUPLICATE_SKU']],
    },
    { rule: 'sku required', order: anOrder({ items: [{ sku: '', quantity: 1, unitPrice: 1 }], total: 1 }), problems: [['items[0].sku', 'REQUIRED']] },
    { rule: 'negative price', order: anOrder({ items: [{ sku: 'A', quantity: 1, unitPrice: -1 }], total: 0 }), problems: [['items[0].unitPrice', 'OUT_OF_RANGE']] },
    { rule: 'price decimals', order: anOrder({ items: [{ sku: 'A', quantity: 1, unitPrice: 1.234 }], total: 1.23 }), problems: [['items[0].unitPrice', 'INVALID_FORMAT']] },
    { rule: 'unknown currency', order: anOrder({ currency: 'XYZ' }), problems: [['currency', 'UNKNOWN_CURRENCY']] },
    { rule: 'currency format', order: anOrder({ currency: 'usd' }), problems: [['currency', 'INVALID_FORMAT']] },
    { rule: 'JPY has no decimals', order: anOrder({ currency: 'JPY', items: [{ sku: 'A', quantity: 1, unitPrice: 100.5 }], total: 100.5 }), problems: [['items[0].unitPrice', 'INVALID_FORMAT'], ['total', 'INVALID_FORMAT']] },
    { rule: 'total mismatch', order: anOrder({ total: 30.96 }), problems: [['total', 'TOTAL_MISMATCH']] },
    { rule: 'negative total', order: anOrder({ total: -1 }), problems: [['total', 'OUT_OF_RANGE']] },
    { rule: 'float sums are exact in cents', order: anOrder({ items: [{ sku: 'A', quantity: 3, unitPrice: 0.1 }], total: 0.3 }), problems: [] },
    { rule: 'payment token required', order: anOrder({ paymentToken: '' }), problems: [['paymentToken', 'REQUIRED']] },
    { rule: 'payment token format', order: anOrder({ paymentToken: 'visa please' }), problems: [['paymentToken', 'INVALID_FORMAT']] },
    ...CARD_NUMBERS.map((card) => ({
      rule: `card number as token (${card.slice(0, 4)}…)`,
      order: anOrder({ paymentToken: card }),
      problems: [['paymentToken', 'CARD_NUMBER_FORBIDDEN']] as Array<[string, string]>,
    })),
    { rule: 'card number in the name', order: anOrder({ customer: { ...base.customer, name: 'Ada 4242424242424242' } }), problems: [['customer.name', 'CARD_NUMBER_FORBIDDEN']] },
    { rule: 'card number in the address', order: anOrder({ shippingAddress: { ...base.shippingAddress, line2: '4111-1111-1111-1111' } }), problems: [['shippingAddress.line2', 'CARD_NUMBER_FORBIDDEN']] },
    { rule: 'address line1 required', order: anOrder({ shippingAddress: { ...base.shippingAddress, line1: '' } }), problems: [['shippingAddress.line1', 'REQUIRED']] },
    { rule: 'address city required', order: anOrder({ shippingAddress: { ...base.shippingAddress, city: ' ' } }), problems: [['shippingAddress.city', 'REQUIRED']] },
    { rule: 'postal code required', order: anOrder({ shippingAddress: { ...base.shippingAddress, postalCode: '' } }), problems: [['shippingAddress.postalCode', 'REQUIRED']] },
    { rule: 'country code', order: anOrder({ shippingAddress: { ...base.shippingAddress, country: 'gb' } }), problems: [['shippingAddress.country', 'INVALID_FORMAT']] },
    { rule: 'country too long', order: anOrder({ shippingAddress: { ...base.shippingAddress, country: 'GBR' } }), problems: [['shippingAddress.country', 'TOO_LONG']] },
    { rule: 'huge name', order: anOrder({ customer: { ...base.customer, name: 'x'.repeat(1_000_000) } }), problems: [['customer.name', 'TOO_LONG']] },
    { rule: 'barcode SKUs are not card numbers', order: anOrder({ items: [{ sku: '4242424242424242', quantity: 1, unitPrice: 1 }], total: 1 }), problems: [] },
  ];

  for (const { rule, order, problems } of cases) {
    it(`rule: ${rule}`, () => {
      expect(problemsOf(order)).to.deep.equal(problems);
    });
  }

  it('lists every problem at once', () => {
    // Prepare
    const order = anOrder({
      orderId: '',
      customer: { id: 'c', name: '', email: 'nope' },
      items: [{ sku: 'A', quantity: 0, unitPrice: 1 }, { sku: 'A', quantity: 2, unitPrice: 1 }],
      currency: 'ABC',
      total: 5,
      paymentToken: '4242424242424242',
      shippingAddress: { line1: '', city: 'x', postalCode: '', country: 'UK1' },
    });
    // Act
    const problems = problemsOf(order);
    // Assess
    expect(problems).to.deep.equal([
      ['orderId', 'REQUIRED'],
      ['customer.name', 'REQUIRED'],
      ['customer.email', 'INVALID_EMAIL'],
      ['items[0].quantity', 'OUT_OF_RANGE'],
      ['items[1].sku', 'DUPLICATE_SKU'],
      ['currency', 'UNKNOWN_CURRENCY'],
      ['paymentToken', 'CARD_NUMBER_FORBIDDEN'],
      ['shippingAddress.line1', 'REQUIRED'],
      ['shippingAddress.postalCode', 'REQUIRED'],
      ['shippingAddress.country', 'TOO_LONG'],
    ]);
  });

  it('never echoes a value in its messages', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CARD_NUMBERS), fc.constantFrom('paymentToken', 'name', 'line1', 'orderId'), (card, where) => {
        const order =
          where === 'paymentToken'
            ? anOrder({ paymentToken: card })
            : where === 'name'
              ? anOrder({ customer: { ...anOrder().customer, name: card } })
              : where === 'line1'
                ? anOrder({ shippingAddress: { ...anOrder().shippingAddress, line1: card } })
                : anOrder({ orderId: card });
        const text = JSON.stringify(findOrderProblems(order));
        expect(text).to.not.include(card);
        expect(text).to.not.include(card.replace(/\D/g, ''));
      }),
    );
  });

  it('accepts any order whose lines respect the limits and whose total is their sum', () => {
    const line = fc.record({ quantity: fc.integer({ min: 1, max: 100 }), cents: fc.integer({ min: 0, max: 100_000 }) });
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(fc.stringMatching(/^[A-Z][A-Z0-9-]{0,10}$/), line), { minLength: 1, maxLength: 5, selector: ([sku]) => sku }), (lines) => {
        const items = lines.map(([sku, { quantity, cents }]) => ({ sku, quantity, unitPrice: cents / 100 }));
        const totalCents = lines.reduce((sum, [, { quantity, cents }]) => sum + quantity * cents, 0);
        expect(findOrderProblems(anOrder({ items, total: totalCents / 100 }))).to.deep.equal([]);
      }),
    );
  });
});
