/**
 * Detects values that look like a payment card number, so that they are rejected and
 * never echoed, logged or stored. A card number is 13 to 19 digits, possibly grouped by
 * spaces or dashes, with a valid Luhn check digit.
 */

/** Runs of digits, optionally separated by single spaces or dashes. */
const DIGIT_RUN = /\d(?:[ -]?\d)*/g;
/** A whole value that is a card-length digit run. */
const WHOLE_CARD = /^\d(?:[ -]?\d){12,18}$/;

/** True when the digits pass the Luhn (mod 10) check. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

function isCardDigits(run: string): boolean {
  const digits = run.replace(/[ -]/g, '');
  return digits.length >= 13 && digits.length <= 19 && passesLuhn(digits);
}

/** True when the value, trimmed, is a card number (and nothing else). */
export function isCardNumber(value: string): boolean {
  const trimmed = value.trim();
  return WHOLE_CARD.test(trimmed) && isCardDigits(trimmed);
}

/** A digit run long enough to be a card number, somewhere in a value. */
const CARD_LENGTH_RUN = /\d(?:[ -]?\d){12}/;

/** True when the value contains a digit run that is a card number. */
export function containsCardNumber(value: string): boolean {
  // Most values (names, tokens, addresses) hold no run of 13 digits: one test, no scan.
  if (!CARD_LENGTH_RUN.test(value)) return false;
  for (const match of value.matchAll(DIGIT_RUN)) if (isCardDigits(match[0])) return true;
  return false;
}
