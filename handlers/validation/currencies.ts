/**
 * The currencies the shop accepts, with their ISO 4217 minor-unit exponents (how many
 * decimals an amount may have).
 */
export const CURRENCY_EXPONENTS: Readonly<Record<string, number>> = {
  AUD: 2,
  BRL: 2,
  CAD: 2,
  CHF: 2,
  CNY: 2,
  CZK: 2,
  DKK: 2,
  EUR: 2,
  GBP: 2,
  HKD: 2,
  INR: 2,
  JPY: 0,
  KRW: 0,
  KWD: 3,
  MXN: 2,
  NOK: 2,
  NZD: 2,
  PLN: 2,
  SEK: 2,
  SGD: 2,
  USD: 2,
  ZAR: 2,
};

/** The minor-unit exponent of a known currency, or `undefined`. */
export function currencyExponent(currency: string): number | undefined {
  return Object.prototype.hasOwnProperty.call(CURRENCY_EXPONENTS, currency) ? CURRENCY_EXPONENTS[currency] : undefined;
}

/**
 * The amount in minor units (e.g. cents), or `undefined` when it has more decimals than
 * the currency allows or is not a finite number.
 */
export function toMinorUnits(amount: number, exponent: number): number | undefined {
  if (!Number.isFinite(amount)) return undefined;
  const scaled = amount * 10 ** exponent;
  const rounded = Math.round(scaled);
  // Binary floating point: 19.99 * 100 is 1998.9999999999998, which is still "2 decimals".
  return Math.abs(scaled - rounded) < 1e-6 ? rounded : undefined;
}
