/**
 * The order's format, required fields and business rules. Pure: returns every problem at
 * once. Messages never echo the offending value, so a card number typed into any field
 * is never repeated back, logged or stored.
 */
import type { Order, ValidationError, ValidationErrorCode } from '../../workflow/contracts';
import { containsCardNumber, isCardNumber } from '../shared/cardNumber';
import { currencyExponent, toMinorUnits } from './currencies';

/** Limits of the business rules. */
export interface OrderLimits {
  /**
   * Units per line, inclusive.
   * @default { min: 1, max: 100 }
   */
  readonly unitsPerLine: { readonly min: number; readonly max: number };
  /**
   * Units across the whole order.
   * @default 500
   */
  readonly maxUnitsPerOrder: number;
  /**
   * Lines per order.
   * @default 50
   */
  readonly maxLines: number;
  /**
   * Highest unit price, in the currency's major unit.
   * @default 1_000_000
   */
  readonly maxUnitPrice: number;
}

/** The shop's default limits. */
export const DEFAULT_LIMITS: OrderLimits = {
  unitsPerLine: { min: 1, max: 100 },
  maxUnitsPerOrder: 500,
  maxLines: 50,
  maxUnitPrice: 1_000_000,
};

const ORDER_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;
const SKU = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
/** Deliberately simple: one @, no spaces, a dot in the domain (RFC 5322 is not the point). */
const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;
const PHONE = /^\+?[0-9][0-9 ()-]{4,22}$/;
const PAYMENT_TOKEN = /^(?:tok|pm)_[A-Za-z0-9_]+$/;
const COUNTRY = /^[A-Z]{2}$/;
const CURRENCY = /^[A-Z]{3}$/;

/** Collects problems in order of discovery. */
class Problems {
  public readonly list: ValidationError[] = [];
  public add(field: string, code: ValidationErrorCode, message: string): void {
    this.list.push({ field, code, message });
  }
}

/** Checks a string field: required, length, optional format; returns whether it is usable. */
function checkText(
  problems: Problems,
  field: string,
  value: string | undefined,
  rule: {
    required: boolean;
    maxLength: number;
    format?: RegExp;
    formatHint?: string;
    /** The code of a format failure. @default 'INVALID_FORMAT' */
    formatCode?: ValidationErrorCode;
    /**
     * How to look for a card number: anywhere in the value (free text), the whole value
     * (ids, which often embed long numbers such as timestamps), or not at all (phone
     * numbers and barcode SKUs are digit runs of card-like length).
     * @default 'contains'
     */
    cardScan?: 'contains' | 'whole' | 'none';
  },
): boolean {
  if (value === undefined || value.trim() === '') {
    if (rule.required) problems.add(field, 'REQUIRED', `${field} is required`);
    return false;
  }
  if (value.length > rule.maxLength) {
    problems.add(field, 'TOO_LONG', `${field} must be at most ${rule.maxLength} characters`);
    return false;
  }
  const cardScan = rule.cardScan ?? 'contains';
  if ((cardScan === 'contains' && containsCardNumber(value)) || (cardScan === 'whole' && isCardNumber(value))) {
    problems.add(field, 'CARD_NUMBER_FORBIDDEN', `${field} must not contain a card number`);
    return false;
  }
  if (rule.format !== undefined && !rule.format.test(value)) {
    problems.add(field, rule.formatCode ?? 'INVALID_FORMAT', `${field} must be ${rule.formatHint ?? 'well formed'}`);
    return false;
  }
  return true;
}

function checkCustomer(problems: Problems, customer: Order['customer']): void {
  checkText(problems, 'customer.id', customer.id, { required: true, maxLength: 64, cardScan: 'whole' });
  checkText(problems, 'customer.name', customer.name, { required: true, maxLength: 200 });
  checkText(problems, 'customer.email', customer.email, {
    required: true,
    maxLength: 254,
    format: EMAIL,
    formatHint: 'a valid email address',
    formatCode: 'INVALID_EMAIL',
  });
  const phoneOk = checkText(problems, 'customer.phone', customer.phone, {
    required: false,
    maxLength: 24,
    format: PHONE,
    formatHint: 'a phone number of digits, spaces, dashes and parentheses',
    cardScan: 'none' as const,
  });
  // E.164 numbers have at most 15 digits; a 16-digit card number is not a phone number.
  if (phoneOk && (customer.phone ?? '').replace(/\D/g, '').length > 15) {
    problems.add('customer.phone', 'INVALID_FORMAT', 'customer.phone has at most 15 digits');
  }
}

function checkAddress(problems: Problems, address: Order['shippingAddress']): void {
  const text = { required: true, maxLength: 200 };
  checkText(problems, 'shippingAddress.line1', address.line1, text);
  checkText(problems, 'shippingAddress.line2', address.line2, { ...text, required: false });
  checkText(problems, 'shippingAddress.city', address.city, text);
  checkText(problems, 'shippingAddress.region', address.region, { ...text, required: false });
  checkText(problems, 'shippingAddress.postalCode', address.postalCode, { required: true, maxLength: 16 });
  checkText(problems, 'shippingAddress.country', address.country, {
    required: true,
    maxLength: 2,
    format: COUNTRY,
    formatHint: 'an ISO 3166-1 alpha-2 country code such as "US"',
  });
}

