import { expect } from 'chai';
import fc from 'fast-check';
import { isLeft, isRight } from 'fp-ts/Either';
import type * as t from 'io-ts';
import {
  ChargePaymentInput,
  ChargeResult,
  NotificationResult,
  NotifyCustomerInput,
  Order,
  ReleaseInventoryInput,
  ReleaseResult,
  RefundPaymentInput,
  RefundResult,
  ReservationResult,
  ReserveInventoryInput,
  TASK_FUNCTION_NAMES,
  TaskContracts,
  TaskFunctionName,
  TRANSIENT_ERROR_NAMES,
  TransientErrorName,
  ValidateOrderInput,
  ValidationResult,
} from '../../workflow/contracts';
import { formatDecodeErrors } from '../../workflow/decodeErrors';
import { notifyCustomerInputArb, orderArb, priceArb, validationErrorArb } from './orderArbitraries';

/** Decodes and returns the formatted messages (empty when the value decodes). */
function decodeMessages(codec: t.Decoder<unknown, unknown>, value: unknown): string[] {
  const result = codec.decode(value);
  return isLeft(result) ? formatDecodeErrors(result.left) : [];
}

/** Asserts that encoding then decoding gives back the same value, for every generated value. */
function roundTrips<A>(codec: t.Type<A, unknown, unknown>, arb: fc.Arbitrary<A>): void {
  fc.assert(
    fc.property(arb, (value) => {
      const decoded = codec.decode(JSON.parse(JSON.stringify(codec.encode(value))));
      expect(isRight(decoded)).to.equal(true);
      if (isRight(decoded)) expect(decoded.right).to.deep.equal(value);
    }),
  );
}

const stockLineArb = fc.record({
  sku: fc.string(),
  requested: fc.nat(),
  available: fc.nat(),
  status: fc.constantFrom('AVAILABLE', 'INSUFFICIENT', 'UNKNOWN_SKU' as const),
});

const validOrder: Order = {
  orderId: 'ord-1',
  customer: { id: 'c-1', name: 'Ada Lovelace', email: 'ada@example.com' },
  items: [{ sku: 'SKU-1', quantity: 2, unitPrice: 9.5 }],
  currency: 'USD',
  total: 19,
  paymentToken: 'tok_visa',
  shippingAddress: { line1: '1 Analytical St', city: 'London', postalCode: 'N1 1AA', country: 'GB' },
};

