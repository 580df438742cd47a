/**
 * The customer's message for each outcome. Pure. Holds the order id, the customer's name
 * and what happened; never card data or an address.
 */
import type { NotifyCustomerInput } from '../../workflow/contracts';
import type { CustomerMessage } from '../ports';
import { containsCardNumber } from '../shared/cardNumber';
import { safeOrderId, storableOrderId } from '../shared/safeOrderId';

/** Longest failure reason quoted to the customer. */
const MAX_REASON_CHARS = 300;

/** Card-like digit runs, removed from anything quoted. */
const CARD_LIKE = /\d(?:[ -]?\d){11,18}/g;

/** What a failure's error name means to a customer. */
const FAILURE_EXPLANATIONS: Readonly<Record<string, string>> = {
  OutOfStock: 'Some items in your order are no longer in stock.',
  PaymentDeclined: 'Your payment was declined by your bank.',
  PaymentProcessorUnavailable: 'We could not reach the payment processor.',
  InventoryUnavailable: 'We could not reserve your items.',
};

function quote(text: string): string {
  const clean = text.replace(CARD_LIKE, '[redacted]');
  return clean.length > MAX_REASON_CHARS ? `${clean.slice(0, MAX_REASON_CHARS)}…` : clean;
}

function explainFailure(reason: string | undefined): string {
  if (reason === undefined || reason.trim() === '') return 'Something went wrong while processing it.';
  const known = Object.entries(FAILURE_EXPLANATIONS).find(([name]) => reason.includes(name));
  return known !== undefined ? known[1] : `Reason: ${quote(reason)}`;
}

/** Builds the message to send for the event. */
export function buildCustomerMessage(input: NotifyCustomerInput): CustomerMessage {
  const greeting = `Hello ${quote(input.customer.name).slice(0, 100)},`;
  // A rejected order's fields are unvalidated: never repeat a card number, cut long values.
  const id = safeOrderId(input.orderId);
  const email = input.customer.email;
  const base = { orderId: storableOrderId(input.orderId), outcome: input.outcome, recipient: containsCardNumber(email) ? '' : email.slice(0, 254) };
  switch (input.outcome) {
    case 'SUCCEEDED':
      return {
        ...base,
        subject: `Your order ${id} is confirmed`,
        body: `${greeting}\n\nThank you: your order ${id} is confirmed and your payment was accepted. We will let you know when it ships.`,
      };
    case 'REJECTED': {
      const problems = (input.errors ?? []).slice(0, 20).map((error) => `- ${quote(error.message)}`);
      return {
        ...base,
        subject: `We could not accept your order ${id}`,
        body: [`${greeting}`, '', `We could not accept your order ${id}:`, ...(problems.length > 0 ? problems : ['- it did not pass our checks']), '', 'Nothing was charged.'].join('\n'),
      };
    }
    case 'FAILED':
      return {
        ...base,
        subject: `Your order ${id} could not be completed`,
        body: `${greeting}\n\nWe could not complete your order ${id}. ${explainFailure(input.reason)}\nAny reserved items were released and any payment was refunded.`,
      };
  }
}
