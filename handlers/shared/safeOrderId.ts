import { createHash } from 'node:crypto';
import { isCardNumber } from './cardNumber';

/**
 * The orderId as it may appear in logs and messages: cut to 64 characters, and redacted if
 * it is a card number (the orderId of a rejected order arrives unvalidated). Like the
 * validation rule for ids, only a whole-value match counts: ids often embed long numbers.
 */
export function safeOrderId(orderId: string): string {
  return isCardNumber(orderId) ? '[redacted]' : orderId.slice(0, 64);
}

/**
 * The orderId as a storage key: itself when it is safe, else a hash of it, so that an
 * unvalidated orderId (a rejected order's) never stores a card number or a huge key.
 */
export function storableOrderId(orderId: string): string {
  if (orderId.length <= 256 && !isCardNumber(orderId)) return orderId;
  return `sha256:${createHash('sha256')
    .update(orderId)
    .digest('hex')}`;
}