describe('Module: workflow/contracts', () => {
  describe('Names', () => {
    it('lists the six task functions, each accepted by TaskFunctionName and with contracts', () => {
      expect(TASK_FUNCTION_NAMES).to.have.members([
        'validateOrder',
        'reserveInventory',
        'releaseInventory',
        'chargePayment',
        'refundPayment',
        'notifyCustomer',
      ]);
      for (const name of TASK_FUNCTION_NAMES) {
        expect(TaskFunctionName.is(name)).to.equal(true);
        expect(Object.keys(TaskContracts)).to.include(name);
      }
      expect(TaskFunctionName.is('shipOrder')).to.equal(false);
    });

    it('lists the transient error names', () => {
      expect(TRANSIENT_ERROR_NAMES).to.have.members([
        'InventoryUnavailable',
        'PaymentProcessorUnavailable',
        'NotificationUnavailable',
      ]);
      for (const name of TRANSIENT_ERROR_NAMES) expect(TransientErrorName.is(name)).to.equal(true);
      expect(TransientErrorName.is('PaymentDeclined')).to.equal(false);
    });
  });

  describe('Round trips (encode then decode gives the same value)', () => {
    it('Order', () => roundTrips(Order, orderArb));
    it('ValidateOrderInput', () => roundTrips(ValidateOrderInput, orderArb.map((order) => ({ order }))));
    it('ValidationResult', () =>
      roundTrips(ValidationResult, fc.record({ valid: fc.boolean(), errors: fc.array(validationErrorArb) })));
    it('ReserveInventoryInput', () =>
      roundTrips(
        ReserveInventoryInput,
        fc.record({ orderId: fc.string(), items: fc.array(fc.record({ sku: fc.string(), quantity: fc.nat() })) }),
      ));
    it('ReservationResult', () =>
      roundTrips(
        ReservationResult,
        fc.oneof(
          fc.record({
            status: fc.constant('RESERVED' as const),
            reservationId: fc.string(),
            lines: fc.array(stockLineArb),
            expiresAt: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
          }),
          fc.record({ status: fc.constant('OUT_OF_STOCK' as const), lines: fc.array(stockLineArb) }),
        ),
      ));
    it('ReleaseInventoryInput', () => roundTrips(ReleaseInventoryInput, fc.record({ orderId: fc.string() })));
    it('ReleaseResult', () =>
      roundTrips(
        ReleaseResult,
        fc.record(
          {
            orderId: fc.string(),
            status: fc.constantFrom('RELEASED', 'NOTHING_RESERVED' as const),
            reservationId: fc.string(),
          },
          { requiredKeys: ['orderId', 'status'] },
        ),
      ));
    it('ChargePaymentInput', () =>
      roundTrips(
        ChargePaymentInput,
        fc.record({ orderId: fc.string(), amount: priceArb, currency: fc.string(), paymentToken: fc.string() }),
      ));
    it('ChargeResult', () =>
      roundTrips(
        ChargeResult,
        fc.oneof(
          fc.record({ status: fc.constant('APPROVED' as const), confirmationId: fc.string() }),
          fc.record({
            status: fc.constant('DECLINED' as const),
            declineReason: fc.constantFrom('insufficient_funds', 'card_declined', 'fraud_suspected' as const),
          }),
        ),
      ));
    it('RefundPaymentInput', () => roundTrips(RefundPaymentInput, fc.record({ orderId: fc.string() })));
    it('RefundResult', () =>
      roundTrips(
        RefundResult,
        fc.record(
          {
            orderId: fc.string(),
            status: fc.constantFrom('REFUNDED', 'VOIDED' as const),
            refundId: fc.string(),
            confirmationId: fc.string(),
          },
          { requiredKeys: ['orderId', 'status'] },
        ),
      ));
    it('NotifyCustomerInput', () => roundTrips(NotifyCustomerInput, notifyCustomerInputArb));
    it('NotificationResult', () =>
      roundTrips(
        NotificationResult,
        fc.record(
          {
            orderId: fc.string(),
            outcome: fc.constantFrom('SUCCEEDED', 'REJECTED', 'FAILED' as const),
            status: fc.constantFrom('DELIVERED', 'FAILED', 'DUPLICATE' as const),
            messageId: fc.string(),
            error: fc.string(),
          },
          { requiredKeys: ['orderId', 'outcome', 'status'] },
        ),
      ));
  });

  describe('Unknown fields', () => {
    it('are stripped from every level of an order, so nothing smuggled travels on', () => {
      fc.assert(
        fc.property(orderArb, fc.string(), fc.jsonValue(), (order, cardNumber, junk) => {
          // Prepare
          const hostile = {
            ...order,
            cardNumber,
            customer: { ...order.customer, junk },
            items: order.items.map((item) => ({ ...item, junk })),
            shippingAddress: { ...order.shippingAddress, junk },
          };
          // Act
          const decoded = Order.decode(hostile);
          // Assess
          expect(isRight(decoded) && decoded.right).to.deep.equal(order);
        }),
      );
    });

    it('order items decode as reservation lines without their unit price', () => {
      const decoded = ReserveInventoryInput.decode({ orderId: 'o', items: validOrder.items });
      expect(isRight(decoded) && decoded.right).to.deep.equal({ orderId: 'o', items: [{ sku: 'SKU-1', quantity: 2 }] });
    });
  });

  describe('Malformed orders', () => {
    const cases: Array<{ name: string; order: unknown; messages: string[] }> = [
      { name: 'not an object', order: 'order', messages: ['order: expected Order, got "order"'] },
      { name: 'missing orderId', order: { ...validOrder, orderId: undefined }, messages: ['order.orderId: expected string, got undefined'] },
      { name: 'numeric orderId', order: { ...validOrder, orderId: 7 }, messages: ['order.orderId: expected string, got 7'] },
      { name: 'customer null', order: { ...validOrder, customer: null }, messages: ['order.customer: expected Customer, got null'] },
      {
        name: 'customer email missing',
        order: { ...validOrder, customer: { id: 'c', name: 'n' } },
        messages: ['order.customer.email: expected string, got undefined'],
      },
      {
        name: 'quantity as a string',
        order: { ...validOrder, items: [{ sku: 'A', quantity: '2', unitPrice: 1 }] },
        messages: ['order.items[0].quantity: expected number, got "2"'],
      },
      { name: 'items not an array', order: { ...validOrder, items: {} }, messages: ['order.items: expected Array<OrderItem>, got object'] },
      { name: 'total as a string', order: { ...validOrder, total: '19' }, messages: ['order.total: expected number, got "19"'] },
      {
        name: 'card number as a number (redacted)',
        order: { ...validOrder, paymentToken: 4111111111111111 },
        messages: ['order.paymentToken: expected string, got [redacted]'],
      },
      {
        name: 'address without a country',
        order: { ...validOrder, shippingAddress: { line1: 'l', city: 'c', postalCode: 'p' } },
        messages: ['order.shippingAddress.country: expected string, got undefined'],
      },
      {
        name: 'several problems at once',
        order: { ...validOrder, currency: 1, shippingAddress: undefined },
        messages: ['order.currency: expected string, got 1', 'order.shippingAddress: expected ShippingAddress, got undefined'],
      },
    ];
    for (const { name, order, messages } of cases) {
      it(`rejects ${name}, naming the field`, () => {
        expect(decodeMessages(ValidateOrderInput, { order })).to.deep.equal(messages);
      });
    }

    it('names the field for any top-level field given a wrong type', () => {
      const fields = Object.keys(validOrder) as Array<keyof Order>;
      fc.assert(
        fc.property(fc.constantFrom(...fields), fc.oneof(fc.constant(null), fc.boolean(), fc.array(fc.nat(), { minLength: 1 })), (field, wrong) => {
          const messages = decodeMessages(Order, { ...validOrder, [field]: wrong });
          expect(messages).to.not.be.empty;
          for (const message of messages) expect(message).to.match(new RegExp(`^${field}(\\[\\d+\\])?: expected `));
        }),
      );
    });
  });

  describe('Function: formatDecodeErrors', () => {
    it('says (root) when the whole event is wrong', () => {
      expect(decodeMessages(ValidateOrderInput, null)).to.deep.equal(['(root): expected ValidateOrderInput, got null']);
    });

    it('cuts long strings and never echoes card-like digits', () => {
      const messages = decodeMessages(ChargePaymentInput, {
        orderId: 'o',
        amount: `pay 4242 4242 4242 4242 ${'x'.repeat(100_000)}`,
        currency: 'USD',
        paymentToken: 'tok',
      });
      expect(messages).to.deep.equal(['amount: expected number, got "pay [redacted] xxxxxxxxxxxxxxxx…" (100024 chars)']);
    });

    it('caps the number of messages', () => {
      const items = Array.from({ length: 1000 }, () => ({ sku: 1, quantity: 1 }));
      const messages = decodeMessages(ReserveInventoryInput, { orderId: 'o', items });
      expect(messages).to.have.length(21);
      expect(messages[0]).to.equal('items[0].sku: expected string, got 1');
      expect(messages[20]).to.equal('… and 980 more');
    });

    it('merges union alternatives failing at the same field', () => {
      expect(decodeMessages(ChargeResult, { status: 'APPROVED' })).to.deep.equal([
        'confirmationId: expected string, got undefined',
      ]);
    });

    it('survives deep nesting in unknown and known fields', () => {
      let deep: unknown = 'bottom';
      for (let i = 0; i < 10_000; i++) deep = { deep };
      expect(decodeMessages(RefundPaymentInput, { orderId: 'o', deep })).to.deep.equal([]);
      expect(decodeMessages(RefundPaymentInput, { orderId: deep })).to.deep.equal(['orderId: expected string, got object']);
    });
  });
});