/** Checks the lines; returns the sum of the lines in minor units when every line is usable. */
function checkItems(problems: Problems, order: Order, exponent: number | undefined, limits: OrderLimits): number | undefined {
  if (order.items.length === 0) {
    problems.add('items', 'REQUIRED', 'an order needs at least one line');
    return undefined;
  }
  if (order.items.length > limits.maxLines) {
    problems.add('items', 'TOO_MANY_LINES', `an order has at most ${limits.maxLines} lines`);
  }
  const seen = new Set<string>();
  let units = 0;
  let sum: number | undefined = 0;
  order.items.forEach((item, index) => {
    const at = `items[${index}]`;
    const skuRule = { required: true, maxLength: 64, format: SKU, formatHint: 'letters, digits, ".", "_" or "-"', cardScan: 'none' as const };
    // SKUs are often EAN/UPC barcodes, which are digit runs of card-like length.
    if (checkText(problems, `${at}.sku`, item.sku, skuRule)) {
      if (seen.has(item.sku)) problems.add(`${at}.sku`, 'DUPLICATE_SKU', `${at}.sku repeats an earlier line's SKU`);
      seen.add(item.sku);
    }
    const { min, max } = limits.unitsPerLine;
    if (!Number.isInteger(item.quantity)) {
      problems.add(`${at}.quantity`, 'NOT_AN_INTEGER', `${at}.quantity must be a whole number`);
    } else if (item.quantity < min || item.quantity > max) {
      problems.add(`${at}.quantity`, 'OUT_OF_RANGE', `${at}.quantity must be between ${min} and ${max}`);
    } else {
      units += item.quantity;
    }
    const price = exponent === undefined ? undefined : toMinorUnits(item.unitPrice, exponent);
    if (!(item.unitPrice >= 0 && item.unitPrice <= limits.maxUnitPrice)) {
      problems.add(`${at}.unitPrice`, 'OUT_OF_RANGE', `${at}.unitPrice must be between 0 and ${limits.maxUnitPrice}`);
      sum = undefined;
    } else if (exponent !== undefined && price === undefined) {
      problems.add(`${at}.unitPrice`, 'INVALID_FORMAT', `${at}.unitPrice has more than ${exponent} decimals`);
      sum = undefined;
    } else if (sum !== undefined && price !== undefined && Number.isInteger(item.quantity)) {
      sum += price * item.quantity;
    } else {
      sum = undefined;
    }
  });
  if (units > limits.maxUnitsPerOrder) {
    problems.add('items', 'TOO_MANY_UNITS', `an order has at most ${limits.maxUnitsPerOrder} units`);
  }
  return sum;
}

function checkMoney(problems: Problems, order: Order, exponent: number | undefined, linesSum: number | undefined): void {
  if (!CURRENCY.test(order.currency)) {
    problems.add('currency', 'INVALID_FORMAT', 'currency must be an ISO 4217 code such as "USD"');
  } else if (exponent === undefined) {
    problems.add('currency', 'UNKNOWN_CURRENCY', 'currency is not one the shop accepts');
  }
  if (!(order.total >= 0)) {
    problems.add('total', 'OUT_OF_RANGE', 'total must not be negative');
    return;
  }
  if (exponent === undefined) return;
  const total = toMinorUnits(order.total, exponent);
  if (total === undefined) problems.add('total', 'INVALID_FORMAT', `total has more than ${exponent} decimals`);
  else if (linesSum !== undefined && total !== linesSum) {
    problems.add('total', 'TOTAL_MISMATCH', 'total must equal the sum of quantity × unitPrice over the lines');
  }
}

function checkPaymentToken(problems: Problems, token: string): void {
  // Card first: a card number must be named as such, whatever its format.
  if (containsCardNumber(token)) {
    problems.add('paymentToken', 'CARD_NUMBER_FORBIDDEN', 'paymentToken must be a processor token, never a card number');
    return;
  }
  checkText(problems, 'paymentToken', token, {
    required: true,
    maxLength: 255,
    format: PAYMENT_TOKEN,
    formatHint: 'a processor token such as "tok_visa"',
  });
}

/** Every problem with the order, in field order; empty when the order is valid. */
export function findOrderProblems(order: Order, limits: OrderLimits = DEFAULT_LIMITS): ValidationError[] {
  const problems = new Problems();
  checkText(problems, 'orderId', order.orderId, {
    required: true,
    maxLength: 64,
    format: ORDER_ID,
    formatHint: 'letters, digits, ".", "_", ":" or "-"',
    cardScan: 'whole',
  });
  checkCustomer(problems, order.customer);
  const exponent = CURRENCY.test(order.currency) ? currencyExponent(order.currency) : undefined;
  const linesSum = checkItems(problems, order, exponent, limits);
  checkMoney(problems, order, exponent, linesSum);
  checkPaymentToken(problems, order.paymentToken);
  checkAddress(problems, order.shippingAddress);
  return problems.list;
}
