import { expect } from 'chai';
import { buildCustomerMessage } from '../../../handlers/notification/message';
import type { NotifyCustomerInput } from '../../../workflow/contracts';

const customer = { id: 'c1', name: 'Ada Lovelace', email: 'ada@example.com' };

describe('Function: buildCustomerMessage', () => {
  const cases: Array<{ name: string; input: NotifyCustomerInput; subject: string; body: string[] }> = [
    {
      name: 'succeeded',
      input: { orderId: 'o1', outcome: 'SUCCEEDED', customer },
      subject: 'Your order o1 is confirmed',
      body: ['Hello Ada Lovelace,', 'your order o1 is confirmed'],
    },
    {
      name: 'rejected, with the validation errors',
      input: {
        orderId: 'o1',
        outcome: 'REJECTED',
        customer,
        errors: [
          { field: 'customer.email', code: 'INVALID_EMAIL', message: 'customer.email must be a valid email address' },
          { field: 'total', code: 'TOTAL_MISMATCH', message: 'total must equal the sum of quantity × unitPrice over the lines' },
        ],
      },
      subject: 'We could not accept your order o1',
      body: ['- customer.email must be a valid email address', '- total must equal the sum', 'Nothing was charged.'],
    },
    {
      name: 'failed, out of stock',
      input: { orderId: 'o1', outcome: 'FAILED', customer, reason: 'OutOfStock' },
      subject: 'Your order o1 could not be completed',
      body: ['Some items in your order are no longer in stock.', 'released'],
    },
    {
      name: 'failed, declined',
      input: { orderId: 'o1', outcome: 'FAILED', customer, reason: 'PaymentDeclined: insufficient_funds' },
      subject: 'Your order o1 could not be completed',
      body: ['Your payment was declined by your bank.'],
    },
    {
      name: 'failed, other reason',
      input: { orderId: 'o1', outcome: 'FAILED', customer, reason: 'Warehouse on fire' },
      subject: 'Your order o1 could not be completed',
      body: ['Reason: Warehouse on fire'],
    },
    {
      name: 'failed, no reason',
      input: { orderId: 'o1', outcome: 'FAILED', customer },
      subject: 'Your order o1 could not be completed',
      body: ['Something went wrong'],
    },
  ];
  for (const { name, input, subject, body } of cases) {
    it(`builds the message when ${name}`, () => {
      const message = buildCustomerMessage(input);
      expect(message).to.include({ orderId: 'o1', outcome: input.outcome, recipient: 'ada@example.com', subject });
      for (const part of body) expect(message.body).to.include(part);
    });
  }

  it('never repeats a card number or a huge value', () => {
    const message = buildCustomerMessage({
      orderId: '4242424242424242',
      outcome: 'FAILED',
      customer: { ...customer, name: 'x'.repeat(10_000), email: '4111111111111111' },
      reason: `card 5555 5555 5555 4444 ${'y'.repeat(10_000)}`,
    });
    const text = JSON.stringify(message);
    for (const card of ['4242424242424242', '4111111111111111', '5555 5555 5555 4444']) expect(text).to.not.include(card);
    expect(text.length).to.be.below(1_000);
  });
});
